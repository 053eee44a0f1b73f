import Foundation

/// How the contestant strategy chose the program it submitted, what each step cost, and, after the verdict, which
/// candidates the hidden tests would have accepted: what `--json`, the transcript and the store say.
public struct SelectionReport: Sendable, Hashable, Codable {
    /// The attempt submitted; nil when no candidate had a program this machine can judge.
    public var submitted: Int?
    /// Why that one, in a sentence.
    public var reason: String
    /// Every candidate, in attempt order.
    public var candidates: [CandidateSummary]
    /// Generated inputs every survivor ran on.
    public var generatedInputs: Int
    /// Generated inputs set aside because every survivor failed on them (more likely invalid than all wrong).
    public var suspectInputs: Int
    /// Groups of survivors whose outputs agreed on every generated input, as attempt numbers, the chosen group first.
    public var groups: [[Int]]
    /// What each step cost, in order.
    public var steps: [StepCost]
    /// After the submission's verdict: every candidate judged on the hidden tests (evaluations only); never fed back.
    public var oracle: OracleCheck?

    public init(
        submitted: Int?, reason: String, candidates: [CandidateSummary], generatedInputs: Int, suspectInputs: Int,
        groups: [[Int]], steps: [StepCost], oracle: OracleCheck? = nil
    ) {
        self.submitted = submitted
        self.reason = reason
        self.candidates = candidates
        self.generatedInputs = generatedInputs
        self.suspectInputs = suspectInputs
        self.groups = groups
        self.steps = steps
        self.oracle = oracle
    }

    enum CodingKeys: String, CodingKey {
        case submitted, reason, candidates, groups, steps, oracle
        case generatedInputs = "generated_inputs", suspectInputs = "suspect_inputs"
    }

    /// One candidate as the report shows it.
    public struct CandidateSummary: Sendable, Hashable, Codable {
        public var attempt: Int
        public var language: String
        /// The attempt it repairs.
        public var repairs: Int?
        public var samplesPassed: Int
        public var samples: Int
        /// Failed samples and generated-input runs.
        public var failures: Int
        public var cpuMilliseconds: Int
        /// Why it was out, or nil.
        public var ruledOut: String?

        public init(
            attempt: Int, language: String, repairs: Int?, samplesPassed: Int, samples: Int, failures: Int,
            cpuMilliseconds: Int, ruledOut: String?
        ) {
            self.attempt = attempt
            self.language = language
            self.repairs = repairs
            self.samplesPassed = samplesPassed
            self.samples = samples
            self.failures = failures
            self.cpuMilliseconds = cpuMilliseconds
            self.ruledOut = ruledOut
        }

        enum CodingKeys: String, CodingKey {
            case attempt, language, repairs, samples, failures
            case samplesPassed = "samples_passed", cpuMilliseconds = "cpu_ms", ruledOut = "ruled_out"
        }
    }

    /// The hidden tests' verdict on every candidate, taken after the submission was judged.
    public struct OracleCheck: Sendable, Hashable, Codable {
        /// Attempts judged (one per distinct program).
        public var judged: [Int]
        /// Those the hidden tests accept.
        public var accepted: [Int]

        public init(judged: [Int], accepted: [Int]) {
            self.judged = judged
            self.accepted = accepted
        }

        /// Some generated program passes the hidden tests (oracle any-of-N).
        public var anyAccepted: Bool { !accepted.isEmpty }

        enum CodingKeys: String, CodingKey { case judged, accepted }
    }
}

/// What one step of a strategy cost: model requests and their tokens, judge calls and program runs, wall time.
public struct StepCost: Sendable, Hashable, Codable {
    public var step: String
    public var requests: Int
    public var promptTokens: Int
    public var completionTokens: Int
    /// Compiles and judgements (`judge` and `execute` calls).
    public var judgeCalls: Int
    /// Programs run on generated inputs (and a generator's runs).
    public var programRuns: Int
    public var seconds: Double

    public init(
        step: String, requests: Int = 0, promptTokens: Int = 0, completionTokens: Int = 0, judgeCalls: Int = 0,
        programRuns: Int = 0, seconds: Double = 0
    ) {
        self.step = step
        self.requests = requests
        self.promptTokens = promptTokens
        self.completionTokens = completionTokens
        self.judgeCalls = judgeCalls
        self.programRuns = programRuns
        self.seconds = seconds
    }

    enum CodingKeys: String, CodingKey {
        case step, requests, seconds
        case promptTokens = "prompt_tokens", completionTokens = "completion_tokens", judgeCalls = "judge_calls"
        case programRuns = "program_runs"
    }
}
