/// An activity: a named queue of tasks that workers poll.
public struct Activity: Sendable, Hashable {
    public var arn: String
    public var name: String
    public var creationDate: Timestamp
    /// Creation order, for listing.
    var sequence: Int
}
