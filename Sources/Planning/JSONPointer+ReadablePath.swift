import JSONValue

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
