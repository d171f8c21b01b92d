import ArgumentParser
import Diagnostics
import Workspace

/// `sfn render`: the final ASL of workflows for an environment.
struct RenderCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Print or write the final ASL of workflows for an environment.",
        discussion: """
            Prints one workflow's definition (keys sorted, 2-space indent), or with --all and \
            --out writes <out>/<env>/<workflow>.asl.json and <out>/<env>/manifest.json \
            (name, type, sha256 of the canonical form). Definitions are validated first: \
            nothing is printed or written when any has an error (--no-validate skips that).
            """)

    @Argument(help: ArgumentHelp("The workflow to render (its file name without extension).", valueName: "workflow"))
    var workflow: String?

    @Option(name: .customLong("env"), help: ArgumentHelp("The environment to render for (repeatable with --out).", valueName: "env"))
    var environments: [String] = []

    @Flag(name: .customLong("all-envs"), help: "Render for every deployable environment (needs --out).")
    var allEnvironments = false

    @Flag(help: "Render every workflow the environment includes.")
    var all = false

    @Option(help: ArgumentHelp("Write files under <dir>/<env>/ instead of printing.", valueName: "dir"))
    var out: String?

    @Flag(help: "Print compact JSON (one line) instead of pretty.")
    var compact = false

    @Flag(name: .customLong("no-validate"), help: "Render even when validation finds errors.")
    var skipValidation = false

    @Option(help: "Colour: auto (on a terminal), always or never.")
    var color: ColorChoice = .auto

    @OptionGroup var variables: VariableOptions
    @OptionGroup var revision: RevisionOptions
    @OptionGroup var repository: RepositoryOptions

    func validate() throws {
        if workflow != nil && all { throw ValidationError("name one workflow or use --all, not both") }
        if workflow == nil && !all { throw ValidationError("name a workflow to render, or use --all") }
        if environments.isEmpty && !allEnvironments { throw ValidationError("missing --env <env>: which environment to render for") }
        if allEnvironments && !environments.isEmpty { throw ValidationError("--all-envs and --env cannot be used together") }
        if out == nil && (all || allEnvironments || environments.count > 1) {
            throw ValidationError("rendering several definitions needs --out <dir>")
        }
    }

    func run() async throws {
        let console = Console.current
        do {
            let session = try await ProjectSession(repository: repository, revision: revision.revision)
            let names = try session.environments(named: environments)
            if let workflow { try session.checkWorkflows([workflow]) }
            let check = RepositoryCheck(project: session.project)
            let (outcomes, environmentDiagnostics) = await check.run(
                environments: names, workflows: workflow.map { [$0] }, overrides: try variables.overrides(),
                validate: !skipValidation)
            let summary = CheckSummary(
                outcomes: outcomes, environmentDiagnostics: environmentDiagnostics,
                loadDiagnostics: session.loadDiagnostics, environments: names)
            let printer = DiagnosticPrinter(console: console, sources: session.project.sources, color: color.enabled(for: console))
            let blocking = skipValidation
                ? environmentDiagnostics.hasErrors || outcomes.contains { $0.rendered == nil }
                : summary.errorCount > 0
            if blocking {
                printer.toStandardError(summary.diagnostics)
                console.err(summary.line + "; nothing was \(out == nil ? "printed" : "written")\n")
                throw ExitCode(1)
            }
            printer.toStandardError(summary.diagnostics)
            let rendered = outcomes.compactMap(\.rendered)
            if let out {
                let written = try RenderOutput(directory: out).write(rendered, environments: names)
                RenderView(console: console).showWritten(written, directory: out)
            } else if let only = rendered.first {
                console.out(only.definition.value.serialized(compact ? .canonical : .canonicalPretty) + "\n")
            }
        } catch let failure as CommandFailure {
            throw console.report(failure)
        }
    }
}

/// The human view of `sfn render --out`.
struct RenderView {
    let console: Console

    func showWritten(_ written: [RenderOutput.Written], directory: String) {
        for entry in written {
            console.err("wrote \(entry.count) workflow\(entry.count == 1 ? "" : "s") for \(entry.environment) to \(entry.path)\n")
        }
    }
}
