import Foundation

/// Two runs compared on pass@1, sample by sample, by the exact McNemar test.
public struct PairedComparison: Sendable, Hashable, Codable {
    /// The first arm's run (`b` counts its wins).
    public var first: String
    /// The second arm's run (`c` counts its wins).
    public var second: String
    public var test: McNemarTest

    /// Sample i of run `first` against sample i of run `second` on the problems both attempted.
    public init(first: String, second: String, samples: [SampleResult]) {
        self.first = first
        self.second = second
        test = McNemarTest(
            first: samples.filter { $0.run == first }, second: samples.filter { $0.run == second })
    }
}
