import ASLModel
import Diagnostics
import JSONValue

/// Renders workflows per environment: final ASL plus deployment metadata.
///
/// Every environment is resolved once, when the renderer is made; after that, renders
/// share nothing mutable, so renders of different workflows may run concurrently.
/// Rendering reads only the project: the same project and environment always give the
/// same bytes.
public struct Renderer: Sendable {
    public let project: Project
    private let environments: [String: (environment: ResolvedEnvironment?, diagnostics: [Diagnostic])]

    public init(project: Project) {
        self.project = project
        let resolver = EnvironmentResolver(project: project)
        var environments: [String: (ResolvedEnvironment?, [Diagnostic])] = [:]
        for name in project.environments.keys { environments[name] = resolver.resolve(name) }
        self.environments = environments
    }

    /// The environment after `extends`, and the problems found resolving it.
    public func environment(_ name: String, overrides: [String: JSON] = [:]) -> (environment: ResolvedEnvironment?, diagnostics: [Diagnostic]) {
        if overrides.isEmpty, let cached = environments[name] { return cached }
        return EnvironmentResolver(project: project).resolve(name, overrides: overrides)
    }

    /// Renders one workflow. Its diagnostics include the environment's.
    public func render(workflow id: String, environment name: String, overrides: [String: JSON] = [:]) -> RenderResult {
        let (environment, environmentDiagnostics) = self.environment(name, overrides: overrides)
        var result = RenderResult(rendered: nil, diagnostics: environmentDiagnostics, workflowID: id)
        guard let environment else { return result }
        guard let workflow = project.workflow(id) else {
            if let file = project.unloadableWorkflowIDs[id] {
                result.diagnostics.append(Diagnostic(
                    .render("unloadable-workflow"), severity: .note,
                    message: "workflow '\(id)' could not be loaded; fix the errors in '\(file)'",
                    at: SourceLocation(file: file, line: 1, column: 1)))
            } else {
                let known = project.workflowIDs
                result.diagnostics.append(Diagnostic(
                    .render("unknown-workflow"),
                    message: "unknown workflow '\(id)'\(Suggestion.didYouMean(id, in: known))",
                    notes: [Diagnostic.Note(known.isEmpty
                        ? "there are no workflows: add one as workflows/\(id).yaml"
                        : "workflows: \(known.joined(separator: ", "))")]))
            }
            return result
        }
        if let pattern = environment.excludingPattern(for: id) {
            let how = pattern == "include"
                ? "is not in the 'include' list of environment '\(name)'"
                : "is excluded from environment '\(name)' by '\(pattern)'"
            let list = pattern == "include" ? "include" : "exclude"
            result.diagnostics.append(Diagnostic(
                .render("excluded-workflow"), message: "workflow '\(id)' \(how)",
                at: environment.settings.sourceMap.location(of: [.key(list)])))
            return result
        }
        let (rendered, diagnostics) = WorkflowRender(project: project, environment: environment, workflow: workflow).run()
        result.diagnostics += diagnostics
        result.rendered = result.diagnostics.hasErrors ? nil : rendered
        return result
    }

    /// Renders every workflow the environment includes, in id order.
    public func renderAll(environment name: String, overrides: [String: JSON] = [:]) -> EnvironmentRenderResult {
        let (environment, diagnostics) = self.environment(name, overrides: overrides)
        var outcome = EnvironmentRenderResult(environment: environment, diagnostics: diagnostics, results: [], excluded: [])
        guard let environment else { return outcome }
        for workflow in project.workflows {
            guard environment.includes(workflow.id) else {
                outcome.excluded.append(workflow.id)
                continue
            }
            let (rendered, diagnostics) = WorkflowRender(project: project, environment: environment, workflow: workflow).run()
            outcome.results.append(RenderResult(
                rendered: rendered, diagnostics: diagnostics, workflowID: workflow.id))
        }
        return outcome
    }

    /// `renderAll`, with the workflows rendered concurrently (each render is a pure function of
    /// the project and the resolved environment); the same result, in the same order.
    public func renderAllConcurrently(environment name: String, overrides: [String: JSON] = [:]) async -> EnvironmentRenderResult {
        let (environment, diagnostics) = self.environment(name, overrides: overrides)
        var outcome = EnvironmentRenderResult(environment: environment, diagnostics: diagnostics, results: [], excluded: [])
        guard let environment else { return outcome }
        let included = project.workflows.filter { environment.includes($0.id) }
        outcome.excluded = project.workflows.filter { !environment.includes($0.id) }.map(\.id)
        let project = self.project
        outcome.results = await Concurrently.map(included) { workflow in
            let (rendered, diagnostics) = WorkflowRender(project: project, environment: environment, workflow: workflow).run()
            return RenderResult(rendered: rendered, diagnostics: diagnostics, workflowID: workflow.id)
        }
        return outcome
    }
}
