import Foundation
import Judging

/// A program the contestant strategy may submit, and what the strategy learned about it without the hidden tests.
public struct Candidate: Sendable {
    /// The attempt (model request) that produced it.
    public var attempt: Int
    public var program: ExtractedProgram
    /// The language the judge runs it in; nil when this machine cannot judge it.
    public var language: Language?
    /// The program with comments and layout stripped: equal for the same program written twice.
    public var normalized: String
    /// The attempt this one repairs, if it came from a repair request.
    public var repairs: Int?
    /// Completion tokens of its request.
    public var tokens: Int
    /// Its judgement on the samples (every sample run, none stopping the others); nil when it cannot be judged.
    public var samples: JudgeReport?
    /// Its runs on the generated inputs, in input order; empty until the selection ran it.
    public var runs: [ProgramRun]
    /// Why it cannot be submitted as a clean choice (a failed sample, a crash on a generated input), or nil.
    public var ruledOut: String?

    public init(
        attempt: Int, program: ExtractedProgram, language: Language?, repairs: Int? = nil, tokens: Int = 0,
        samples: JudgeReport? = nil
    ) {
        self.attempt = attempt
        self.program = program
        self.language = language
        self.normalized = CodeExtractor.normalized(program.code, language: program.language)
        self.repairs = repairs
        self.tokens = tokens
        self.samples = samples
        self.runs = []
        self.ruledOut = nil
    }

    /// The samples it passed.
    public var samplesPassed: Int { samples?.tests.filter(\.verdict.isAccepted).count ?? 0 }

    /// Whether it compiled and passed every sample (true for a problem without samples once it compiles).
    public var passedSamples: Bool {
        guard let samples, samples.compile.ok else { return false }
        return samples.tests.allSatisfy(\.verdict.isAccepted)
    }

    /// Failed samples and failed runs on generated inputs (those set aside as suspect included).
    public var failures: Int {
        (samples?.tests.filter { !$0.verdict.isAccepted }.count ?? 0) + runs.filter { !$0.succeeded }.count
    }

    /// CPU milliseconds over its samples and its generated-input runs: what "cheaper" compares.
    public var cpuMilliseconds: Int {
        (samples?.tests.map(\.timeMilliseconds).reduce(0, +) ?? 0) + runs.map(\.timeMilliseconds).reduce(0, +)
    }

    /// The submission the judge gets for it.
    func submission(named name: String) -> Submission? {
        language.map { Submission(source: program.code, language: $0, name: name) }
    }
}
