import Foundation
import PostgresNIO
import ProblemFormat
import Solving

/// One `solve eval` worker's share of runs in a PostgreSQL store: it claims one sample at a time.
///
/// Every sample of a run is a row of `work`. A worker claims the first open one (sample-major, then problem, then
/// run) with `SELECT … FOR UPDATE SKIP LOCKED`, so two workers never take the same row, and holds it until
/// `lease_until`, which its heartbeat pushes forward every `heartbeatInterval`. Each write of the sample (an
/// attempt, the finished sample) locks the row and checks that this worker still holds it, in the same transaction;
/// the finish marks it done, so a sample is finished exactly once. A worker killed without a word loses only the
/// samples it held: another worker takes them back when their lease runs out (`expiry` after its last heartbeat),
/// or at once on the same machine, where a dead process can be told from a live one; their pending attempts are
/// marked `abandoned` when they are claimed again.
final class PostgresWork: SampleQueue, @unchecked Sendable {  // the `var`s are guarded by `lock`
    /// How often a worker renews its claims.
    static let heartbeatInterval: TimeInterval = 5
    /// How long a claim holds after its worker's last heartbeat.
    static let expiry: TimeInterval = 30

    let store: PostgresStore
    let runs: [RunRecord]
    /// This worker's row in `worker`.
    let id: String
    let holder: LeaseHolder
    private let runNames: [String]
    private let runsByName: [String: RunRecord]
    private let problems: [String: Problem]
    private let slugs: [String]
    private let samplesPerProblem: Int
    private let resume: Bool
    private let heartbeatInterval: TimeInterval
    private let expiry: TimeInterval
    /// How long `next()` waits before looking again while other workers hold the last samples.
    private let pollInterval: Duration
    private let lock = NSLock()
    private var heartbeat: Task<Void, Never>?
    private var released = false
    private var lastSweep = Date.distantPast

