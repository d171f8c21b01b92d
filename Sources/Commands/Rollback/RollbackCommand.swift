import ArgumentParser
import Deployment

/// `sfn rollback`: the alias back to the previous commit's version, or a given revision deployed.
struct RollbackCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rollback",
        abstract: "Move an environment back to the previously deployed commit (or deploy --to REV).",
        discussion: """
            Without --to, moves each workflow's alias back to the newest earlier version whose \
            description names another commit: nothing is redeployed, and the next plan shows the \
            alias moving forward again. On a target without versions (Step Functions Local), the \
            previous commit comes from this machine's deployment records and is deployed again. \
            With --to REV, renders that revision through libgit2 and deploys it as \
            `sfn apply --rev REV` does.
            """)

    @Option(name: .customLong("env"), help: ArgumentHelp("The environment to roll back.", valueName: "env"))
    var environment: String

    @Argument(help: ArgumentHelp("Workflows to roll back (default: all deployed).", valueName: "workflow"))
    var workflows: [String] = []

    @Option(help: ArgumentHelp("Deploy this revision instead (sha, branch, tag, HEAD~2).", valueName: "rev"))
    var to: String?

    @Flag(name: .customLong("auto-approve"), help: "Apply without asking for confirmation.")
    var autoApprove = false

    @Option(help: "Colour: auto (on a terminal), always or never.")
    var color: ColorChoice = .auto

    @OptionGroup var repository: RepositoryOptions

    func run() async throws {
        let console = Console.current
        do {
            let context = try DeploymentContext(repository: repository, console: console)
            try await context.closing {
                let colored = color.enabled(for: console)
                let planned: DeploymentSession.Planned
                if let to {
                    planned = try await context.plan(environment: environment, workflows: workflows, revision: to, prune: false, color: colored)
                } else {
                    let rollback: RollbackPlan
                    do {
                        rollback = try await Rollback(session: context.session).plan(environment: environment, workflows: workflows)
                    } catch {
                        throw CommandFailure(deploying: error)
                    }
                    switch rollback {
                    case .movesAliases(let moves):
                        planned = moves
                    case .redeploys(let revision, let previous):
                        console.out("No versions to move back to: deploying \(revision.prefix(7)) again, the commit deployed before.\n")
                        planned = try await context.plan(
                            environment: environment, workflows: previous, revision: revision, prune: false, color: colored)
                    }
                }
                try await ApplyRun(context: context, allowDirty: false, recordedAction: "rollback").run(
                    planned.plan, target: planned.target, desired: planned.desired, approval: ApplyApproval(console: console, autoApprove: autoApprove),
                    colored: colored)
            }
        } catch let failure as CommandFailure {
            throw console.report(failure)
        }
    }
}
