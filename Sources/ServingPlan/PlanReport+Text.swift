import Foundation
import OutputFormat

/// The human-readable report: aligned sections that fit in 100 columns.
extension PlanReport {
    /// Widest line the report prints (commands and notes are wrapped to it).
    static let width = 100

    /// The report as text for a terminal.
    public func text() -> String {
        var lines = header()
        for plan in models {
            lines.append("")
            lines += plan.textSection()
        }
        if let pair {
            lines.append("")
            lines += pair.textSection(gpu: gpu, context: request.context)
        }
        lines.append("")
        lines.append("Assumptions")
        for assumption in assumptions {
            lines += TextWrap.lines(of: assumption, first: "  - ", rest: "    ", width: Self.width)
        }
        return lines.joined(separator: "\n")
    }

    private func header() -> [String] {
        let bandwidth = gpu.bandwidthGBps > 0 ? ", \(Int(gpu.bandwidthGBps)) GB/s" : ""
        let sequences = ByteCount.counted(request.concurrency ?? 1, "sequence")
        return [
            "vLLM memory plan for \(gpu.name)",
            "  card      \(ByteCount.decimal(gpu.memoryGiB, places: 0)) GiB on the spec sheet,"
                + " \(ByteCount.gib(gpu.usableBytes)) GiB visible to CUDA\(bandwidth), compute capability \(gpu.computeCapability)",
            "  asked     \(request.quantization.label) weights, KV cache \(request.kvCacheDType.rawValue),"
                + " \(ByteCount.grouped(request.context)) tokens × \(sequences),"
                + " utilization \(VLLMCommand.format(utilization: request.gpuMemoryUtilization))",
        ]
    }

    /// A table row: a label padded to 38 columns, then right-aligned columns of 10.
    static func row(_ label: String, _ values: [String], note: String = "") -> String {
        let padded = label.padding(toLength: 38, withPad: " ", startingAt: 0)
        let cells = values.map { String(repeating: " ", count: max(10 - $0.count, 0)) + $0 }.joined()
        return ("  " + padded + cells + (note.isEmpty ? "" : "   " + note))
    }
}

extension ModelPlan {
    /// The report section for this model: architecture, memory table, KV figures, verdict, command and notes.
    func textSection() -> [String] {
        let label = single.quantization.label
        let architecture = [
            "\(ByteCount.billions(model.parameters)) params", "\(model.layers) layers",
            "hidden \(ByteCount.grouped(model.hiddenSize))",
            model.mla == nil
                ? "heads \(model.attentionHeads), KV \(model.kvHeads) × \(model.headDim)"
                : "heads \(model.attentionHeads), MLA",
            "vocab \(ByteCount.grouped(model.vocabSize))", "max \(ByteCount.grouped(model.maxPositionEmbeddings))",
        ].joined(separator: " · ")
        let both = { (bytes: Int64) in [ByteCount.gib(bytes), ByteCount.gb(bytes)] }
        var lines = [
            "== \(model.id) (\(label))",
            "  " + architecture,
            "",
            PlanReport.row("Memory on one GPU", ["GiB", "GB"]),
            PlanReport.row(
                "budget (\(ByteCount.gib(gpu.usableBytes)) GiB × \(VLLMCommand.format(utilization: single.gpuMemoryUtilization)))",
                both(single.budgetBytes)),
            PlanReport.row("weights (\(label))", both(single.weightsBytes)),
            PlanReport.row("activations (profiling peak)", both(single.activationBytes)),
            PlanReport.row("runtime buffers", both(single.runtimeBytes)),
            PlanReport.row("left for KV cache", both(single.kvBudgetBytes)),
            PlanReport.row(
                "naive: params × \(ByteCount.decimal(single.quantization.nominalBytesPerParameter, places: 1)) × 1.3",
                both(naiveBytes), note: "rule of thumb, for comparison"),
            "",
            "  KV per token      \(ByteCount.grouped(single.kvBytesPerToken)) bytes = \(kvFormula())",
            "  KV tokens         \(ByteCount.grouped(single.kvTokens))",
            "  largest context   \(ByteCount.grouped(single.weightsFit ? single.maxContext : 0)) tokens for one"
                + " sequence (model limit \(ByteCount.grouped(model.maxPositionEmbeddings)))",
            "  concurrency       \(ByteCount.counted(single.maxConcurrency(context: context), "sequence")) of"
                + " \(ByteCount.grouped(context)) tokens",
        ]
        if let ceiling = decodeTokensPerSecondCeiling {
            lines.append(
                "  decode ceiling    ~\(Int(ceiling)) tokens/s for one sequence (\(Int(gpu.bandwidthGBps)) GB/s ÷"
                    + " \(ByteCount.gb(bytesReadPerToken)) GB read per token)")
        }
        lines.append("")
        lines += TextWrap.lines(of: "Verdict: \(headline)", first: "  ", rest: "    ", width: PlanReport.width)
        for reason in reasons {
            lines += TextWrap.lines(of: reason, first: "    - ", rest: "      ", width: PlanReport.width)
        }
        if let command {
            lines.append(command.wrapped(width: PlanReport.width, indent: "  "))
        }
        if !notes.isEmpty {
            lines.append("  Notes")
            for note in notes {
                lines += TextWrap.lines(of: note, first: "    - ", rest: "      ", width: PlanReport.width)
            }
        }
        return lines
    }

    private func kvFormula() -> String {
        let bytes = single.kvCacheDType.bytes
        if let mla = model.mla {
            return
                "\(model.layers) layers × (\(mla.kvLoraRank) + \(mla.qkRopeHeadDim)) × \(ByteCount.counted(bytes, "byte")) (MLA)"
        }
        return "2 × \(model.layers) layers × \(model.kvHeads) KV heads × \(model.headDim) × "
            + ByteCount.counted(bytes, "byte")
    }
}

extension PairPlan {
    /// The report section for the two servers: every option tried, with the commands of the recommended one.
    func textSection(gpu: GPU, context: Int) -> [String] {
        var lines = ["== Two servers on one \(gpu.name) (ports 8000 and 8001)"]
        for option in [requested] + alternatives {
            guard option.fits else {
                let text = "\(option.quantization.label): does not fit. " + (option.reason ?? "")
                lines += TextWrap.lines(of: text, first: "  ", rest: "    ", width: PlanReport.width)
                continue
            }
            let total = VLLMCommand.format(utilization: option.totalUtilization)
            lines.append("  \(option.quantization.label): fits, shares add up to \(total)")
            lines.append(
                "    port  model                              util  weights GiB  KV GiB   KV tokens  seqs@"
                    + ByteCount.grouped(context))
            for server in option.servers {
                let name = server.model.shortName.padding(toLength: 33, withPad: " ", startingAt: 0)
                let cells = [
                    (VLLMCommand.format(utilization: server.deployment.gpuMemoryUtilization), 6),
                    (ByteCount.gib(server.deployment.weightsBytes), 13),
                    (ByteCount.gib(server.deployment.kvBudgetBytes), 8),
                    (ByteCount.grouped(server.deployment.kvTokens), 12),
                    (ByteCount.grouped(server.maxConcurrency), 9),
                ].map { String(repeating: " ", count: max($0.1 - $0.0.count, 0)) + $0.0 }.joined()
                lines.append("    \(server.port)  \(name)" + cells)
            }
            if option == recommended {
                for server in option.servers {
                    lines.append(server.command.wrapped(width: PlanReport.width, indent: "  "))
                }
            }
        }
        for warning in warnings {
            lines += TextWrap.lines(of: warning, first: "  ! ", rest: "    ", width: PlanReport.width)
        }
        return lines
    }
}