    init(
        store: PostgresStore, runs: [RunRecord], set: ProblemSet, samples: Int, resume: Bool,
        holder: LeaseHolder = .current, heartbeatInterval: TimeInterval = PostgresWork.heartbeatInterval,
        expiry: TimeInterval = PostgresWork.expiry, pollInterval: Duration = .seconds(1)
    ) {
        self.store = store
        self.runs = runs
        runNames = runs.map(\.name)
        runsByName = Dictionary(runs.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        problems = Dictionary(set.problems.map { ($0.slug, $0) }, uniquingKeysWith: { first, _ in first })
        slugs = set.problems.map(\.slug)
        samplesPerProblem = samples
        self.resume = resume
        self.holder = holder
        self.heartbeatInterval = heartbeatInterval
        self.expiry = expiry
        self.pollInterval = pollInterval
        id = UUID().uuidString.lowercased()
    }

    private var logger: Logger { PostgresStore.logger }

    func start() async throws -> QueueStart {
        let (id, holder, runNames, slugs, samples, resume) = (id, holder, runNames, slugs, samplesPerProblem, resume)
        let counts = try await store.transaction { connection in
            try await connection.query(
                """
                INSERT INTO worker (id, runs, host, pid, pid_namespace, process_start, state, started_at, heartbeat_at)
                VALUES (\(id), \(runNames), \(holder.host), \(Int64(holder.pid)), \(holder.pidNamespace), \
                \(holder.processStart), 'running', now(), now())
                """, logger: PostgresStore.logger)
            for run in runNames {
                try await connection.query(
                    """
                    INSERT INTO work (run, problem, sample)
                    SELECT \(run), problem, sample FROM unnest(\(slugs)::text[]) AS problem,
                        generate_series(0, \(Int64(samples - 1))) AS sample
                    ON CONFLICT (run, problem, sample) DO NOTHING
                    """, logger: PostgresStore.logger)
            }
            if resume {
                try await connection.query(
                    "UPDATE work SET failures = 0 WHERE run = ANY(\(runNames)) AND state = 'open'",
                    logger: PostgresStore.logger)
            }
            let row = try await connection.query(
                """
                SELECT count(*), count(*) FILTER (WHERE state = 'done') FROM work
                WHERE run = ANY(\(runNames)) AND problem = ANY(\(slugs)) AND sample < \(Int64(samples))
                """, logger: PostgresStore.logger
            ).collect().first
            guard let row else { return (Int64(0), Int64(0)) }
            return try row.decode((Int64, Int64).self)
        }
        try await sweep()
        startHeartbeat()
        return QueueStart(total: Int(counts.0), finished: Int(counts.1), abandoned: 0, redone: 0)
    }

    func next() async throws -> QueuedSample? {
        while true {
            try Task.checkCancellation()
            if let claimed = try await claim() { return claimed }
            let (runNames, slugs, samples) = (runNames, slugs, Int64(samplesPerProblem))
            let remaining = try await store.failures {
                try await self.store.client.query(
                    """
                    SELECT count(*) FROM work
                    WHERE run = ANY(\(runNames)) AND problem = ANY(\(slugs)) AND sample < \(samples)
                        AND state <> 'done' AND failures < \(Int64(sampleFailureLimit))
                    """, logger: self.logger
                ).collect().first?.decode(Int64.self) ?? 0
            }
            if remaining == 0 { return nil }
            // Others hold the last samples: wait for them, and take back those of workers that died.
            let sweepDue = lock.withLock { Date().timeIntervalSince(lastSweep) >= heartbeatInterval }
            if sweepDue { try await sweep() }
            try await Task.sleep(for: pollInterval)
        }
    }

    /// Claims the first sample no live worker holds; nil when there is none right now.
    private func claim() async throws -> QueuedSample? {
        let (id, runNames, slugs, samples, expiry) = (id, runNames, slugs, Int64(samplesPerProblem), expiry)
        let claimed = try await store.transaction { connection -> (String, String, Int64)? in
            let row = try await connection.query(
                """
                UPDATE work SET state = 'claimed', worker = \(id), claims = claims + 1,
                    lease_until = now() + make_interval(secs => \(expiry))
                WHERE (run, problem, sample) = (
                    SELECT run, problem, sample FROM work
                    WHERE run = ANY(\(runNames)) AND problem = ANY(\(slugs)) AND sample < \(samples)
                        AND failures < \(Int64(sampleFailureLimit))
                        AND (state = 'open' OR (state = 'claimed' AND lease_until < now()))
                    ORDER BY sample, problem COLLATE "C", run COLLATE "C"
                    LIMIT 1 FOR UPDATE SKIP LOCKED)
                RETURNING run, problem, sample
                """, logger: PostgresStore.logger
            ).collect().first
            guard let (run, problem, sample) = try row?.decode((String, String, Int64).self) else { return nil }
            // What an earlier holder stored of the sample is set aside: the sample starts again.
            try await Self.abandonPendingAttempts(run: run, problem: problem, sample: sample, connection)
            return (run, problem, sample)
        }
        guard let (run, slug, sample) = claimed else { return nil }
        guard let record = runsByName[run], let problem = problems[slug] else {
            throw EvaluationError.database(
                path: store.location, message: "claimed \(run) \(slug) #\(sample), which this worker does not have")
        }
        return QueuedSample(run: record, problem: problem, sample: Int(sample))
    }

    func record(_ attempt: AttemptRecord, of sample: QueuedSample) async throws {
        let row = try AttemptRow(
            attempt, status: .pending, run: sample.run, problem: sample.problem.slug, sample: sample.sample)
        try await store.transaction { connection in
            try await self.requireClaim(on: sample, connection)
            try await self.store.insert(row, on: connection)
        }
    }

    func finish(_ result: SampleResult, attempts: [AttemptRecord], of sample: QueuedSample) async throws {
        let rows = try attempts.map {
            try AttemptRow($0, status: .final, run: sample.run, problem: sample.problem.slug, sample: sample.sample)
        }
        let (id, run, slug, number) = (id, sample.run.name, sample.problem.slug, Int64(sample.sample))
        try await store.transaction { connection in
            try await self.requireClaim(on: sample, connection)
            try await self.store.insert(SampleRow(result, finishedAt: Date()), on: connection)
            var stored: [Int64: Int64] = [:]
            for try await (attemptID, attemptNumber) in try await connection.query(
                """
                SELECT id, number FROM attempt
                WHERE run = \(run) AND problem = \(slug) AND sample = \(number) AND status = 'pending' ORDER BY id
                """, logger: PostgresStore.logger
            ).decode((Int64, Int64).self) {
                stored[attemptNumber] = attemptID
            }
            for row in rows {
                if let attemptID = stored[Int64(row.number)] {
                    try await connection.query(
                        "UPDATE attempt SET status = 'final' WHERE id = \(attemptID)", logger: PostgresStore.logger)
                } else {
                    try await self.store.insert(row, on: connection)
                }
            }
            try await Self.abandonPendingAttempts(run: run, problem: slug, sample: number, connection)
            try await connection.query(
                """
                UPDATE work SET state = 'done', lease_until = NULL
                WHERE run = \(run) AND problem = \(slug) AND sample = \(number)
                """, logger: PostgresStore.logger)
            try await connection.query(
                "UPDATE worker SET finished = finished + 1 WHERE id = \(id)", logger: PostgresStore.logger)
        }
    }

    func setAside(_ sample: QueuedSample, reason: String) async throws {
        let (id, run, slug, number) = (id, sample.run.name, sample.problem.slug, Int64(sample.sample))
        try await store.transaction { connection in
            try await self.requireClaim(on: sample, connection)
            try await Self.abandonPendingAttempts(run: run, problem: slug, sample: number, connection)
            try await connection.query(
                """
                UPDATE work SET state = 'open', worker = NULL, lease_until = NULL, failures = failures + 1,
                    last_failure = \(reason)
                WHERE run = \(run) AND problem = \(slug) AND sample = \(number)
                """, logger: PostgresStore.logger)
            try await connection.query(
                "UPDATE worker SET failed = failed + 1 WHERE id = \(id)", logger: PostgresStore.logger)
        }
    }

    /// Locks the sample's row and throws `EvaluationError.leaseLost` unless this worker holds it.
    private func requireClaim(on sample: QueuedSample, _ connection: PostgresConnection) async throws {
        let (run, slug, number) = (sample.run.name, sample.problem.slug, Int64(sample.sample))
        let row = try await connection.query(
            """
            SELECT w.worker, w.state, k.host, k.pid FROM work w LEFT JOIN worker k ON k.id = w.worker
            WHERE w.run = \(run) AND w.problem = \(slug) AND w.sample = \(number) FOR UPDATE OF w
            """, logger: logger
        ).collect().first
        let (worker, state, host, pid) =
            try row?.decode((String?, String, String?, Int64?).self) ?? (nil, "missing", nil, nil)
        guard worker == id, state == "claimed" else {
            let other = host.map { "solve pid \(pid ?? 0) on \($0)" }
            throw EvaluationError.leaseLost(
                run: "\(run) (\(slug) #\(number), \(state == "done" ? "finished" : state))", holder: other)
        }
    }

    /// Marks the `pending` attempts of one sample `abandoned`.
    private static func abandonPendingAttempts(
        run: String, problem: String, sample: Int64, _ connection: PostgresConnection
    ) async throws {
        try await connection.query(
            """
            UPDATE attempt SET status = 'abandoned'
            WHERE run = \(run) AND problem = \(problem) AND sample = \(sample) AND status = 'pending'
            """, logger: PostgresStore.logger)
    }

    /// Puts the samples `worker` holds back in the queue.
    private static func returnClaims(of worker: String, _ connection: PostgresConnection) async throws {
        try await connection.query(
            "UPDATE work SET state = 'open', worker = NULL, lease_until = NULL WHERE worker = \(worker) AND state = 'claimed'",
            logger: PostgresStore.logger)
    }

    /// Takes back the samples of workers of this machine whose process has ended (killed, crashed).
    private func sweep() async throws {
        lock.withLock { lastSweep = Date() }
        let (id, host, namespace) = (id, holder.host, holder.pidNamespace)
        let rows = try await store.failures {
            try await self.store.client.query(
                """
                SELECT id, pid, process_start FROM worker
                WHERE state = 'running' AND id <> \(id) AND host = \(host) AND pid_namespace = \(namespace)
                """, logger: self.logger
            ).collect()
        }
        for row in rows {
            let (other, pid, start) = try row.decode((String, Int64, Int64).self)
            guard let pid32 = Int32(exactly: pid) else { continue }
            let candidate = LeaseHolder(host: host, pid: pid32, pidNamespace: namespace, processStart: start)
            guard candidate.isGone() else { continue }
            try await store.transaction { connection in
                try await connection.query(
                    "UPDATE worker SET state = 'gone', stopped_at = now() WHERE id = \(other) AND state = 'running'",
                    logger: PostgresStore.logger)
                try await Self.returnClaims(of: other, connection)
            }
        }
    }

    private func startHeartbeat() {
        let (store, id, interval, expiry) = (store, id, heartbeatInterval, expiry)
        let task = Task {
            while !Task.isCancelled {
                try? await Task.sleep(for: .seconds(interval))
                if Task.isCancelled { return }
                // A failed renewal is not fatal here: every write checks the claim itself.
                _ = try? await store.transaction { connection in
                    try await connection.query(
                        "UPDATE worker SET heartbeat_at = now() WHERE id = \(id)", logger: PostgresStore.logger)
                    try await connection.query(
                        """
                        UPDATE work SET lease_until = now() + make_interval(secs => \(expiry))
                        WHERE worker = \(id) AND state = 'claimed'
                        """, logger: PostgresStore.logger)
                }
            }
        }
        lock.withLock { heartbeat = task }
    }

    /// Stops the heartbeat, gives back the samples still held and marks the worker stopped; waits at most a few
    /// seconds (a signal handler calls it). A worker that cannot say so is found out later (gone or silent).
    func release() {
        let first = lock.withLock {
            defer { released = true }
            heartbeat?.cancel()
            return !released
        }
        guard first else { return }
        let (store, id) = (store, id)
        let done = DispatchSemaphore(value: 0)
        Task.detached {
            _ = try? await store.transaction { connection in
                try await connection.query(
                    "UPDATE worker SET state = 'stopped', stopped_at = now() WHERE id = \(id) AND state = 'running'",
                    logger: PostgresStore.logger)
                try await Self.returnClaims(of: id, connection)
            }
            done.signal()
        }
        _ = done.wait(timeout: .now() + 5)
    }
}

extension PostgresStore {
    public func queue(for planned: [RunRecord], set: ProblemSet, samples: Int, resume: Bool) async throws
        -> any SampleQueue
    {
        try await queue(for: planned, set: set, samples: samples, resume: resume, holder: .current)
    }

