import Diagnostics
import Workspace

/// One workflow compared between two sides of one environment.
public struct WorkflowComparison: Sendable {
    public enum Status: Sendable, Equatable {
        case added
        case removed
        case changed
        case unchanged
        /// The workflow's file moved (its id changed) but its content did not.
        case renamed(from: String)
        /// It did not render on one side or both: nothing to compare.
        case failed
    }

    /// The id on the new side (the old id for a removed workflow).
    public var id: String
    public var status: Status
    public var old: RenderedWorkflow?
    public var new: RenderedWorkflow?
    /// Present when both sides rendered.
    public var diff: WorkflowDiff?
    /// Render errors that made the comparison impossible (status `failed`).
    public var diagnostics: [Diagnostic]

    public init(
        id: String, status: Status, old: RenderedWorkflow? = nil, new: RenderedWorkflow? = nil,
        diff: WorkflowDiff? = nil, diagnostics: [Diagnostic] = []
    ) {
        self.id = id
        self.status = status
        self.old = old
        self.new = new
        self.diff = diff
        self.diagnostics = diagnostics
    }

    /// Whether this entry is a difference (`--exit-code` counts these).
    public var isDifference: Bool { status != .unchanged }

    /// The state machine name to show: the new side's, else the old side's.
    public var stateMachineName: String? { new?.stateMachineName ?? old?.stateMachineName }
}
