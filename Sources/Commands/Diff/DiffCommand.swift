import ArgumentParser
import Diagnostics
import Planning
import Revisions

/// `sfn diff`: what changed in the final ASL between two revisions, or a revision and
/// the working tree.
struct DiffCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Compare the rendered workflows of two revisions (or a revision and the working tree).",
        discussion: """
            FROM and TO are git revisions (sha, branch, tag, HEAD~2), 'worktree' (the files \
            on disk, uncommitted edits included) or 'deployed' (what each environment's target holds). With no argument: HEAD → worktree; with one: \
            that revision → worktree. Revisions are read through libgit2: nothing is checked out.

            Each workflow is added (+), removed (-), changed (~), renamed (R: its file moved, its \
            content did not) or unchanged (not shown). For a changed workflow, states added and \
            removed, then every field that differs with its path and old → new value; arrays \
            (Retry, Catch, Choices) are compared by position. Metadata (name, type, role, tags) too.
            """)

    @Argument(help: ArgumentHelp("Revision to compare from (default HEAD), or 'worktree'.", valueName: "from"))
    var from: String?

    @Argument(help: ArgumentHelp("Revision to compare to (default worktree).", valueName: "to"))
    var to: String?

    @Option(name: .customLong("env"), help: ArgumentHelp("Compare for this environment (repeatable; default: all).", valueName: "env"))
    var environments: [String] = []

    @Flag(name: .customLong("all-envs"), help: "Compare for every deployable environment (the default).")
    var allEnvironments = false

    @Flag(help: "Show a text diff of the canonical pretty JSON, with context lines.")
    var unified = false

    @Option(help: ArgumentHelp("Context lines around each change with --unified.", valueName: "n"))
    var context: Int = 3

    @Option(help: "Output: text, or json (the same content as data).")
    var output: OutputFormat = .text

    @Flag(name: .customLong("exit-code"), help: "Exit 1 when there are differences, 0 when there are none (like git diff --exit-code).")
    var exitCode = false

    @Option(help: "Colour: auto (on a terminal), always or never.")
    var color: ColorChoice = .auto

    @OptionGroup var repository: RepositoryOptions

    func validate() throws {
        if allEnvironments && !environments.isEmpty { throw ValidationError("--all-envs and --env cannot be used together") }
        if unified && output == .json { throw ValidationError("--unified is a text view: use it without --output json") }
        if context < 0 { throw ValidationError("--context must be 0 or more") }
    }

    func run() async throws {
        let console = Console.current
        do {
            if from == "deployed" || to == "deployed" {
                let deployed = DeployedDiff(
                    from: from ?? "HEAD", to: to ?? "worktree", environments: environments, repository: repository,
                    output: output, colored: color.enabled(for: console))
                if try await deployed.run(console: console) && exitCode { throw ExitCode(1) }
                return
            }
            let versioned = try repository.versionedRepository()
            let fromSide = SourceRevision(argument: from ?? "HEAD")
            let toSide = SourceRevision(argument: to ?? "worktree")
            let comparison: RevisionComparison
            do {
                comparison = try RevisionComparison.run(
                    repository: versioned, from: fromSide, to: toSide, environments: environments)
            } catch {
                throw CommandFailure(message: error.description)
            }
            let unknown = RevisionComparison.unknownEnvironments(environments, in: comparison)
            if let name = unknown.first {
                let known = Set(comparison.from.project.deployableEnvironmentNames + comparison.to.project.deployableEnvironmentNames).sorted()
                throw CommandFailure(message: "unknown environment '\(name)': it exists neither at \(comparison.from.label) nor at \(comparison.to.label)"
                    + "\(Suggestion.didYouMean(name, in: known))" + (known.isEmpty ? "" : "; environments: \(known.joined(separator: ", "))"))
            }
            let colored = color.enabled(for: console)
            switch output {
            case .text where unified:
                console.out(DiffView(colored: colored).unified(comparison, context: context))
            case .text:
                console.out(DiffView(colored: colored).text(comparison))
            case .json:
                console.out(DiffJSONView().render(comparison) + "\n")
            }
            let failures = comparison.failures
            if !failures.isEmpty {
                // The two sides hold different texts of the same paths: locations only, no snippets.
                DiagnosticPrinter(console: console, sources: SourceFileSet(), color: colored).toStandardError(failures)
                throw CommandFailure(message: "some workflows could not be rendered on one side, so they were not compared")
            }
            if exitCode && comparison.hasDifferences { throw ExitCode(1) }
        } catch let failure as CommandFailure {
            throw console.report(failure)
        }
    }
}
