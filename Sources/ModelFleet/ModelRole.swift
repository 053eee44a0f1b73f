/// Which kind of model a problem needs, and which kind a configured model is.
public enum ModelRole: String, Sendable, Hashable, Codable, CaseIterable {
    /// DeepSeek-R1-Distill-Qwen: math, number theory, DP, graphs, proofs, derivations.
    case reasoning
    /// Qwen2.5-Coder: simulation, parsing, string handling, straightforward data-structure use.
    case code
}
