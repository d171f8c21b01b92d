// CreateStateMachine, DescribeStateMachine, DescribeStateMachineForExecution, UpdateStateMachine,
// DeleteStateMachine, ListStateMachines.

/// CreateStateMachine: a new state machine from an ASL `definition` (a JSON string).
/// With `publish`, the first version is published at once (`stateMachineVersionArn` in the output).
public struct CreateStateMachineInput: Codable, Hashable, Sendable {
    /// 1–80 characters; see `ResourceName.validate`.
    public var name: String
    public var definition: String
    public var roleArn: String
    /// STANDARD when absent.
    public var type: StateMachineType?
    public var loggingConfiguration: LoggingConfiguration?
    public var tags: [Tag]?
    public var tracingConfiguration: TracingConfiguration?
    public var publish: Bool?
    public var versionDescription: String?
    public var encryptionConfiguration: EncryptionConfiguration?

    public init(
        name: String,
        definition: String,
        roleArn: String,
        type: StateMachineType? = nil,
        loggingConfiguration: LoggingConfiguration? = nil,
        tags: [Tag]? = nil,
        tracingConfiguration: TracingConfiguration? = nil,
        publish: Bool? = nil,
        versionDescription: String? = nil,
        encryptionConfiguration: EncryptionConfiguration? = nil
    ) {
        self.name = name
        self.definition = definition
        self.roleArn = roleArn
        self.type = type
        self.loggingConfiguration = loggingConfiguration
        self.tags = tags
        self.tracingConfiguration = tracingConfiguration
        self.publish = publish
        self.versionDescription = versionDescription
        self.encryptionConfiguration = encryptionConfiguration
    }
}

/// CreateStateMachine's answer.
public struct CreateStateMachineOutput: Codable, Hashable, Sendable {
    public var stateMachineArn: StateMachineARN
    public var creationDate: Timestamp
    public var stateMachineVersionArn: StateMachineARN?

    public init(
        stateMachineArn: StateMachineARN,
        creationDate: Timestamp,
        stateMachineVersionArn: StateMachineARN? = nil
    ) {
        self.stateMachineArn = stateMachineArn
        self.creationDate = creationDate
        self.stateMachineVersionArn = stateMachineVersionArn
    }
}

/// DescribeStateMachine of a state machine, version or alias ARN.
public struct DescribeStateMachineInput: Codable, Hashable, Sendable {
    public var stateMachineArn: StateMachineARN
    public var includedData: IncludedData?

    public init(stateMachineArn: StateMachineARN, includedData: IncludedData? = nil) {
        self.stateMachineArn = stateMachineArn
        self.includedData = includedData
    }
}

/// DescribeStateMachine's answer.
public struct DescribeStateMachineOutput: Codable, Hashable, Sendable {
    public var stateMachineArn: StateMachineARN
    public var name: String
    public var status: StateMachineStatus?
    public var definition: String
    public var roleArn: String
    public var type: StateMachineType
    /// For a version, when it was published.
    public var creationDate: Timestamp
    public var loggingConfiguration: LoggingConfiguration?
    public var tracingConfiguration: TracingConfiguration?
    /// A Map Run child's Map state label.
    public var label: String?
    /// Identifies the definition and configuration; changes on every update.
    public var revisionId: String?
    /// A version's description.
    public var description: String?
    public var encryptionConfiguration: EncryptionConfiguration?
    /// For each state, the variables its JSONata expressions reference.
    public var variableReferences: [String: [String]]?

    public init(
        stateMachineArn: StateMachineARN,
        name: String,
        status: StateMachineStatus? = nil,
        definition: String,
        roleArn: String,
        type: StateMachineType,
        creationDate: Timestamp,
        loggingConfiguration: LoggingConfiguration? = nil,
        tracingConfiguration: TracingConfiguration? = nil,
        label: String? = nil,
        revisionId: String? = nil,
        description: String? = nil,
        encryptionConfiguration: EncryptionConfiguration? = nil,
        variableReferences: [String: [String]]? = nil
    ) {
        self.stateMachineArn = stateMachineArn
        self.name = name
        self.status = status
        self.definition = definition
        self.roleArn = roleArn
        self.type = type
        self.creationDate = creationDate
        self.loggingConfiguration = loggingConfiguration
        self.tracingConfiguration = tracingConfiguration
        self.label = label
        self.revisionId = revisionId
        self.description = description
        self.encryptionConfiguration = encryptionConfiguration
        self.variableReferences = variableReferences
    }
}

/// DescribeStateMachineForExecution: the definition an execution actually ran (it may have been updated since).
public struct DescribeStateMachineForExecutionInput: Codable, Hashable, Sendable {
    public var executionArn: ExecutionARN
    public var includedData: IncludedData?

    public init(executionArn: ExecutionARN, includedData: IncludedData? = nil) {
        self.executionArn = executionArn
        self.includedData = includedData
    }
}

/// DescribeStateMachineForExecution's answer.
public struct DescribeStateMachineForExecutionOutput: Codable, Hashable, Sendable {
    public var stateMachineArn: StateMachineARN
    public var name: String
    public var definition: String
    public var roleArn: String
    public var updateDate: Timestamp
    public var loggingConfiguration: LoggingConfiguration?
    public var tracingConfiguration: TracingConfiguration?
    public var mapRunArn: MapRunARN?
    public var label: String?
    public var revisionId: String?
    public var encryptionConfiguration: EncryptionConfiguration?
    public var variableReferences: [String: [String]]?

