import Diagnostics
import Engine
import Foundation
import Integrations
import JSONValue
import Workspace

/// The local engine's side of `sfn validate`: in every environment whose target is the
/// embedded engine, a Task state that no handler, built-in integration or mock covers would
/// fail at run time ("no handler or mock"). Saying so at validate time, as a warning at the
/// state's `Resource`, is cheaper than finding out from a failed run. Problems in the
/// environment's `local:` block itself (or in the mock file it names) are errors: every run
/// there would fail on them.
///
/// Only environments with a `local:` block are checked: every environment targets the local
/// engine unless it names another target, and one that never configured local runs (a
/// fixture, an environment only rendered) would otherwise get a warning on every Task.
struct LocalCoverageCheck {
    static let uncoveredTask = DiagnosticID("local", "uncovered-task")
    static let badSettings = DiagnosticID("local", "settings")

    let renderer: Renderer
    /// Where relative `mocks:` paths are read from (the working tree: mocks are test data).
    let projectRoot: String
    var processEnvironment = ProcessInfo.processInfo.environment

    /// The outcomes with coverage warnings added, and the settings problems per environment.
    func run(
        _ outcomes: [RepositoryCheck.Outcome], environments: [String], overrides: [String: JSON]
    ) -> (outcomes: [RepositoryCheck.Outcome], environmentDiagnostics: [Diagnostic]) {
        var outcomes = outcomes
        var problems: [Diagnostic] = []
        for name in environments {
            guard let environment = renderer.environment(name, overrides: overrides).environment,
                environment.target.kind == .local, environment.local != nil
            else { continue }
            let settings: LocalRuntimeSettings
            let mocks: MockConfiguration?
            do {
                settings = try LocalRuntimeSettings(environment: environment)
                mocks = try settings.mockConfiguration(projectRoot: projectRoot, processEnvironment: processEnvironment)
            } catch {
                problems += error.problems.map {
                    Diagnostic(Self.badSettings, message: "\($0.path): \($0.message)", at: $0.location)
                }
                continue
            }
            for index in outcomes.indices where outcomes[index].environment == name {
                guard let rendered = outcomes[index].rendered else { continue }
                let uncovered = settings.uncoveredTasks(
                    in: rendered.definition.value, stateMachineName: rendered.stateMachineName, mocks: mocks)
                outcomes[index].diagnostics += uncovered.map { task in
                    Diagnostic(
                        Self.uncoveredTask, severity: .warning, message: task.message,
                        at: rendered.definition.sourceMap.nearest(task.pointer)?.location, path: task.pointer.awsLocation)
                }
            }
        }
        return (outcomes, problems)
    }
}
