/// Where a durable local service keeps what is not an execution's run: state machines, their
/// revisions, versions, aliases and tags, and what StartExecution accepted about each
/// execution (the version or alias it named, the input text as sent). The service encodes
/// each record itself (`CatalogEntry.body`, JSON); a store only keeps them by kind and key,
/// so the model stays in the service and the storage in `EngineStore`.
///
/// `apply` returns once its writes are committed, all of them or none: a service answers a
/// request only after the catalog holds its effect, so a restart never loses an accepted
/// change. The SQLite store keeps these next to the executions, in the same file.
public protocol CatalogStore: ExecutionStore {
    /// Every entry, in the order it was first written.
    func catalogEntries() throws -> [CatalogEntry]
    /// Writes `entries` (replacing entries of the same kind and key) and deletes `deletions`,
    /// in one transaction.
    func apply(_ entries: [CatalogEntry], deleting deletions: [CatalogEntry.Key]) throws
    /// The final description of every execution that has ended, by execution ARN.
    func endedExecutions() throws -> [String: ExecutionDescription]
    /// Every event of one execution, in order.
    func history(of executionArn: String) throws -> [HistoryEvent]
    /// From now on every write fails (one in progress completes first), and whatever the
    /// store holds for the service (its file's lock) is released. Executions still running
    /// then stay RUNNING in the store, for the next service to resume.
    func close()
}

/// One record of the catalog: a kind, the ARN (or other key) that names it, and its JSON body.
public struct CatalogEntry: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        case stateMachine, revision, version, alias, tags, execution
        /// An activity (`ActivityListItem` as its body).
        case activity
    }

    public struct Key: Sendable, Hashable {
        public var kind: Kind
        public var key: String

        public init(kind: Kind, key: String) {
            self.kind = kind
            self.key = key
        }
    }

    public var kind: Kind
    public var key: String
    public var body: String

    public init(kind: Kind, key: String, body: String) {
        self.kind = kind
        self.key = key
        self.body = body
    }

    public var id: Key { Key(kind: kind, key: key) }
}
