import Foundation
import ServingPlan

/// What `solve` says when no server answers for a model: the `vllm serve` line that `solve plan` would print for it
/// on the endpoint's port, and the other ways out.
enum StartHint {
    /// How to start a server for `model` at `endpoint` (vLLM on the endpoint's port, sized for the context its
    /// answers need), and the `--local` alternative.
    static func text(for model: ModelConfig, endpoint: String) -> String {
        let port = URLComponents(string: endpoint)?.port ?? 8000
        let context = max(PlanRequest.defaultContext, model.sampling.maxTokens ?? 0)
        let (command, gpu) = VLLMCommand.starting(model.served, port: port, context: context)
        let sizing =
            gpu.map {
                "sized for one \($0.name) by `solve plan --model \(model.served) --context \(context)`; add --gpu NAME "
                    + "for yours"
            }
            ?? "`solve plan --model ID --gpu NAME` prints a vllm serve line sized for your GPU for the models it knows"
        return """
            Start it with:
              \(command.line)
            (\(sizing)), or point solve at another server with --endpoint URL or solve.yaml, or run a small model on \
            this CPU with --local.
            """
    }
}
