import ArgumentParser

/// `solve`: judge programs locally, and (later) have local models write them.
@main
struct SolveCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "solve",
        abstract: "Solve algorithm problems with local models and judge the programs in a sandbox.",
        subcommands: [JudgeCommand.self, PlanCommand.self]
    )
}
