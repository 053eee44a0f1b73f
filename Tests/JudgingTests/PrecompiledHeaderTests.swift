import Foundation
import Judging
import ProblemFormat
import TestSupport
import Testing

@Suite struct PrecompiledHeaderTests {
    /// Two judges building the header into one empty cache at once must both compile correctly: each build writes a
    /// file of its own and installs it with one rename (a shared temporary name once installed a corrupt header).
    @Test func judgesSharingAnEmptyCacheBuildTheHeaderSafely() async throws {
        let cache = try Fixtures.temporaryDirectory(prefix: "pch-cache")
        defer { try? FileManager.default.removeItem(at: cache) }
        let problem = try Fixtures.problem(input: "2 3\n", answer: "5\n")
        let source =
            "#include <bits/stdc++.h>\nint main() { long long a, b; std::cin >> a >> b; std::cout << a + b << '\\n'; }\n"
        let judges = try (0..<3).map { _ in try Judge(cacheRoot: cache) }
        let verdicts = try await withThrowingTaskGroup(of: Verdict.self) { group in
            for judge in judges {
                group.addTask {
                    try await judge.judge(Submission(source: source, language: .cpp, name: "sum"), on: problem).verdict
                }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(verdicts == [.accepted, .accepted, .accepted])
        let headers = try FileManager.default.subpathsOfDirectory(atPath: cache.path).filter {
            $0.hasSuffix(".gch") || $0.hasSuffix(".partial")
        }
        #expect(headers.count == 1 && headers[0].hasSuffix("bits/stdc++.h.gch"), "\(headers)")
    }
}
