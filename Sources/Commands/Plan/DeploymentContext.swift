import Deployment
import Diagnostics

/// What the deploy commands (plan, apply, promote, rollback, status) share: the repository's
/// deployment session, and the loading of an environment's desired state with its diagnostics
/// printed the way `sfn validate` prints them.
struct DeploymentContext {
    let root: String
    let session: DeploymentSession
    let console: Console

    init(repository: RepositoryOptions, console: Console) throws(CommandFailure) {
        root = try repository.repositoryRoot()
        session = DeploymentSession(root: root, resolver: TargetResolver(root: root))
        self.console = console
    }

    /// Runs `body`, then closes the local engine this command opened (whether `body` succeeded
    /// or not), so its database is free for the next command.
    func closing<T>(_ body: () async throws -> T) async throws -> T {
        do {
            let result = try await body()
            await session.resolver.closeLocalEngine()
            return result
        } catch {
            await session.resolver.closeLocalEngine()
            throw error
        }
    }

    /// The environment's desired state; sources with errors are printed and stop the command.
    func desired(environment: String, workflows: [String], revision: String?, color: Bool) async throws(CommandFailure)
        -> DesiredState
    {
        let desired: DesiredState
        do {
            desired = try await DesiredState.load(
                root: root, environment: environment, workflows: workflows, revision: revision)
        } catch {
            throw CommandFailure(message: error.message)
        }
        let problems = desired.diagnostics.filter { $0.severity == .error || $0.severity == .warning }
        if !problems.isEmpty {
            DiagnosticPrinter(console: console, sources: desired.project.sources, color: color).toStandardError(problems)
        }
        if desired.diagnostics.hasErrors {
            throw CommandFailure(message: "the sources of environment '\(environment)' have errors; nothing was planned")
        }
        return desired
    }

    /// Plans an environment.
    func plan(environment: String, workflows: [String], revision: String?, prune: Bool, color: Bool)
        async throws(CommandFailure) -> DeploymentSession.Planned
    {
        let desired = try await desired(environment: environment, workflows: workflows, revision: revision, color: color)
        do {
            return try await session.plan(desired, prune: prune)
        } catch {
            if !error.diagnostics.isEmpty {
                DiagnosticPrinter(console: console, sources: desired.project.sources, color: color)
                    .toStandardError(error.diagnostics)
            }
            throw CommandFailure(message: error.message)
        }
    }
}

extension CommandFailure {
    /// A deployment error as the one-line tool error commands print.
    init(deploying error: any Error) {
        self.init(message: (error as? DeploymentError)?.message ?? String(describing: error))
    }
}
