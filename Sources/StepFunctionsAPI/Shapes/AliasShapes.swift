// CreateStateMachineAlias, DescribeStateMachineAlias, UpdateStateMachineAlias,
// ListStateMachineAliases, DeleteStateMachineAlias.

/// CreateStateMachineAlias: a name that routes executions to one version, or splits them between two by weight.
public struct CreateStateMachineAliasInput: Codable, Hashable, Sendable {
    public var description: String?
    /// See `ResourceName.validateAlias`.
    public var name: String
    public var routingConfiguration: [RoutingConfigurationListItem]

    public init(
        description: String? = nil,
        name: String,
        routingConfiguration: [RoutingConfigurationListItem]
    ) {
        self.description = description
        self.name = name
        self.routingConfiguration = routingConfiguration
    }
}

/// CreateStateMachineAlias's answer.
public struct CreateStateMachineAliasOutput: Codable, Hashable, Sendable {
    public var stateMachineAliasArn: StateMachineARN
    public var creationDate: Timestamp

    public init(stateMachineAliasArn: StateMachineARN, creationDate: Timestamp) {
        self.stateMachineAliasArn = stateMachineAliasArn
        self.creationDate = creationDate
    }
}

/// DescribeStateMachineAlias.
public struct DescribeStateMachineAliasInput: Codable, Hashable, Sendable {
    public var stateMachineAliasArn: StateMachineARN

    public init(stateMachineAliasArn: StateMachineARN) {
        self.stateMachineAliasArn = stateMachineAliasArn
    }
}

/// DescribeStateMachineAlias's answer.
public struct DescribeStateMachineAliasOutput: Codable, Hashable, Sendable {
    public var stateMachineAliasArn: StateMachineARN?
    public var name: String?
    public var description: String?
    public var routingConfiguration: [RoutingConfigurationListItem]?
    public var creationDate: Timestamp?
    public var updateDate: Timestamp?

    public init(
        stateMachineAliasArn: StateMachineARN? = nil,
        name: String? = nil,
        description: String? = nil,
        routingConfiguration: [RoutingConfigurationListItem]? = nil,
        creationDate: Timestamp? = nil,
        updateDate: Timestamp? = nil
    ) {
        self.stateMachineAliasArn = stateMachineAliasArn
        self.name = name
        self.description = description
        self.routingConfiguration = routingConfiguration
        self.creationDate = creationDate
        self.updateDate = updateDate
    }
}

/// UpdateStateMachineAlias: a new description, routing, or both.
public struct UpdateStateMachineAliasInput: Codable, Hashable, Sendable {
    public var stateMachineAliasArn: StateMachineARN
    public var description: String?
    public var routingConfiguration: [RoutingConfigurationListItem]?

    public init(
        stateMachineAliasArn: StateMachineARN,
        description: String? = nil,
        routingConfiguration: [RoutingConfigurationListItem]? = nil
    ) {
        self.stateMachineAliasArn = stateMachineAliasArn
        self.description = description
        self.routingConfiguration = routingConfiguration
    }
}

/// UpdateStateMachineAlias's answer.
public struct UpdateStateMachineAliasOutput: Codable, Hashable, Sendable {
    public var updateDate: Timestamp

    public init(updateDate: Timestamp) {
        self.updateDate = updateDate
    }
}

/// ListStateMachineAliases of a state machine (or of the machine a version ARN belongs to).
public struct ListStateMachineAliasesInput: Codable, Hashable, Sendable {
    public var stateMachineArn: StateMachineARN
    public var nextToken: String?
    public var maxResults: Int?

    public init(stateMachineArn: StateMachineARN, nextToken: String? = nil, maxResults: Int? = nil) {
        self.stateMachineArn = stateMachineArn
        self.nextToken = nextToken
        self.maxResults = maxResults
    }
}

/// One page of aliases.
public struct ListStateMachineAliasesOutput: Codable, Hashable, Sendable {
    public var stateMachineAliases: [StateMachineAliasListItem]
    public var nextToken: String?

    public init(stateMachineAliases: [StateMachineAliasListItem], nextToken: String? = nil) {
        self.stateMachineAliases = stateMachineAliases
        self.nextToken = nextToken
    }
}

/// An alias in a ListStateMachineAliases page.
public struct StateMachineAliasListItem: Codable, Hashable, Sendable {
    public var stateMachineAliasArn: StateMachineARN
    public var creationDate: Timestamp

    public init(stateMachineAliasArn: StateMachineARN, creationDate: Timestamp) {
        self.stateMachineAliasArn = stateMachineAliasArn
        self.creationDate = creationDate
    }
}

/// DeleteStateMachineAlias.
public struct DeleteStateMachineAliasInput: Codable, Hashable, Sendable {
    public var stateMachineAliasArn: StateMachineARN

    public init(stateMachineAliasArn: StateMachineARN) {
        self.stateMachineAliasArn = stateMachineAliasArn
    }
}

/// DeleteStateMachineAlias answers `{}`.
public struct DeleteStateMachineAliasOutput: Codable, Hashable, Sendable {
    public init() {}
}
