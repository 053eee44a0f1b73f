/// The headline answer for one model on one card.
public enum Verdict: Sendable, Hashable {
    /// The weights and every requested sequence fit on one GPU.
    case fits
    /// One sequence of the requested context fits, but only this many at once (fewer than requested).
    case fitsWithFewerSequences(Int)
    /// The requested format does not fit one GPU; this smaller one does.
    case fitsWithQuantization(Quantization)
    /// One GPU is not enough; this many with tensor parallelism are.
    case needsTensorParallel(gpus: Int)
    /// Only a shorter context fits one GPU (or the model cannot attend as far as asked): at most this many tokens.
    case fitsWithShorterContext(Int)
    /// Nothing up to eight GPUs serves it.
    case doesNotFit

    /// A stable machine-readable name, used as the JSON `verdict`.
    public var code: String {
        switch self {
        case .fits: "fits"
        case .fitsWithFewerSequences: "fits_fewer_sequences"
        case .fitsWithQuantization: "fits_with_quantization"
        case .needsTensorParallel: "needs_tensor_parallel"
        case .fitsWithShorterContext: "fits_shorter_context"
        case .doesNotFit: "does_not_fit"
        }
    }

    /// A short phrase for reports, such as `needs 2 GPUs with tensor parallel`.
    public var summary: String {
        switch self {
        case .fits: "fits"
        case .fitsWithFewerSequences(let count): "fits, but only \(count) sequence\(count == 1 ? "" : "s") at once"
        case .fitsWithQuantization(let quantization):
            quantization.isFourBit ? "fits with int4 (\(quantization.label))" : "fits with \(quantization.label)"
        case .needsTensorParallel(let gpus): "needs \(gpus) GPUs with tensor parallel"
        case .fitsWithShorterContext(let tokens): "fits with a shorter context: at most \(ByteCount.grouped(tokens)) tokens"
        case .doesNotFit: "does not fit, even on 8 GPUs"
        }
    }
}
