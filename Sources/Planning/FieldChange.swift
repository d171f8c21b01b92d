import JSONValue

/// One difference between two JSON documents at one place: a value added, removed,
/// or replaced. The unit of `sfn diff`'s field-level output.
public struct FieldChange: Sendable, Equatable {
    public enum Kind: String, Sendable, Hashable {
        case added
        case removed
        case changed

        /// Terraform's vocabulary: `+`, `-`, `~`.
        public var symbol: String {
            switch self {
            case .added: "+"
            case .removed: "-"
            case .changed: "~"
            }
        }
    }

    public var kind: Kind
    /// Where, inside the definition (or the metadata, for metadata changes).
    public var pointer: JSONPointer
    /// Nil when added.
    public var old: JSON?
    /// Nil when removed.
    public var new: JSON?

    public init(kind: Kind, pointer: JSONPointer, old: JSON?, new: JSON?) {
        self.kind = kind
        self.pointer = pointer
        self.old = old
        self.new = new
    }

    /// `States.Transform.Retry[0].MaxAttempts`.
    public var path: String { pointer.readablePath }
}
