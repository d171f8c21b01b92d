import ArgumentParser
import Records
import StepFunctionsAPI

/// `sfn executions`: the executions `sfn` started, newest first, from the records.
struct ExecutionsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "executions",
        abstract: "List the executions sfn started, newest first, with the revision each ran.",
        discussion: """
            Reads .sfn/records.sqlite. Executions recorded as RUNNING are first brought up to \
            date from their environment's target when it can be reached (an execution started \
            with `sfn run --no-wait` shows how it ended).
            """)

    @Argument(help: ArgumentHelp("Only this workflow's executions.", valueName: "workflow"))
    var workflow: String?

    @Option(name: .customLong("env"), help: ArgumentHelp("Only this environment's executions.", valueName: "env"))
    var environment: String?

    @Option(help: ArgumentHelp("Only executions with this status.", valueName: "RUNNING|SUCCEEDED|FAILED|TIMED_OUT|ABORTED"))
    var status: String?

    @Option(name: [.customShort("n"), .customLong("max-count")], help: ArgumentHelp("Show at most this many (default 20).", valueName: "n"))
    var maxCount: Int = 20

    @Option(help: "Output: text, or json (the records as data).")
    var output: OutputFormat = .text

    @OptionGroup var repository: RepositoryOptions

    func validate() throws {
        if maxCount < 1 { throw ValidationError("--max-count must be 1 or more") }
        if let status, !ExecutionStatus.knownValues.contains(ExecutionStatus(rawValue: status.uppercased())) {
            throw ValidationError(
                "unknown status '\(status)'; statuses: \(ExecutionStatus.knownValues.map(\.rawValue).joined(separator: ", "))")
        }
    }

    func run() async throws {
        let console = Console.current
        do {
            let context = try await RecordsContext(repository: repository)
            let filter = status.map { ExecutionStatus(rawValue: $0.uppercased()) }
            let recorded: [ExecutionRecord]
            do {
                recorded = try context.records.executions(
                    environment: environment, workflow: workflow, status: filter, limit: maxCount)
            } catch {
                throw CommandFailure(message: error.message)
            }
            let (executions, notes) = await ExecutionRefresh(context: context).refresh(recorded)
            // A refreshed execution may no longer have the status asked for.
            let shown = filter.map { wanted in executions.filter { $0.status == wanted } } ?? executions
            for note in notes { console.err("note: \(note)\n") }
            ExecutionsView(console: console, format: output).show(shown, filtered: workflow != nil || environment != nil || status != nil)
        } catch let failure as CommandFailure {
            throw console.report(failure)
        }
    }
}
