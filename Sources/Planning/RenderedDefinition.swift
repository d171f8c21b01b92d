import ASLModel
import JSONValue
import Workspace

/// What comparing two renders needs of a rendered workflow: the definition and the
/// deployment metadata, without source maps.
///
/// A history walk keeps one of these per distinct render; keeping whole
/// `RenderedWorkflow`s (with a source map entry for every node) would cost memory and
/// time for nothing once rendering succeeded.
public struct RenderedDefinition: Sendable, Equatable {
    public var definition: JSON
    public var sha256: String
    public var stateMachineName: String
    public var type: StateMachineType
    public var role: String?
    public var tags: [RenderedWorkflow.Tag]

    public init(_ workflow: RenderedWorkflow) {
        definition = workflow.definition.value
        sha256 = workflow.sha256
        stateMachineName = workflow.stateMachineName
        type = workflow.type
        role = workflow.role
        tags = workflow.tags
    }

    /// Same definition bytes and same metadata: nothing to show.
    func isSameDeployment(as other: RenderedDefinition) -> Bool {
        sha256 == other.sha256 && stateMachineName == other.stateMachineName && type == other.type
            && role == other.role && tags == other.tags
    }
}
