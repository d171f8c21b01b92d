import ArgumentParser
import Diagnostics

/// `sfn exec`: runs one ASL file at once on an in-memory engine, without a repository
/// or a deployment — the quickest way to try a definition.
struct ExecCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "exec",
        abstract: "Run one ASL file on the local engine and print its output; exit 0 only when it succeeds.",
        discussion: """
            The definition (JSON or YAML) is validated first: on errors they are printed as \
            `sfn validate` prints them and nothing runs. The execution runs in memory with a \
            virtual clock, so Waits and Retry backoff take no real time. The output goes to \
            stdout; a failed execution's error and cause go to stderr. The state machine is \
            named after the file's stem unless --name is given.
            """)

    @Argument(help: ArgumentHelp("The ASL definition to run (.json, .yaml, .yml).", valueName: "definition"))
    var definition: String

    @Option(help: ArgumentHelp("The execution input: JSON text, @file, or - for stdin (default {}).", valueName: "json"))
    var input: String?

    @Option(help: ArgumentHelp("The state machine's name (default: the file's stem).", valueName: "name"))
    var name: String?

    @Option(name: .customLong("execution-name"), help: ArgumentHelp("The execution's name (default: a UUID).", valueName: "name"))
    var executionName: String?

    @Option(help: ArgumentHelp("State machine type.", valueName: "STANDARD|EXPRESS"))
    var type: ExecType = .standard

    @Flag(help: "Print the execution's history events too.")
    var history = false

    @Option(help: "Output format: text, or json (AWS's DescribeExecution fields and, with --history, the events).")
    var output: OutputFormat = .text

    @Option(help: "Colour: auto (on a terminal), always or never.")
    var color: ColorChoice = .auto

    func run() async throws {
        let console = Console.current
        let view = ExecView(console: console, format: output, color: color.enabled(for: console))
        do {
            let loaded = ExecDefinition.load(path: definition, type: type)
            guard let document = loaded.document else {
                view.showInvalid(loaded.diagnostics, path: definition, sources: loaded.sources)
                throw ExitCode(1)
            }
            let inputText = try ExecInput(argument: input).text()
            let run = ExecRun(
                machineName: name ?? ExecDefinition.stem(of: definition), executionName: executionName, type: type)
            let result = try await run.run(document, input: inputText, history: history)
            view.show(result, history: history)
            if result.description.status != .succeeded { throw ExitCode(1) }
        } catch let failure as CommandFailure {
            throw console.report(failure)
        }
    }
}

/// `--type STANDARD|EXPRESS` for `sfn exec`.
enum ExecType: String, ExpressibleByArgument, CaseIterable, Sendable {
    case standard = "STANDARD"
    case express = "EXPRESS"

    init?(argument: String) { self.init(rawValue: argument.uppercased()) }
}
