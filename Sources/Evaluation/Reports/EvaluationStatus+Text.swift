import Foundation
import OutputFormat

extension EvaluationStatus {
    /// Two tables: the runs (finished, accepted, under way, left, failed out) and the workers.
    public var table: String {
        let runRows = runs.map { run in
            [
                run.name, "\(run.finished) of \(run.total)", "\(run.accepted)", "\(run.underWay)",
                "\(max(0, run.total - run.finished - run.underWay))", "\(run.failedOut)",
            ]
        }
        var tables = [
            ReportTable(
                title: "Runs in \(database)",
                header: ["run", "finished", "accepted", "under way", "waiting", "failed out"], rows: runRows)
        ]
        let formatter = DateFormatter()
        formatter.dateFormat = "yyyy-MM-dd HH:mm:ss"
        let workerRows = workers.map { worker in
            [
                worker.id, worker.host, "\(worker.pid)", worker.state, formatter.string(from: worker.startedAt),
                "\(Int(worker.secondsSinceHeartbeat.rounded())) s ago", "\(worker.finished)", "\(worker.failed)",
                String(format: "%.1f", worker.samplesPerMinute), "\(worker.inFlight)",
            ]
        }
        tables.append(
            ReportTable(
                title: "Workers",
                header: workerRows.isEmpty
                    ? []
                    : [
                        "worker", "host", "pid", "state", "started", "last heard", "finished", "failed", "per minute",
                        "holding",
                    ],
                rows: workerRows, notes: workerRows.isEmpty ? ["none is working on these runs"] : [], labelColumns: 5))
        return tables.map { $0.text() }.joined(separator: "\n\n")
    }

    /// The status as JSON (dates in ISO 8601).
    public var json: String {
        let encoder = JSONText.encoder(.pretty)
        encoder.dateEncodingStrategy = .iso8601
        return (try? JSONText.string(self, encoder: encoder)) ?? "{}"
    }
}
