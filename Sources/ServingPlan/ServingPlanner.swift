/// The output formats of `solve plan`.
public enum ReportFormat: String, Sendable, Hashable, CaseIterable {
    /// Aligned sections for a terminal, at most 100 columns wide.
    case text
    /// One JSON object: `{"gpu", "settings", "models": [...], "pair", "assumptions"}`.
    case json
}

/// Everything `solve plan` prints, as values.
public struct PlanReport: Sendable, Hashable {
    /// What was asked.
    public var request: PlanRequest
    /// The card planned for (with `--vram` applied).
    public var gpu: GPU
    /// One plan per model, in the order given.
    public var models: [ModelPlan]
    /// The memory split for two servers on one card, when exactly two models are planned.
    public var pair: PairPlan?
    /// Assumptions that hold for every model.
    public var assumptions: [String]
}

/// Entry points of the planner.
public enum ServingPlanner {
    /// Plans every requested model on the requested GPU, and the two-server split when there are two models.
    /// - Throws: `ServingPlanError` for bad input (values, names, catalog, unsupported quantization).
    public static func plan(_ request: PlanRequest) throws -> PlanReport {
        let (_, gpu, models) = try request.resolve()
        let plans = models.map { ModelPlan(model: $0, gpu: gpu, request: request) }
        let pair = models.count == 2 ? PairPlan(models: models, gpu: gpu, request: request) : nil
        var assumptions = request.overheads.descriptions(for: gpu)
        assumptions.append(
            "Naive figure: parameters × \(ByteCount.decimal(request.quantization.nominalBytesPerParameter, places: 1))"
                + " bytes × 1.3, the usual rule of thumb, shown for comparison only.")
        if request.vramGiB != nil {
            assumptions.append("--vram replaces the card's memory; other properties are those of \(gpu.id).")
        }
        return PlanReport(request: request, gpu: gpu, models: plans, pair: pair, assumptions: assumptions)
    }

    /// Plans and renders in one call: what `solve plan` prints.
    /// - Throws: `ServingPlanError` for bad input.
    public static func render(_ request: PlanRequest, as format: ReportFormat) throws -> String {
        let report = try plan(request)
        switch format {
        case .text: return report.text()
        case .json: return try report.json()
        }
    }
}