    public init(
        stateMachineArn: StateMachineARN,
        name: String,
        definition: String,
        roleArn: String,
        updateDate: Timestamp,
        loggingConfiguration: LoggingConfiguration? = nil,
        tracingConfiguration: TracingConfiguration? = nil,
        mapRunArn: MapRunARN? = nil,
        label: String? = nil,
        revisionId: String? = nil,
        encryptionConfiguration: EncryptionConfiguration? = nil,
        variableReferences: [String: [String]]? = nil
    ) {
        self.stateMachineArn = stateMachineArn
        self.name = name
        self.definition = definition
        self.roleArn = roleArn
        self.updateDate = updateDate
        self.loggingConfiguration = loggingConfiguration
        self.tracingConfiguration = tracingConfiguration
        self.mapRunArn = mapRunArn
        self.label = label
        self.revisionId = revisionId
        self.encryptionConfiguration = encryptionConfiguration
        self.variableReferences = variableReferences
    }
}

/// UpdateStateMachine: at least one of definition, roleArn, loggingConfiguration, tracingConfiguration or encryptionConfiguration.
/// Running executions keep the definition they started with.
public struct UpdateStateMachineInput: Codable, Hashable, Sendable {
    public var stateMachineArn: StateMachineARN
    public var definition: String?
    public var roleArn: String?
    public var loggingConfiguration: LoggingConfiguration?
    public var tracingConfiguration: TracingConfiguration?
    public var publish: Bool?
    public var versionDescription: String?
    public var encryptionConfiguration: EncryptionConfiguration?

    public init(
        stateMachineArn: StateMachineARN,
        definition: String? = nil,
        roleArn: String? = nil,
        loggingConfiguration: LoggingConfiguration? = nil,
        tracingConfiguration: TracingConfiguration? = nil,
        publish: Bool? = nil,
        versionDescription: String? = nil,
        encryptionConfiguration: EncryptionConfiguration? = nil
    ) {
        self.stateMachineArn = stateMachineArn
        self.definition = definition
        self.roleArn = roleArn
        self.loggingConfiguration = loggingConfiguration
        self.tracingConfiguration = tracingConfiguration
        self.publish = publish
        self.versionDescription = versionDescription
        self.encryptionConfiguration = encryptionConfiguration
    }
}

/// UpdateStateMachine's answer.
public struct UpdateStateMachineOutput: Codable, Hashable, Sendable {
    public var updateDate: Timestamp
    public var revisionId: String?
    public var stateMachineVersionArn: StateMachineARN?

    public init(
        updateDate: Timestamp,
        revisionId: String? = nil,
        stateMachineVersionArn: StateMachineARN? = nil
    ) {
        self.updateDate = updateDate
        self.revisionId = revisionId
        self.stateMachineVersionArn = stateMachineVersionArn
    }
}

/// DeleteStateMachine; the machine is `DELETING` until its executions end.
public struct DeleteStateMachineInput: Codable, Hashable, Sendable {
    public var stateMachineArn: StateMachineARN

    public init(stateMachineArn: StateMachineARN) {
        self.stateMachineArn = stateMachineArn
    }
}

/// DeleteStateMachine answers `{}`.
public struct DeleteStateMachineOutput: Codable, Hashable, Sendable {
    public init() {}
}

/// ListStateMachines, paginated (`maxResults` 0–1000; 0 means the default of 100).
public struct ListStateMachinesInput: Codable, Hashable, Sendable {
    public var maxResults: Int?
    public var nextToken: String?

    public init(maxResults: Int? = nil, nextToken: String? = nil) {
        self.maxResults = maxResults
        self.nextToken = nextToken
    }
}

/// One page of state machines.
public struct ListStateMachinesOutput: Codable, Hashable, Sendable {
    public var stateMachines: [StateMachineListItem]
    public var nextToken: String?

    public init(stateMachines: [StateMachineListItem], nextToken: String? = nil) {
        self.stateMachines = stateMachines
        self.nextToken = nextToken
    }
}

/// A state machine in a ListStateMachines page.
public struct StateMachineListItem: Codable, Hashable, Sendable {
    public var stateMachineArn: StateMachineARN
    public var name: String
    public var type: StateMachineType
    public var creationDate: Timestamp

    public init(
        stateMachineArn: StateMachineARN,
        name: String,
        type: StateMachineType,
        creationDate: Timestamp
    ) {
        self.stateMachineArn = stateMachineArn
        self.name = name
        self.type = type
        self.creationDate = creationDate
    }

    private enum CodingKeys: String, CodingKey { case stateMachineArn, name, type, creationDate }

    /// AWS always sends `type`; moto's server leaves it out of list items. A missing type
    /// reads as STANDARD (the default of CreateStateMachine), so listing an emulator works.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        stateMachineArn = try container.decode(StateMachineARN.self, forKey: .stateMachineArn)
        name = try container.decode(String.self, forKey: .name)
        type = try container.decodeIfPresent(StateMachineType.self, forKey: .type) ?? .standard
        creationDate = try container.decode(Timestamp.self, forKey: .creationDate)
    }
}
