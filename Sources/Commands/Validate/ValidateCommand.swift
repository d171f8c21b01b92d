import ArgumentParser
import ASLModel
import Diagnostics

/// `sfn validate`: renders every workflow for every environment and checks the ASL.
struct ValidateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Render and validate workflows; exit 1 on any error.",
        discussion: """
            With no PATH, validates the repository: every workflow rendered for every \
            deployable environment (or those named with --env). With PATHs, validates those \
            standalone ASL files (JSON or YAML), inside or outside a repository.

            Each problem is reported once, at the file:line:col it comes from (through \
            templates too), with AWS's ValidateStateMachineDefinition code and sfn's rule id.
            """)

    @Argument(help: ArgumentHelp("Standalone ASL files (.json, .yaml, .yml) to validate.", valueName: "path"))
    var paths: [String] = []

    @Option(name: .customLong("env"), help: ArgumentHelp("Validate for this environment (repeatable; default: all).", valueName: "env"))
    var environments: [String] = []

    @Flag(name: .customLong("all-envs"), help: "Validate for every deployable environment (the default).")
    var allEnvironments = false

    @Option(name: [.customShort("w"), .customLong("workflow")], help: ArgumentHelp("Validate only this workflow (repeatable).", valueName: "id"))
    var workflows: [String] = []

    @Option(help: ArgumentHelp("State machine type of standalone files.", valueName: "STANDARD|EXPRESS"))
    var type: StateMachineType = .standard

    @Option(help: "Output format.")
    var format: DiagnosticFormat = .text

    @Option(help: "Colour: auto (on a terminal), always or never.")
    var color: ColorChoice = .auto

    @OptionGroup var variables: VariableOptions
    @OptionGroup var revision: RevisionOptions
    @OptionGroup var repository: RepositoryOptions

    func validate() throws {
        if allEnvironments && !environments.isEmpty {
            throw ValidationError("--all-envs and --env cannot be used together")
        }
    }

    func run() async throws {
        let console = Console.current
        let view = ValidateView(console: console, format: format, color: color.enabled(for: console))
        do {
            // A PATH under the repository's workflows/ names that workflow (rendered for its
            // environments); any other PATH is a standalone ASL file.
            let targets = ValidationTargets(
                paths: paths, repositoryRoot: paths.isEmpty ? nil : try? repository.repositoryRoot())
            if !targets.standalone.isEmpty && (!environments.isEmpty || allEnvironments || !workflows.isEmpty || revision.revision != nil) {
                throw CommandFailure(message: """
                    \(targets.standalone.map { "'\($0)'" }.joined(separator: ", ")) \(targets.standalone.count == 1 ? "is a standalone ASL file" : "are standalone ASL files"): \
                    --env, --all-envs, --workflow and --rev apply to the repository's workflows
                    """)
            }
            var report = ValidateView.Report()
            if paths.isEmpty || !targets.workflows.isEmpty {
                let session = try await ProjectSession(repository: repository, revision: revision.revision)
                let names = try session.environments(named: environments)
                let selected = workflows + targets.workflows
                try session.checkWorkflows(selected)
                let check = RepositoryCheck(project: session.project)
                let overrides = try variables.overrides()
                let (checked, renderDiagnostics) = await check.run(
                    environments: names, workflows: selected.isEmpty ? nil : selected, overrides: overrides)
                let (outcomes, localDiagnostics) = LocalCoverageCheck(renderer: check.renderer, projectRoot: session.root)
                    .run(checked, environments: names, overrides: overrides)
                let environmentDiagnostics = renderDiagnostics + localDiagnostics
                let summary = CheckSummary(
                    outcomes: outcomes, environmentDiagnostics: environmentDiagnostics,
                    loadDiagnostics: session.loadDiagnostics, environments: names)
                report.add(summary.diagnostics, summary: summary.line, sources: session.project.sources)
            }
            if !targets.standalone.isEmpty {
                let result = StandaloneValidation(type: type).run(paths: targets.standalone)
                report.add(result.diagnostics, summary: result.summary, sources: result.sources)
            }
            view.show(report)
            if report.diagnostics.hasErrors { throw ExitCode(1) }
        } catch let failure as CommandFailure {
            throw console.report(failure)
        }
    }
}

extension StateMachineType: ExpressibleByArgument {
    public init?(argument: String) { self.init(rawValue: argument.uppercased()) }
}