    /// `queue(for:set:samples:resume:)` for `holder` with the given timings (tests shorten them).
    func queue(
        for planned: [RunRecord], set: ProblemSet, samples: Int, resume: Bool, holder: LeaseHolder,
        heartbeatInterval: TimeInterval = PostgresWork.heartbeatInterval, expiry: TimeInterval = PostgresWork.expiry
    ) async throws -> PostgresWork {
        let problems = set.problems.map(ProblemEntry.init)
        let runs = try await transaction { connection in
            var runs: [RunRecord] = []
            for run in planned { runs.append(try await self.createOrJoin(run, problems: problems, on: connection)) }
            return runs
        }
        return PostgresWork(
            store: self, runs: runs, set: set, samples: samples, resume: resume, holder: holder,
            heartbeatInterval: heartbeatInterval, expiry: expiry)
    }

    public func status(of runs: [String]) async throws -> EvaluationStatus {
        let stored = try await self.runs()
        var statuses: [EvaluationStatus.Run] = []
        for name in runs {
            guard let run = stored.first(where: { $0.name == name }) else {
                throw EvaluationError.unknownRun(name: name, database: location, known: stored.map(\.name))
            }
            let row = try await failures {
                try await self.client.query(
                    """
                    SELECT (SELECT count(*) FROM problem WHERE run = \(name)),
                        (SELECT count(*) FROM sample WHERE run = \(name)),
                        (SELECT count(*) FROM sample WHERE run = \(name) AND accepted),
                        (SELECT count(*) FROM work WHERE run = \(name) AND state = 'claimed'),
                        (SELECT count(*) FROM work WHERE run = \(name) AND state = 'open'
                            AND failures >= \(Int64(sampleFailureLimit)))
                    """, logger: Self.logger
                ).collect().first?.decode((Int64, Int64, Int64, Int64, Int64).self)
            }
            let (problems, finished, accepted, underWay, failedOut) = row ?? (0, 0, 0, 0, 0)
            statuses.append(
                EvaluationStatus.Run(
                    name: name, total: Int(problems) * run.samples, finished: Int(finished), accepted: Int(accepted),
                    underWay: Int(underWay), failedOut: Int(failedOut)))
        }
        let rows = try await failures {
            try await self.client.query(
                """
                SELECT k.id, k.host, k.pid, k.pid_namespace, k.process_start, k.state, k.started_at,
                    EXTRACT(EPOCH FROM now() - k.heartbeat_at)::float8,
                    EXTRACT(EPOCH FROM COALESCE(k.stopped_at, now()) - k.started_at)::float8,
                    k.finished, k.failed,
                    (SELECT count(*) FROM work w WHERE w.worker = k.id AND w.state = 'claimed')
                FROM worker k WHERE k.runs && \(runs) ORDER BY k.started_at, k.id
                """, logger: Self.logger
            ).collect()
        }
        var workers: [EvaluationStatus.Worker] = []
        for row in rows {
            let (id, host, pid, namespace, start, state, startedAt, age, seconds, finished, failed, inFlight) =
                try row.decode(
                    (String, String, Int64, String, Int64, String, Date, Double, Double, Int64, Int64, Int64).self)
            var shown = state
            if state == "running" {
                let holder = LeaseHolder(
                    host: host, pid: Int32(clamping: pid), pidNamespace: namespace, processStart: start)
                if holder.isGone() {
                    shown = "gone"
                } else if age > PostgresWork.expiry {
                    shown = "silent"
                }
            }
            workers.append(
                EvaluationStatus.Worker(
                    id: String(id.prefix(8)), host: host, pid: Int(pid), state: shown, startedAt: startedAt,
                    secondsSinceHeartbeat: age, finished: Int(finished), failed: Int(failed),
                    inFlight: Int(inFlight), samplesPerMinute: Double(finished) / max(1.0 / 60, seconds / 60)))
        }
        return EvaluationStatus(database: location, runs: statuses, workers: workers)
    }
}
