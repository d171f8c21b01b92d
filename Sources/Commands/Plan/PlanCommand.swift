import ArgumentParser
import Deployment

/// `sfn plan`: what apply would change in an environment, like `terraform plan`.
struct PlanCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: "Show what apply would change in an environment.",
        discussion: """
            Renders the environment's workflows (the working tree, with HEAD's commit; or --rev's \
            commit, read through libgit2) and compares them with what the environment's target \
            holds: the definition as JSON values, and type, role, logging, tracing, tags and alias. \
            Each workflow is created (+), updated (~), replaced (±, a type change), deleted (-, a \
            managed machine no longer in the repository, only with --prune) or kept (=).

            With --detailed-exitcode the exit code is 0 when nothing would change, 2 when something \
            would, 1 on error (as terraform plan). --out saves the plan for `sfn apply plan.json`, \
            which applies exactly what was reviewed, or refuses when the target changed since.
            """)

    @Option(name: .customLong("env"), help: ArgumentHelp("The environment to plan.", valueName: "env"))
    var environment: String

    @Argument(help: ArgumentHelp("Workflows to plan (default: all the environment deploys).", valueName: "workflow"))
    var workflows: [String] = []

    @OptionGroup var revision: RevisionOptions

    @Option(help: ArgumentHelp("Save the plan to this file, for `sfn apply <file>`.", valueName: "file"))
    var out: String?

    @Flag(name: .customLong("detailed-exitcode"), help: "Exit 0 when there are no changes, 2 when there are, 1 on error.")
    var detailedExitCode = false

    @Flag(help: "Delete managed state machines whose workflows are no longer in the repository.")
    var prune = false

    @Option(help: "Output: text, or json (the plan as data).")
    var output: OutputFormat = .text

    @Option(help: "Colour: auto (on a terminal), always or never.")
    var color: ColorChoice = .auto

    @OptionGroup var repository: RepositoryOptions

    func run() async throws {
        let console = Console.current
        do {
            let context = try DeploymentContext(repository: repository, console: console)
            try await context.closing {
                let colored = color.enabled(for: console)
                let planned = try await context.plan(
                    environment: environment, workflows: workflows, revision: revision.revision, prune: prune, color: colored)
                if let out {
                    do {
                        try PlanFile.write(planned.plan, to: out)
                    } catch {
                        throw CommandFailure(deploying: error)
                    }
                }
                switch output {
                case .text:
                    console.out(PlanView(colored: colored).text(planned.plan))
                    if let out { console.out("Saved the plan to \(out): apply it with `sfn apply \(out)`.\n") }
                case .json:
                    console.out(PlanFile.encode(planned.plan))
                }
                KeptUntilExit.keep(planned)
                if detailedExitCode && planned.plan.hasChanges { throw ExitCode(2) }
            }
        } catch let failure as CommandFailure {
            throw console.report(failure)
        }
    }
}
