import ArgumentParser
import Deployment

/// `sfn promote`: deploy to one environment the commit another runs.
struct PromoteCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "promote",
        abstract: "Deploy to an environment the commit another environment runs.",
        discussion: """
            Reads from the --from environment's target which commit each workflow runs (its alias's \
            version, else its sfn:commit tag), renders that commit for the --to environment through \
            libgit2, whatever the working tree holds, then plans and applies it as `sfn apply` does.
            """)

    @Option(help: ArgumentHelp("The environment whose commits are promoted.", valueName: "env"))
    var from: String

    @Option(help: ArgumentHelp("The environment to deploy them to.", valueName: "env"))
    var to: String

    @Argument(help: ArgumentHelp("Workflows to promote (default: all that --from runs).", valueName: "workflow"))
    var workflows: [String] = []

    @Flag(name: .customLong("auto-approve"), help: "Apply without asking for confirmation.")
    var autoApprove = false

    @Option(help: "Colour: auto (on a terminal), always or never.")
    var color: ColorChoice = .auto

    @OptionGroup var repository: RepositoryOptions

    func validate() throws {
        if from == to { throw ValidationError("--from and --to name the same environment '\(from)'") }
    }

    func run() async throws {
        let console = Console.current
        do {
            let context = try DeploymentContext(repository: repository, console: console)
            try await context.closing {
                let plans: [DeploymentSession.Planned]
                do {
                    plans = try await Promotion(session: context.session).plan(from: from, to: to, workflows: workflows)
                } catch {
                    throw CommandFailure(deploying: error)
                }
                let colored = color.enabled(for: console)
                for planned in plans {
                    try await ApplyRun(context: context, allowDirty: false, recordedAction: "promote").run(
                        planned.plan, target: planned.target, desired: planned.desired, approval: ApplyApproval(console: console, autoApprove: autoApprove),
                        colored: colored)
                }
            }
        } catch let failure as CommandFailure {
            throw console.report(failure)
        }
    }
}
