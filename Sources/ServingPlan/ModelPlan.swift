/// The plan for one model on the chosen GPU: the arithmetic, the verdict and the `vllm serve` line.
public struct ModelPlan: Sendable, Hashable {
    /// The model planned.
    public var model: ModelSpec
    /// The card planned for.
    public var gpu: GPU
    /// Tokens per sequence asked for.
    public var context: Int
    /// Sequences that must fit at once (1 unless `--concurrency` was given).
    public var sequences: Int
    /// Whether `--concurrency` was given.
    public var concurrencyGiven: Bool
    /// The requested format on one GPU.
    public var single: Deployment
    /// `parameters × nominal bytes × 1.3`, the rule of thumb, for comparison.
    public var naiveBytes: Int64
    /// Whether the weights plus one sequence of `context` tokens fit one GPU at the chosen utilization.
    public var fits: Bool
    /// Fewest GPUs (1, 2, 4 or 8, tensor parallel) whose memory holds the weights plus `sequences × context` tokens,
    /// in the requested format and regardless of the model's context limit; nil when even 8 are not enough.
    public var gpusNeeded: Int?
    /// The requested format on `gpusNeeded` GPUs, when that is more than one.
    public var tensorParallel: Deployment?
    /// The first smaller format that fits everything on one GPU, when the requested one does not.
    public var smallerQuantization: Deployment?
    /// The headline answer.
    public var verdict: Verdict
    /// Sentences that explain the verdict.
    public var reasons: [String]
    /// The command for the verdict's configuration (nil when nothing fits).
    public var command: VLLMCommand?
    /// Assumptions and warnings specific to this model.
    public var notes: [String]
    /// The overhead assumptions the plan used.
    public var overheads: OverheadModel

    /// Plans `model` on `gpu` as `request` asks.
    public init(model: ModelSpec, gpu: GPU, request: PlanRequest) {
        let overheads = request.overheads
        func deploy(_ quantization: Quantization, _ parallel: Int) -> Deployment {
            Deployment(
                model: model, gpu: gpu, quantization: quantization, kvCacheDType: request.kvCacheDType,
                tensorParallelSize: parallel, gpuMemoryUtilization: request.gpuMemoryUtilization,
                overheads: overheads)
        }
        let context = request.context
        let sequences = request.concurrency ?? 1
        let concurrencyGiven = request.concurrency != nil
        let single = deploy(request.quantization, 1)
        let limit = model.maxPositionEmbeddings
        let parallelSizes = [1, 2, 4, 8].filter { model.allowsTensorParallel($0) }
        self.model = model
        self.gpu = gpu
        self.context = context
        self.sequences = sequences
        self.concurrencyGiven = concurrencyGiven
        self.single = single
        self.overheads = overheads
        naiveBytes = Int64((Double(model.parameters) * request.quantization.nominalBytesPerParameter * 1.3).rounded())
        fits = single.fits(context: context)
        gpusNeeded = parallelSizes.first {
            deploy(request.quantization, $0).fits(context: context, sequences: sequences)
        }
        tensorParallel = gpusNeeded.flatMap { $0 > 1 ? deploy(request.quantization, $0) : nil }
        smallerQuantization =
            single.fits(context: context, sequences: sequences)
            ? nil
            : request.quantization.smallerAlternatives(on: gpu).lazy
                .map { deploy($0, 1) }
                .first { $0.fits(context: context, sequences: sequences) }

        // The headline, most useful answer first; a context beyond the model's limit rules out the others.
        let defaultSeqs = Int64(overheads.defaultMaxNumSeqs(on: gpu))
        func seqs(_ deployment: Deployment, _ length: Int) -> Int {
            concurrencyGiven ? sequences : Int(min(deployment.maxConcurrency(context: length), defaultSeqs))
        }
        let chosen: (verdict: Verdict, deployment: Deployment, maxModelLen: Int, maxNumSeqs: Int)?
        if context > limit {
            if single.weightsFit && single.maxContext >= Int64(single.blockSize) {
                let tokens = Int(single.maxContext)
                chosen = (.fitsWithShorterContext(tokens), single, tokens, 1)
            } else if let size = parallelSizes.first(where: { deploy(request.quantization, $0).fits(context: limit) }) {
                let deployment = deploy(request.quantization, size)
                chosen = (.needsTensorParallel(gpus: size), deployment, limit, seqs(deployment, limit))
            } else {
                chosen = nil
            }
        } else if single.fits(context: context, sequences: sequences) {
            chosen = (.fits, single, context, seqs(single, context))
        } else if fits {
            let count = Int(single.maxConcurrency(context: context))
            chosen = (.fitsWithFewerSequences(count), single, context, count)
        } else if let smaller = smallerQuantization {
            chosen = (.fitsWithQuantization(smaller.quantization), smaller, context, seqs(smaller, context))
        } else if let tensorParallel {
            chosen = (
                .needsTensorParallel(gpus: tensorParallel.tensorParallelSize), tensorParallel, context,
                seqs(tensorParallel, context)
            )
        } else if single.weightsFit && single.maxContext >= Int64(single.blockSize) {
            let tokens = Int(single.maxContext)
            chosen = (.fitsWithShorterContext(tokens), single, tokens, 1)
        } else {
            chosen = nil
        }
        verdict = chosen?.verdict ?? .doesNotFit
        command = chosen.map {
            VLLMCommand(
                serving: model, on: gpu, as: $0.deployment, maxModelLen: $0.maxModelLen, maxNumSeqs: $0.maxNumSeqs)
        }
        // `explanation()` and `modelNotes` read the finished plan, so these start empty.
        reasons = []
        notes = []
        reasons = explanation()
        notes = modelNotes(kvCacheDType: request.kvCacheDType) + (command?.warnings ?? [])
    }

    /// Bytes read from memory per generated token of one sequence: the active share of the weights on one GPU.
    public var bytesReadPerToken: Int64 {
        guard let moe = model.moe else { return single.weightsBytes }
        let share = Double(moe.activeParameters) / Double(model.parameters)
        return Int64(Double(single.weightsBytes) * share)
    }

    /// Upper bound on single-sequence decode speed: bandwidth ÷ bytes read per token (nil without a bandwidth).
    public var decodeTokensPerSecondCeiling: Double? {
        guard gpu.bandwidthGBps > 0, single.weightsFit, bytesReadPerToken > 0 else { return nil }
        return gpu.bandwidthGBps * 1e9 / Double(bytesReadPerToken)
    }
}

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
            switch quantization {
            case .awq: "fits with int4 (AWQ)"
            case .gptqInt4: "fits with int4 (GPTQ)"
            default: "fits with \(quantization.label)"
            }
        case .needsTensorParallel(let gpus): "needs \(gpus) GPUs with tensor parallel"
        case .fitsWithShorterContext(let tokens):
            "fits with a shorter context: at most \(ByteCount.grouped(tokens)) tokens"
        case .doesNotFit: "does not fit, even on 8 GPUs"
        }
    }
}
