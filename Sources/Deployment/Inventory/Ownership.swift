public import StepFunctionsAPI

/// The tags sfn puts on every state machine it manages, so the target itself says what is
/// deployed where and from which commit (a CI machine has no local records to ask).
///
/// Keys start with `sfn:`; users' own tags never do, so the two are told apart by key alone.
public struct Ownership: Sendable, Hashable, Codable {
    public static let toolKey = "sfn:managed-by"
    public static let workflowKey = "sfn:workflow"
    public static let environmentKey = "sfn:environment"
    /// The full commit sha, with `-dirty` when the working tree's sources differed.
    public static let commitKey = "sfn:commit"
    public static let definitionKey = "sfn:definition-sha256"
    public static let toolValue = "sfn"

    public var workflow: String
    public var environment: String
    public var revision: DeployedRevision
    /// The sha256 of the canonical definition sfn deployed: a definition that no longer has this
    /// identity was edited by hand (drift).
    public var definitionSHA256: String

    public init(workflow: String, environment: String, revision: DeployedRevision, definitionSHA256: String) {
        self.workflow = workflow
        self.environment = environment
        self.revision = revision
        self.definitionSHA256 = definitionSHA256
    }

    /// Whether a tag key is one of sfn's (not compared as a user tag).
    public static func isOwnershipKey(_ key: String) -> Bool { key.hasPrefix("sfn:") }

    /// The ownership a machine's tags state, when they name sfn as its manager.
    public init?(tags: [String: String]) {
        guard tags[Self.toolKey] == Self.toolValue, let workflow = tags[Self.workflowKey],
            let environment = tags[Self.environmentKey]
        else { return nil }
        self.workflow = workflow
        self.environment = environment
        self.revision = DeployedRevision(parsing: tags[Self.commitKey] ?? "")
        self.definitionSHA256 = tags[Self.definitionKey] ?? ""
    }

    public var tags: [Tag] {
        [
            Tag(key: Self.toolKey, value: Self.toolValue), Tag(key: Self.workflowKey, value: workflow),
            Tag(key: Self.environmentKey, value: environment), Tag(key: Self.commitKey, value: revision.description),
            Tag(key: Self.definitionKey, value: definitionSHA256),
        ]
    }
}

/// A commit as a deployment names it: the full sha, and whether the working tree's sources
/// differed from it (`<sha>-dirty`). An empty sha is a repository without commits.
public struct DeployedRevision: Sendable, Hashable, Codable, CustomStringConvertible {
    public var commit: String
    public var dirty: Bool

    public init(commit: String, dirty: Bool) {
        self.commit = commit
        self.dirty = dirty
    }

    public init(parsing text: String) {
        if text.hasSuffix("-dirty") {
            self.init(commit: String(text.dropLast(6)), dirty: true)
        } else {
            self.init(commit: text, dirty: false)
        }
    }

    /// `a1b2c3d`, `a1b2c3d-dirty`, or `uncommitted`.
    public var short: String {
        commit.isEmpty ? (dirty ? "uncommitted" : "unknown") : String(commit.prefix(7)) + (dirty ? "-dirty" : "")
    }

    public var description: String { commit + (dirty ? "-dirty" : "") }

    /// A version's description, so AWS's console and ListStateMachineVersions name the commit.
    public var versionDescription: String { "sfn: commit \(description)" }

    /// The revision a version description names, when sfn wrote it.
    public init?(versionDescription text: String?) {
        guard let text, text.hasPrefix("sfn: commit ") else { return nil }
        self.init(parsing: String(text.dropFirst("sfn: commit ".count)))
    }
}
