import ASLModel
import Diagnostics
import JSONValue

/// One workflow rendered for one environment: the final ASL and what deploying it needs.
public struct RenderedWorkflow: Sendable {
    /// The workflow's id (its file stem).
    public var id: String
    /// The envelope's `name` (or an override's), substituted; the id when there is none.
    public var baseName: String
    /// The state machine's name in this environment, from `naming`.
    public var stateMachineName: String
    public var type: StateMachineType
    /// The execution role: the environment's override, else the envelope's, else the
    /// environment's default; nil when none names one.
    public var role: String?
    /// Environment tags, then the envelope's, then the override's (later wins), in order.
    public var tags: [Tag]
    public var environment: String
    public var alias: String
    public var region: String
    public var account: String
    /// The final ASL. Its source map points into the workflow file, and into template
    /// files (with `includedFrom`) for nodes that came from templates.
    public var definition: SourceDocument
    /// SHA-256 of the definition's canonical form: the identity of what was rendered.
    public var sha256: String
    /// Every file that contributed: the workflow, the templates used, the environment
    /// chain (child first) and `sfn.yaml`.
    public var sources: [String]

    public struct Tag: Hashable, Sendable {
        public var key: String
        public var value: String

        public init(key: String, value: String) {
            self.key = key
            self.value = value
        }
    }
}

/// The outcome of rendering one workflow for one environment.
public struct RenderResult: Sendable {
    /// Nil whenever `diagnostics` has an error, or the workflow used a variable whose
    /// error was reported with the environment.
    public var rendered: RenderedWorkflow?
    public var diagnostics: [Diagnostic]
    /// The workflow id asked for.
    public var workflowID: String
}

/// The outcome of rendering every workflow an environment includes.
public struct EnvironmentRenderResult: Sendable {
    /// Nil when the environment itself could not be resolved (a missing parent, a cycle).
    public var environment: ResolvedEnvironment?
    /// Problems with the environment itself, reported once rather than per workflow.
    public var diagnostics: [Diagnostic]
    /// One result per included workflow, in id order; their diagnostics are their own.
    public var results: [RenderResult]
    /// Workflows the environment's include/exclude lists leave out.
    public var excluded: [String]

    /// Every diagnostic: the environment's, then each workflow's.
    public var allDiagnostics: [Diagnostic] { diagnostics + results.flatMap(\.diagnostics) }
}
