import Engine
import EngineStore
import Foundation
import Integrations
import StepFunctionsAPI
import Workspace

/// The embedded engine of each repository this process works on: the durable database
/// `.sfn/engine/engine.sqlite`, opened once and shared by every local environment (their
/// machines differ by name, as `naming` includes `${env}`), closed when the command ends.
///
/// One per process because the database is held exclusively while open: a second open of the
/// same file would wait for the first to close. The engine runs with the `local:` settings
/// (handlers, mocks, clock) of the first environment that opens it, which is the one `sfn run`
/// names; plan and apply start no executions, so their settings do not matter.
actor LocalEngines {
    static let shared = LocalEngines()

    /// Where the engine's database lives in a repository.
    static func databasePath(root: String) -> String {
        URL(fileURLWithPath: root).appendingPathComponent(".sfn/engine/engine.sqlite").path
    }

    private var engines: [String: LocalStepFunctionsService] = [:]

    /// The engine for the repository at `root`, opened on first use with `environment`'s settings.
    func engine(root: String, environment: ResolvedEnvironment, resumeExecutions: Bool) async throws(DeploymentError)
        -> LocalStepFunctionsService
    {
        if let engine = engines[root] { return engine }
        let settings: LocalRuntimeSettings
        do {
            settings = try LocalRuntimeSettings(environment: environment)
        } catch {
            throw DeploymentError(.configuration, "environment '\(environment.name)': \(error.description)")
        }
        let services = LocalServiceReference()
        var options: LocalStepFunctionsService.Options
        do {
            options = try settings.makeOptions(projectRoot: root, services: services, scope: .local)
        } catch {
            throw DeploymentError(.configuration, "environment '\(environment.name)': \(error.description)")
        }
        options.resumeExecutions = resumeExecutions
        let engine: LocalStepFunctionsService
        do {
            engine = try await LocalEngineDatabase.open(path: Self.databasePath(root: root), options: options)
        } catch {
            throw DeploymentError(.configuration, "the local engine cannot be opened: \(error.description)")
        }
        services.bind(engine)
        engines[root] = engine
        return engine
    }

    /// Stops the engine of `root`, if open, and releases its database.
    func close(root: String) async {
        guard let engine = engines.removeValue(forKey: root) else { return }
        await engine.close()
    }
}
