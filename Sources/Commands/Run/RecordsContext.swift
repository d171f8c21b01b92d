import Diagnostics
import Records
import Workspace

/// What the record commands (`run`, `executions`, `history`, `results`) share: the
/// repository, its record store under `.sfn/`, and the targets of its environments, each
/// resolved once per command.
struct RecordsContext {
    let session: ProjectSession
    let records: RecordStore
    private let renderer: Renderer

    init(repository: RepositoryOptions) async throws(CommandFailure) {
        session = try await ProjectSession(repository: repository)
        do {
            records = try RecordStore.open(directory: session.root + "/.sfn")
        } catch {
            throw CommandFailure(message: error.message)
        }
        renderer = Renderer(project: session.project)
    }

    /// The environment after `extends`; its first error when it cannot be resolved.
    func environment(_ name: String) throws(CommandFailure) -> ResolvedEnvironment {
        _ = try session.environments(named: [name])
        let (environment, diagnostics) = renderer.environment(name)
        guard let environment else {
            let first = diagnostics.first { $0.severity == .error }
            let location = first?.location.map { "\($0.file):\($0.line):\($0.column): " } ?? ""
            throw CommandFailure(
                message: "environment '\(name)' cannot be resolved: \(location)\(first?.message ?? "unknown problem"); run `sfn validate` for every problem")
        }
        return environment
    }

    /// The state machine name `workflow` has in `environment` by the working tree's sources;
    /// nil when they do not render (the records may still name the deployed machine).
    func machineName(of workflow: String, in environment: String) -> String? {
        renderer.render(workflow: workflow, environment: environment).rendered?.stateMachineName
    }

    func target(of environment: ResolvedEnvironment) async throws(CommandFailure) -> ExecutionTarget {
        try await ExecutionTarget.resolve(environment, root: session.root)
    }
}
