// PublishStateMachineVersion, ListStateMachineVersions, DeleteStateMachineVersion.

/// PublishStateMachineVersion: an immutable, numbered snapshot of the current revision.
/// With `revisionId`, publishing fails with `ConflictException` when the machine changed since.
public struct PublishStateMachineVersionInput: Codable, Hashable, Sendable {
    public var stateMachineArn: StateMachineARN
    public var revisionId: String?
    public var description: String?

    public init(stateMachineArn: StateMachineARN, revisionId: String? = nil, description: String? = nil) {
        self.stateMachineArn = stateMachineArn
        self.revisionId = revisionId
        self.description = description
    }
}

/// PublishStateMachineVersion's answer.
public struct PublishStateMachineVersionOutput: Codable, Hashable, Sendable {
    public var creationDate: Timestamp
    public var stateMachineVersionArn: StateMachineARN

    public init(creationDate: Timestamp, stateMachineVersionArn: StateMachineARN) {
        self.creationDate = creationDate
        self.stateMachineVersionArn = stateMachineVersionArn
    }
}

/// ListStateMachineVersions, newest first.
public struct ListStateMachineVersionsInput: Codable, Hashable, Sendable {
    public var stateMachineArn: StateMachineARN
    public var nextToken: String?
    public var maxResults: Int?

    public init(stateMachineArn: StateMachineARN, nextToken: String? = nil, maxResults: Int? = nil) {
        self.stateMachineArn = stateMachineArn
        self.nextToken = nextToken
        self.maxResults = maxResults
    }
}

/// One page of versions.
public struct ListStateMachineVersionsOutput: Codable, Hashable, Sendable {
    public var stateMachineVersions: [StateMachineVersionListItem]
    public var nextToken: String?

    public init(stateMachineVersions: [StateMachineVersionListItem], nextToken: String? = nil) {
        self.stateMachineVersions = stateMachineVersions
        self.nextToken = nextToken
    }
}

/// A version in a ListStateMachineVersions page.
public struct StateMachineVersionListItem: Codable, Hashable, Sendable {
    public var stateMachineVersionArn: StateMachineARN
    public var creationDate: Timestamp

    public init(stateMachineVersionArn: StateMachineARN, creationDate: Timestamp) {
        self.stateMachineVersionArn = stateMachineVersionArn
        self.creationDate = creationDate
    }
}

/// DeleteStateMachineVersion; refused with `ConflictException` while an alias routes to it.
public struct DeleteStateMachineVersionInput: Codable, Hashable, Sendable {
    public var stateMachineVersionArn: StateMachineARN

    public init(stateMachineVersionArn: StateMachineARN) {
        self.stateMachineVersionArn = stateMachineVersionArn
    }
}

/// DeleteStateMachineVersion answers `{}`.
public struct DeleteStateMachineVersionOutput: Codable, Hashable, Sendable {
    public init() {}
}
