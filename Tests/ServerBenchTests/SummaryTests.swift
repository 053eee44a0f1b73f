import Testing

@testable import ServerBench

/// Percentiles by linear interpolation between closest ranks (NumPy's default).
@Suite struct SummaryTests {
    @Test(arguments: [
        // values, q, NumPy's np.percentile(values, 100 q)
        ([1.0, 2, 3, 4], 0.5, 2.5),
        ([1.0, 2, 3, 4], 0.95, 3.85),
        ([7.0], 0.95, 7.0),
        ([1.0, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.95, 9.55),
        ([0.2, 0.2, 0.9], 0.5, 0.2),
    ])
    func quantiles(values: [Double], q: Double, expected: Double) {
        #expect(abs(Summary.quantile(q, ofSorted: values) - expected) < 1e-12)
    }

    @Test func summaryOfUnsortedValues() throws {
        let summary = try #require(Summary([4, 1, 3, 2]))
        #expect(summary.count == 4)
        #expect(summary.mean == 2.5)
        #expect(summary.p50 == 2.5)
        #expect(abs(summary.p95 - 3.85) < 1e-12)
        #expect(summary.min == 1 && summary.max == 4)
        #expect(Summary([]) == nil)
    }
}
