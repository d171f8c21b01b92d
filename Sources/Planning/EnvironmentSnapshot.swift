import Diagnostics
import JSONValue
import Workspace

/// Every workflow of one environment rendered from one side (a revision or the
/// working tree): what a comparison compares.
public struct EnvironmentSnapshot: Sendable {
    public var environment: String
    /// False when the environment has no file on this side (all its workflows then
    /// count as absent).
    public var exists: Bool
    /// Rendered workflows by id.
    public var workflows: [String: RenderedWorkflow]
    /// Each workflow's whole source file as parsed, by id: how a rename is recognised
    /// (the file moved, its content did not).
    public var files: [String: JSON]
    /// Workflows that did not render, with their errors.
    public var failures: [String: [Diagnostic]]
    /// Problems with the environment itself (reported once).
    public var diagnostics: [Diagnostic]

    public init(
        environment: String, exists: Bool, workflows: [String: RenderedWorkflow] = [:], files: [String: JSON] = [:],
        failures: [String: [Diagnostic]] = [:], diagnostics: [Diagnostic] = []
    ) {
        self.environment = environment
        self.exists = exists
        self.workflows = workflows
        self.files = files
        self.failures = failures
        self.diagnostics = diagnostics
    }

    /// Renders every workflow `environment` includes (or only `only`, when given).
    public static func render(_ renderer: Renderer, environment: String, only: Set<String>? = nil) -> EnvironmentSnapshot {
        let project = renderer.project
        guard project.environments[environment] != nil else {
            return EnvironmentSnapshot(environment: environment, exists: false)
        }
        var snapshot = EnvironmentSnapshot(environment: environment, exists: true)
        let (resolved, environmentDiagnostics) = renderer.environment(environment)
        snapshot.diagnostics = environmentDiagnostics
        guard let resolved else { return snapshot }
        let known = Set(environmentDiagnostics)
        for workflow in project.workflows where resolved.includes(workflow.id) && (only?.contains(workflow.id) ?? true) {
            snapshot.files[workflow.id] = workflow.document.value
            let result = renderer.render(workflow: workflow.id, environment: environment)
            if let rendered = result.rendered {
                snapshot.workflows[workflow.id] = rendered
            } else {
                snapshot.failures[workflow.id] = result.diagnostics.filter { !known.contains($0) && $0.severity == .error }
            }
        }
        for (id, file) in project.unloadableWorkflowIDs where only?.contains(id) ?? true {
            snapshot.failures[id] = [Diagnostic(
                DiagnosticID("render", "unloadable-workflow"),
                message: "workflow '\(id)' could not be loaded; fix the errors in '\(file)'",
                at: SourceLocation(file: file, line: 1, column: 1))]
        }
        return snapshot
    }

    /// Every workflow id present on this side, rendered or not.
    public var workflowIDs: Set<String> { Set(workflows.keys).union(failures.keys) }
}
