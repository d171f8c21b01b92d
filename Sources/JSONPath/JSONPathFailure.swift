/// Why evaluating (or assigning through) a path failed, as a value: the engine maps it
/// to `States.Runtime` or `States.ResultPathMatchFailure` and builds AWS's cause from it.
public struct JSONPathFailure: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Kind: Sendable, Hashable {
        /// A definite path selected nothing (Jayway: "No results for path: …").
        case noResults
        /// A member was missing in the middle of a definite path (Jayway: "Missing property in path …").
        case missingProperty
        /// A member or index was applied to a value of the wrong type.
        case wrongType
        /// `$name` names a variable that is not defined.
        case undefinedVariable(String)
        /// `$$…` was evaluated without a context object.
        case noContextObject
        /// A path function could not be applied (`.avg()` of an empty array …).
        case functionFailed
        /// `assigning` was given a path that is not a reference path.
        case notAReferencePath
        /// `assigning` could not place the value (the document has the wrong shape there).
        case assignmentFailed
    }

    public let kind: Kind
    /// Jayway's wording where Jayway has one (AWS quotes it after "Invalid path '…' : ").
    public let message: String

    public init(kind: Kind, message: String) {
        self.kind = kind
        self.message = message
    }

    public var description: String { message }
}
