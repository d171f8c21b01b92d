import ArgumentParser
import Foundation

/// `sfn run`: starts an execution of a deployed workflow in an environment, and records it
/// against the revision that environment runs.
struct RunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run a deployed workflow in an environment, print its output, and record the result.",
        discussion: """
            Starts the environment's alias of the workflow (the machine itself where the target \
            has no aliases); Express workflows run through StartSyncExecution. On a terminal a \
            progress line shows the current state. The output JSON goes to stdout, a summary to \
            stderr; the exit status is 0 only when the execution succeeded. The execution is \
            recorded in .sfn/records.sqlite against the commit and definition sha256 of the \
            version that ran (`sfn executions`, `sfn results`). With --no-wait, the execution's \
            ARN is printed and sfn exits at once.
            """)

    @Argument(help: ArgumentHelp("The workflow to run (its id: the file name without extension).", valueName: "workflow"))
    var workflow: String

    @Option(name: .customLong("env"), help: ArgumentHelp("The environment whose deployment runs.", valueName: "env"))
    var environment: String

    @Option(help: ArgumentHelp("The execution input: JSON text, @file, or - for stdin (default {}).", valueName: "json"))
    var input: String?

    @Option(help: ArgumentHelp("The execution's name (default: a UUID).", valueName: "name"))
    var name: String?

    @Flag(name: .customLong("no-wait"), help: "Start the execution, print its ARN and exit.")
    var noWait = false

    @Option(name: .customLong("test-case"), help: ArgumentHelp("The mock test case to run, as Step Functions Local selects it.", valueName: "name"))
    var testCase: String?

    @Option(help: "Output: text, or json (the recorded execution and its output).")
    var output: OutputFormat = .text

    @OptionGroup var repository: RepositoryOptions

    func run() async throws {
        let console = Console.current
        let view = RunView(console: console, format: output)
        do {
            let context = try await RecordsContext(repository: repository)
            try context.session.checkWorkflows([workflow])
            let resolved = try context.environment(environment)
            let inputText = try ExecInput(argument: input).text()
            let target = try await context.target(of: resolved)
            let deployed = try await DeployedWorkflow.locate(
                workflow: workflow, environment: environment,
                machineName: context.machineName(of: workflow, in: environment), target: target,
                records: context.records)
            var run = WorkflowRun(deployed: deployed, target: target, records: context.records)
            if console.isTerminal && output == .text && !noWait { run.progress = view.progressLine() }
            let outcome = try await run.run(input: inputText, name: name, testCase: testCase, wait: !noWait)
            view.show(outcome, deployed: deployed)
            if outcome.waited && outcome.record.status != .succeeded { throw ExitCode(1) }
        } catch let failure as CommandFailure {
            throw console.report(failure)
        }
    }
}
