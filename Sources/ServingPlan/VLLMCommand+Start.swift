/// The line that starts a server for a model `solve` is configured with, when that server does not answer.
extension VLLMCommand {
    /// The command that serves `model` on `port` under that name: the line `solve plan MODEL --context CONTEXT`
    /// prints for the default GPU, with `--port` (and `--served-model-name` when the catalog's checkpoint has another
    /// name); for a model the catalog does not know, or one no GPU count serves, `vllm serve MODEL --port PORT`.
    /// - Returns: the command, and the GPU it was sized for (nil for the plain line).
    public static func starting(_ model: String, port: Int, context: Int = PlanRequest.defaultContext) -> (
        command: VLLMCommand, gpu: GPU?
    ) {
        let request = PlanRequest(modelNames: [model], context: context)
        guard let (_, gpu, models) = try? request.resolve(), let spec = models.first,
            var command = ModelPlan(model: spec, gpu: gpu, request: request).command
        else {
            return (VLLMCommand(checkpoint: model, arguments: [Argument(flag: "--port", value: "\(port)")]), nil)
        }
        var first = [Argument(flag: "--port", value: "\(port)")]
        if command.checkpoint != model { first.append(Argument(flag: "--served-model-name", value: model)) }
        command.arguments.insert(contentsOf: first, at: 0)
        return (command, gpu)
    }

    /// A command with these arguments and no warnings.
    init(checkpoint: String, arguments: [Argument]) {
        self.checkpoint = checkpoint
        self.arguments = arguments
        self.warnings = []
    }
}
