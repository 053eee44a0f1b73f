import Foundation
import ModelClient

/// What a running benchmark is doing, for a progress display.
public enum BenchProgress: Sendable {
    /// The model was found; the warm-up request is next.
    case warmingUp(model: String)
    case levelStarted(concurrency: Int, requests: Int)
    case levelFinished(LevelResult)
}

/// Measures a model server the way GPU comparison tables do: for each concurrency level, keeps exactly that many
/// streaming requests in flight (a new one starts as soon as one ends) and records TTFT, decode speed and
/// throughput, while sampling the server's `/metrics`.
public struct ServerBenchmark: Sendable {
    public var settings: BenchSettings
    private let client: ModelClient

    public init(settings: BenchSettings) {
        self.settings = settings
        // No retries: a failed request is a measurement.
        client = ModelClient(
            baseURL: settings.endpoint, apiKey: settings.apiKey, timeouts: settings.timeouts,
            retry: RetryPolicy(maxRetries: 0))
    }

    /// Runs the warm-up and every level. Cancelling the task (Ctrl-C) aborts the requests in flight and returns
    /// the levels finished so far, marked `interrupted`.
    /// - Throws: `ServerBenchError` for bad settings, no model, a context too small or a failed warm-up;
    ///   `ModelServerError` when the server cannot be reached; `CancellationError` when cancelled before the
    ///   first level.
    public func run(progress: @escaping @Sendable (BenchProgress) -> Void = { _ in }) async throws -> BenchReport {
        try settings.validate()
        var settings = settings
        let seed = settings.promptSeed ?? UInt64.random(in: 0...UInt64.max)
        settings.promptSeed = seed
        let model = try await resolveModel()
        progress(.warmingUp(model: model))
        let warmup = await measure(model: model, index: 0, seed: seed)
        try Task.checkCancellation()
        if let error = warmup.error { throw ServerBenchError.warmupFailed(model: model, error: error) }
        // After the warm-up: Prometheus clients create a labelled series on its first use.
        let metrics = await probeMetrics(model: model)

        var report = BenchReport(
            settings: settings, model: model, warmup: warmup, levels: [], metricsURL: metricsURL, metrics: metrics)
        var nextIndex = 1
        for concurrency in settings.concurrencies.sorted() {
            let requests = settings.requests(atConcurrency: concurrency)
            progress(.levelStarted(concurrency: concurrency, requests: requests))
            let level = await runLevel(
                model: model, concurrency: concurrency, requests: requests, firstIndex: nextIndex, seed: seed,
                sampleMetrics: metrics.isAvailable)
            nextIndex += requests
            guard !Task.isCancelled else {
                report.interrupted = true
                break
            }
            report.levels.append(level)
            progress(.levelFinished(level))
        }
        return report
    }

    private var metricsURL: String { client.rootURL + "/metrics" }

    /// The model to benchmark, checking that the prompt and the answer fit its context when the server says it.
    private func resolveModel() async throws -> String {
        let served: [ServedModel]
        do {
            served = try await client.models()
        } catch ModelServerError.cancelled {
            throw CancellationError()
        }
        guard let model = settings.model ?? served.first?.id else {
            throw ServerBenchError.noModels(endpoint: settings.endpoint)
        }
        let needed = settings.promptTokens + settings.maxTokens
        if let length = served.first(where: { $0.id == model })?.maxModelLength, needed > length {
            throw ServerBenchError.contextTooSmall(model: model, needed: needed, available: length)
        }
        return model
    }

    /// One level: `requests` requests, `concurrency` of them in flight at any time until the last ones drain.
    private func runLevel(
        model: String, concurrency: Int, requests: Int, firstIndex: Int, seed: UInt64, sampleMetrics: Bool
    ) async -> LevelResult {
        enum Outcome: Sendable {
            case request(RequestSample)
            case metrics(peak: ServerLoad?, samples: Int)
        }
        let before = sampleMetrics ? await currentLoad(model: model) : nil
        let started = Date()
        var samples: [RequestSample] = []
        var peak: (load: ServerLoad?, samples: Int)?
        await withTaskGroup(of: Outcome.self) { group in
            if sampleMetrics {
                group.addTask {
                    let (load, count) = await sampleLoad(model: model)
                    return .metrics(peak: load, samples: count)
                }
            }
            var sent = 0
            func send() {
                let index = firstIndex + sent
                group.addTask { .request(await measure(model: model, index: index, seed: seed)) }
                sent += 1
            }
            for _ in 0..<min(concurrency, requests) { send() }
            while let outcome = await group.next() {
                switch outcome {
                case .request(let sample):
                    samples.append(sample)
                    if sent < requests, !Task.isCancelled { send() }
                    // All requests done: stop the metrics sampler.
                    if samples.count == sent, sent == requests || Task.isCancelled { group.cancelAll() }
                case .metrics(let load, let count):
                    peak = (load, count)
                }
            }
        }
        let wall = Date().timeIntervalSince(started)
        var load: LevelLoad?
        if sampleMetrics {
            load = LevelLoad(
                before: before, peak: peak?.load, after: await currentLoad(model: model), samples: peak?.samples ?? 0)
        }
        return LevelResult(
            concurrency: concurrency, maxTokens: settings.maxTokens, samples: samples, wallSeconds: wall, load: load)
    }

    /// One streaming request of `settings.maxTokens` tokens at temperature 0, asked to ignore EOS.
    private func measure(model: String, index: Int, seed: UInt64) async -> RequestSample {
        let prompt = BenchPrompt.text(tokens: settings.promptTokens, index: index, seed: seed)
        let request = ChatRequest(
            model: model, messages: [ChatMessage(.user, prompt)],
            sampling: Sampling(
                temperature: 0, maxTokens: settings.maxTokens, minTokens: settings.maxTokens, ignoreEOS: true))
        let started = Date()
        do {
            return RequestSample(try await client.chat(request))
        } catch {
            return RequestSample(failure: "\(error)", latency: Date().timeIntervalSince(started))
        }
    }

    /// Whether `/metrics` exists and carries figures this benchmark knows.
    private func probeMetrics(model: String) async -> MetricsStatus {
        do {
            let page = PrometheusText(parsing: try await client.metrics())
            guard let load = ServerLoad(page, model: model) else { return .unrecognized(samples: page.samples.count) }
            return .available(server: load.server, figures: load.presentFigures)
        } catch {
            return .unavailable(reason: "\(error)")
        }
    }

    /// The server's load now; nil when `/metrics` cannot be read (never fatal).
    private func currentLoad(model: String) async -> ServerLoad? {
        guard let text = try? await client.metrics() else { return nil }
        return ServerLoad(PrometheusText(parsing: text), model: model)
    }

    /// Samples `/metrics` every `settings.metricsInterval` seconds until cancelled; the peak and the sample count.
    private func sampleLoad(model: String) async -> (ServerLoad?, Int) {
        var peak: ServerLoad?
        var count = 0
        while !Task.isCancelled {
            if let load = await currentLoad(model: model), !Task.isCancelled {
                peak = peak.map { $0.peak(with: load) } ?? load
                count += 1
            }
            try? await Task.sleep(for: .seconds(settings.metricsInterval))
        }
        return (peak, count)
    }
}
