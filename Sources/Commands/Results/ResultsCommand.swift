import ArgumentParser
import Records

/// `sfn results`: how each deployed revision of a workflow has run in an environment.
struct ResultsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "results",
        abstract: "Aggregate recorded executions per deployed revision: runs, outcomes, p50 and p95 durations.",
        discussion: """
            Reads .sfn/records.sqlite: each revision (commit, `-dirty` when deployed from a \
            modified working tree) with when it was last deployed to the environment, how many \
            executions sfn ran of it, how many succeeded and failed (failed, timed out or \
            aborted), and the median and 95th percentile of their durations (nearest rank). \
            Newest deployment first.
            """)

    @Argument(help: ArgumentHelp("Only this workflow (default: every workflow with records).", valueName: "workflow"))
    var workflow: String?

    @Option(name: .customLong("env"), help: ArgumentHelp("The environment whose results to show.", valueName: "env"))
    var environment: String

    @Option(help: "Output: text, or json (the same rows as data).")
    var output: OutputFormat = .text

    @OptionGroup var repository: RepositoryOptions

    func run() async throws {
        let console = Console.current
        do {
            let context = try await RecordsContext(repository: repository)
            let results: [RevisionResult]
            do {
                results = try context.records.results(environment: environment, workflow: workflow)
            } catch {
                throw CommandFailure(message: error.message)
            }
            if results.isEmpty {
                // Say why: a typo in a name, or simply nothing deployed and run yet.
                _ = try context.session.environments(named: [environment])
                if let workflow { try context.session.checkWorkflows([workflow]) }
            }
            ResultsView(console: console, format: output).show(results, environment: environment, workflow: workflow)
        } catch let failure as CommandFailure {
            throw console.report(failure)
        }
    }
}
