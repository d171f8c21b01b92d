import ArgumentParser
import Planning
import Revisions

/// `sfn log`: the commits at which workflows' rendered definitions changed.
struct LogCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "log",
        abstract: "List the commits that changed the rendered definition of workflows, newest first.",
        discussion: """
            Walks the first-parent history from HEAD (or --rev), renders each workflow for each \
            environment where its sources changed, and lists the commits whose final ASL differs \
            from their parent's, with the definition's sha256 and a summary of the change. \
            Renders are cached by git object id, so commits that do not touch a workflow's \
            sources cost almost nothing. A workflow file moved with its content shows as a \
            rename (R). A shallow clone's history ends with a note.
            """)

    @Argument(help: ArgumentHelp("Workflows to follow (default: all).", valueName: "workflow"))
    var workflows: [String] = []

    @Option(name: .customLong("env"), help: ArgumentHelp("Environment to render for (repeatable; default: all deployable at the start).", valueName: "env"))
    var environments: [String] = []

    @Option(name: [.customShort("n"), .customLong("max-count")], help: ArgumentHelp("Show at most this many commits.", valueName: "n"))
    var maxCount: Int?

    @Option(name: .customLong("rev"), help: ArgumentHelp("Start from this revision instead of HEAD.", valueName: "rev"))
    var start: String = "HEAD"

    @Option(help: "Output: text, or json (the same content as data).")
    var output: OutputFormat = .text

    @OptionGroup var repository: RepositoryOptions

    func validate() throws {
        if let maxCount, maxCount < 1 { throw ValidationError("--max-count must be 1 or more") }
    }

    func run() async throws {
        let console = Console.current
        do {
            let versioned = try repository.versionedRepository()
            let history = WorkflowHistory(
                repository: versioned, workflows: workflows, environments: environments, maxCount: maxCount)
            let log: WorkflowLog
            do {
                log = try await history.run(from: start)
            } catch {
                throw CommandFailure(message: error.description)
            }
            if let missing = log.neverSeen.first {
                throw CommandFailure(message: "workflow '\(missing)' does not exist at '\(start)' or in any of the \(log.commitsWalked) commit\(log.commitsWalked == 1 ? "" : "s") before it")
            }
            switch output {
            case .text: console.out(LogView().text(log))
            case .json: console.out(LogView().json(log) + "\n")
            }
        } catch let failure as CommandFailure {
            throw console.report(failure)
        }
    }
}
