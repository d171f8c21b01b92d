import ASLModel
import Diagnostics
import Foundation
import JSONValue
import Validation
import Workspace

/// Renders and validates every (workflow, environment) pair of a repository: the core
/// of `sfn validate`, `sfn render` and the benchmark.
///
/// Pairs are independent, so they run concurrently on every core in a bounded task
/// group; results are gathered in a fixed order, so output never depends on timing.
public struct RepositoryCheck: Sendable {
    public let renderer: Renderer
    public let validator = Validator()

    public init(project: Project) {
        self.renderer = Renderer(project: project)
    }

    /// One rendered and validated pair.
    public struct Outcome: Sendable {
        public var workflowID: String
        public var environment: String
        /// The rendered workflow when it rendered without errors.
        public var rendered: RenderedWorkflow?
        /// Present when the rendered definition passed validation.
        public var validated: ValidatedWorkflow?
        public var diagnostics: [Diagnostic]
    }

    /// Renders and validates `workflows` (all the environment includes when nil) in
    /// each of `environments`. Environment-level problems are reported once per environment.
    public func run(
        environments: [String], workflows: [String]? = nil, overrides: [String: JSON] = [:],
        validate: Bool = true
    ) async -> (outcomes: [Outcome], environmentDiagnostics: [Diagnostic]) {
        var pairs: [(workflow: String, environment: String, known: Set<Diagnostic>)] = []
        var environmentDiagnostics: [Diagnostic] = []
        for name in environments {
            let (environment, diagnostics) = renderer.environment(name, overrides: overrides)
            environmentDiagnostics += diagnostics
            guard let environment else { continue }
            let known = Set(diagnostics)
            for id in workflows ?? renderer.project.workflowIDs where workflows != nil || environment.includes(id) {
                pairs.append((id, name, known))
            }
        }
        let outcomes = await withTaskGroup(of: (Int, Outcome).self) { group in
            var results = [Outcome?](repeating: nil, count: pairs.count)
            let width = max(1, ProcessInfo.processInfo.activeProcessorCount)
            var next = 0
            func submit() {
                let index = next
                let pair = pairs[index]
                next += 1
                group.addTask {
                    (index, check(pair.workflow, in: pair.environment, overrides: overrides, validate: validate, excluding: pair.known))
                }
            }
            while next < min(width * 4, pairs.count) { submit() }
            while let (index, outcome) = await group.next() {
                results[index] = outcome
                if next < pairs.count { submit() }
            }
            return results.compactMap { $0 }
        }
        return (outcomes, environmentDiagnostics)
    }

    /// Renders and validates one pair. `excluding` holds the environment's own problems,
    /// which the caller reports once rather than once per workflow.
    public func check(
        _ id: String, in environment: String, overrides: [String: JSON] = [:], validate: Bool = true,
        excluding environmentProblems: Set<Diagnostic> = []
    ) -> Outcome {
        let render = renderer.render(workflow: id, environment: environment, overrides: overrides)
        var outcome = Outcome(
            workflowID: id, environment: environment, rendered: render.rendered, validated: nil,
            diagnostics: render.diagnostics.filter { !environmentProblems.contains($0) })
        if validate, let rendered = render.rendered {
            let result = validator.validate(rendered.definition, options: ValidationOptions(type: rendered.type))
            outcome.validated = result.workflow
            outcome.diagnostics += result.diagnostics
        }
        return outcome
    }
}
