import Foundation
public import StepFunctionsAPI

/// What applying would do to one environment: one item per workflow (and per managed machine
/// to delete), each with its field-level changes, and what was observed on the target so a
/// saved plan can refuse to apply once the target has changed (a stale plan).
///
/// A plain value; `PlanFile` is its encoding on disk.
public struct DeploymentPlan: Sendable, Hashable, Codable {
    /// Unique per plan; recorded with each deployment made from it.
    public var id: String
    public var environment: String
    /// The target's description (`local engine (.sfn/)`, `endpoint http://…`).
    public var target: String
    public var source: PlanSource
    public var capabilities: TargetCapabilities
    public var items: [PlanItem]
    /// What the user should know: features the target lacks, machines left behind without `--prune`.
    public var notes: [String]
    public var createdAt: Date

    public init(
        id: String = UUID().uuidString.lowercased(), environment: String, target: String, source: PlanSource,
        capabilities: TargetCapabilities, items: [PlanItem], notes: [String], createdAt: Date = Date()
    ) {
        self.id = id
        self.environment = environment
        self.target = target
        self.source = source
        self.capabilities = capabilities
        self.items = items
        self.notes = notes
        self.createdAt = createdAt
    }

    /// Items that change something.
    public var changes: [PlanItem] { items.filter { $0.action != .keep } }
    public var hasChanges: Bool { items.contains { $0.action != .keep } }

    public func count(_ action: PlanAction) -> Int { items.count { $0.action == action } }
}

/// Terraform's small vocabulary of plan actions.
public enum PlanAction: String, Sendable, Hashable, Codable, CaseIterable {
    case create
    case update
    /// Delete and create again: a type change, which AWS cannot make in place.
    case replace
    /// A managed machine whose workflow is no longer in the repository (`--prune`).
    case delete
    case keep

    public var symbol: String {
        switch self {
        case .create: "+"
        case .update: "~"
        case .replace: "±"
        case .delete: "-"
        case .keep: "="
        }
    }
}

/// One workflow's (or one leftover machine's) planned action.
public struct PlanItem: Sendable, Hashable, Codable {
    public var action: PlanAction
    /// The workflow id; for a delete, the id its ownership tags name.
    public var workflow: String
    public var stateMachineName: String
    public var stateMachineArn: String
    public var type: StateMachineType
    public var stateCount: Int
    public var changes: [PlanChange]
    /// What the machine will be; nil for a delete.
    public var desired: DesiredMachine?
    /// The fingerprint of the machine as the plan saw it (`DeployedMachine.fingerprint`); nil when absent.
    public var observed: String?
    /// The environment's alias must be created or moved to a new version.
    public var movesAlias: Bool
    /// An existing version the alias moves to instead of a new one (an apply that stopped after
    /// publishing it, a rollback).
    public var aliasVersion: String?
    /// Sources that differ from the recorded commit (apply refuses unless allowed).
    public var dirtySources: [String]

    public init(
        action: PlanAction, workflow: String, stateMachineName: String, stateMachineArn: String,
        type: StateMachineType, stateCount: Int, changes: [PlanChange] = [], desired: DesiredMachine? = nil,
        observed: String? = nil, movesAlias: Bool = false, aliasVersion: String? = nil, dirtySources: [String] = []
    ) {
        self.aliasVersion = aliasVersion
        self.action = action
        self.workflow = workflow
        self.stateMachineName = stateMachineName
        self.stateMachineArn = stateMachineArn
        self.type = type
        self.stateCount = stateCount
        self.changes = changes
        self.desired = desired
        self.observed = observed
        self.movesAlias = movesAlias
        self.dirtySources = dirtySources
    }
}

/// One field-level change: a path inside the definition (`States.ProcessData.Retry[0].MaxAttempts`)
/// or of the metadata (`type`, `role`, `logging`, `tracing`, `tags.team`, `alias.live`), with
/// the old and new values as compact JSON text.
public struct PlanChange: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Hashable, Codable {
        case added
        case removed
        case changed
    }

    public var kind: Kind
    public var path: String
    public var old: String?
    public var new: String?

    public init(kind: Kind, path: String, old: String?, new: String?) {
        self.kind = kind
        self.path = path
        self.old = old
        self.new = new
    }
}

/// The state machine an item deploys, exactly as apply will send it.
public struct DesiredMachine: Sendable, Hashable, Codable {
    /// The definition's canonical JSON text.
    public var definition: String
    public var definitionSHA256: String
    public var roleArn: String
    public var type: StateMachineType
    /// Users' tags, then sfn's ownership tags.
    public var tags: [Tag]
    /// The revision recorded in the tags and the version's description.
    public var revision: DeployedRevision
    /// The alias to move (`live`).
    public var alias: String

    public init(
        definition: String, definitionSHA256: String, roleArn: String, type: StateMachineType, tags: [Tag],
        revision: DeployedRevision, alias: String
    ) {
        self.definition = definition
        self.definitionSHA256 = definitionSHA256
        self.roleArn = roleArn
        self.type = type
        self.tags = tags
        self.revision = revision
        self.alias = alias
    }
}
