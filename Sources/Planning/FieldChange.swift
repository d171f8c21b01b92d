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

extension JSONPointer {
    /// The pointer as a reader would write it: keys joined by `.`, array positions in
    /// brackets, and keys that are not plain words quoted in brackets
    /// (`States["Load data"].Next`). The root is `(root)`.
    public var readablePath: String {
        if tokens.isEmpty { return "(root)" }
        var text = ""
        for token in tokens {
            switch token {
            case .index(let index):
                text += "[\(index)]"
            case .key(let key):
                if JSONPointer.isPlainWord(key) {
                    text += text.isEmpty ? key : "." + key
                } else {
                    text += "[" + JSON.string(key).serialized() + "]"
                }
            }
        }
        return text
    }

    /// Letters, digits, `_`, `-` and `$`, not starting with a digit or `-`.
    private static func isPlainWord(_ key: String) -> Bool {
        guard let first = key.unicodeScalars.first, !(first >= "0" && first <= "9"), first != "-" else { return false }
        return key.unicodeScalars.allSatisfy { scalar in
            (scalar >= "a" && scalar <= "z") || (scalar >= "A" && scalar <= "Z") || (scalar >= "0" && scalar <= "9")
                || scalar == "_" || scalar == "-" || scalar == "$"
        }
    }
}
