public import JSONValue

/// A task handed to a worker by GetActivityTask.
public struct ActivityTask: Sendable, Hashable {
    public var taskToken: String
    /// The effective input of the Activity state (after InputPath and Parameters).
    public var input: JSON
}
