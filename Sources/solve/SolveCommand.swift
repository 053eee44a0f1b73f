import ArgumentParser

/// `solve`: have local models solve algorithm problems, judging their programs in a sandbox.
@main
struct SolveCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "solve",
        abstract: "Solve algorithm problems with local models and judge the programs in a sandbox.",
        subcommands: [
            SolveProblemCommand.self, JudgeCommand.self, EvalCommand.self, CompareCommand.self, ImportCommand.self,
            ModelsCommand.self,
            PlanCommand.self, BenchServerCommand.self,
        ],
        defaultSubcommand: SolveProblemCommand.self
    )
}
