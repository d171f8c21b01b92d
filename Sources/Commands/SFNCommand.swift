import ArgumentParser

/// The root `sfn` command: GitOps for AWS Step Functions.
public struct SFNCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "sfn",
        abstract: "GitOps for AWS Step Functions, with a local workflow engine of its own.",
        subcommands: [
            InitCommand.self, RenderCommand.self, ValidateCommand.self, DiffCommand.self, LogCommand.self, ExecCommand.self,
            ServeCommand.self, PlanCommand.self, ApplyCommand.self, PromoteCommand.self, RollbackCommand.self,
            StatusCommand.self, RunCommand.self, ExecutionsCommand.self, HistoryCommand.self, ResultsCommand.self,
        ])

    public init() {}
}
