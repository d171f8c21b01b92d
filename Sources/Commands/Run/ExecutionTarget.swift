import Deployment
import StepFunctionsAPI
import Workspace

/// An environment's target as `sfn run`, `sfn executions` and `sfn history` use it: the
/// service that answers for it, how to name it, and how it builds ARNs.
///
/// Found by `ExecutionTarget.resolve`, the one place that turns an environment into a
/// target, so every command reaches the local engine, an emulator and AWS the same way.
struct ExecutionTarget: Sendable {
    var service: any StepFunctionsService
    /// `local engine (.sfn/)`, `endpoint http://127.0.0.1:4566`: for messages and records.
    var description: String
    var scope: ARNScope
    /// The alias deployments move (`live` unless the environment says otherwise).
    var alias: String

    /// Tests give the target of every environment (an in-memory engine) for the duration of
    /// a call, as `Console.current` gives the console.
    @TaskLocal static var override: (@Sendable (ResolvedEnvironment) async throws -> ExecutionTarget)?

    /// The target of `environment`, in the repository at `root`.
    static func resolve(_ environment: ResolvedEnvironment, root: String) async throws(CommandFailure) -> ExecutionTarget {
        if let override {
            do {
                return try await override(environment)
            } catch {
                throw CommandFailure(message: "cannot reach the target of '\(environment.name)': \(error)")
            }
        }
        do {
            let target = try await TargetResolver(root: root, resumeExecutions: true).resolve(environment)
            return ExecutionTarget(
                service: target.service, description: target.description, scope: target.scope, alias: target.alias)
        } catch {
            throw CommandFailure(message: error.message)
        }
    }
}
