public import JSONValue
public import StepFunctionsAPI

/// A state machine as the target holds it: what a plan compares the rendered workflow with.
public struct DeployedMachine: Sendable {
    public var arn: StateMachineARN
    public var name: String
    public var type: StateMachineType
    /// The definition as the target returned it, and parsed (nil when it is not JSON).
    public var definitionText: String
    public var definition: JSON?
    public var roleArn: String
    public var loggingConfiguration: LoggingConfiguration?
    public var tracingConfiguration: TracingConfiguration?
    /// Every tag, sfn's included.
    public var tags: [String: String]
    /// Set when the tags name sfn as the manager.
    public var ownership: Ownership?
    /// The environment's alias, when the target has aliases and the machine has one.
    public var alias: DeployedAlias?
    /// The newest published version and its definition's sha256, read only when the alias is
    /// missing or routes to another definition: an apply that stopped after publishing reuses it.
    public var latestVersion: (arn: StateMachineARN, definitionSHA256: String?)?

    /// The sha256 of the definition the target holds (of its text when it is not JSON).
    public var definitionSHA256: String

    /// The users' tags (sfn's own `sfn:` tags left out).
    public var userTags: [String: String] { tags.filter { !Ownership.isOwnershipKey($0.key) } }

    /// Someone changed the definition since sfn deployed it.
    public var hasDrifted: Bool {
        guard let ownership, !ownership.definitionSHA256.isEmpty else { return false }
        return ownership.definitionSHA256 != definitionSHA256
    }

    /// The revision the environment runs: the alias's version's commit where versions carry one,
    /// else the commit of the tags.
    public var deployedRevision: DeployedRevision? { alias?.revision ?? ownership?.revision }

    public init(
        arn: StateMachineARN, name: String, type: StateMachineType, definitionText: String, roleArn: String,
        loggingConfiguration: LoggingConfiguration?, tracingConfiguration: TracingConfiguration?, tags: [String: String],
        alias: DeployedAlias? = nil
    ) {
        self.arn = arn
        self.name = name
        self.type = type
        self.definitionText = definitionText
        let definition = try? JSON.parse(definitionText)
        self.definition = definition
        self.definitionSHA256 = definition?.canonicalSHA256 ?? JSON.string(definitionText).canonicalSHA256
        self.roleArn = roleArn
        self.loggingConfiguration = loggingConfiguration
        self.tracingConfiguration = tracingConfiguration
        self.tags = tags
        self.ownership = Ownership(tags: tags)
        self.alias = alias
    }

    /// Everything a saved plan depends on, as one value: a plan made when the target held a
    /// different fingerprint is stale.
    public var fingerprint: String {
        var object = JSONObject()
        object["definition"] = .string(definitionSHA256)
        object["type"] = .string(type.rawValue)
        object["role"] = .string(roleArn)
        object["logging"] = .string(LoggingConfiguration.normalizedLevel(loggingConfiguration))
        object["tracing"] = .bool(tracingConfiguration?.enabled ?? false)
        object["tags"] = .object(JSONObject(tags.sorted { $0.key < $1.key }.map { ($0.key, JSON.string($0.value)) }))
        object["alias"] = alias.map { .string($0.versionArn?.description ?? "") } ?? .null
        return JSON.object(object).canonicalSHA256
    }
}

/// The environment's alias of a deployed machine and the version it routes to.
public struct DeployedAlias: Sendable, Hashable {
    public var arn: StateMachineARN
    /// The version taking the largest share of executions (nil when routing names none).
    public var versionArn: StateMachineARN?
    /// The commit the version's description names.
    public var revision: DeployedRevision?
    /// The sha256 of that version's definition.
    public var versionDefinitionSHA256: String?

    public init(
        arn: StateMachineARN, versionArn: StateMachineARN?, revision: DeployedRevision?, versionDefinitionSHA256: String?
    ) {
        self.arn = arn
        self.versionArn = versionArn
        self.revision = revision
        self.versionDefinitionSHA256 = versionDefinitionSHA256
    }

    public var version: Int? { versionArn?.versionNumber }
}

extension LoggingConfiguration {
    /// A machine created without logging reads as `OFF` on AWS and as nothing on some emulators.
    static func normalizedLevel(_ configuration: LoggingConfiguration?) -> String {
        configuration?.level?.rawValue ?? "OFF"
    }
}
