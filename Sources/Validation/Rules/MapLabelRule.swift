import Diagnostics
import JSONValue

/// A Map's `Label` (the prefix of its Map Run names) is unique in the whole machine
/// (DUPLICATE_LABEL_NAME), at most 40 characters long, and free of whitespace,
/// brackets, wildcards, the special characters AWS reserves and control characters
/// (INVALID_LABEL_NAME).
struct MapLabelRule: ValidationRule {
    static let invalid = DiagnosticID("validation", "invalid-label-name")
    static let duplicate = DiagnosticID("validation", "duplicate-label-name")
    static let maximumLength = 40
    static let forbidden: Set<Unicode.Scalar> = Set("<>{}[]?*\"#%\\^|~`$&,;:/".unicodeScalars)

    func check(_ context: inout ValidationContext) {
        var first: [String: JSONPointer] = [:]
        for state in context.index.states where state.type == "Map" {
            guard case .string(let label)? = state.value["Label"] else { continue }
            let pointer = state.pointer.appending("Label")
            if let problem = Self.problem(with: label) {
                context.report(Self.invalid, code: "INVALID_LABEL_NAME", "label \"\(label)\" \(problem)", at: pointer)
            }
            if let earlier = first[label] {
                context.report(
                    Self.duplicate, code: "DUPLICATE_LABEL_NAME",
                    "label \"\(label)\" is already used by another Map state; labels must be unique in the state machine",
                    at: pointer,
                    notes: [Diagnostic.Note("\"\(label)\" is first used here", at: context.document.location(of: earlier))])
            } else {
                first[label] = pointer
            }
        }
    }

    static func problem(with label: String) -> String? {
        let scalars = label.unicodeScalars
        if scalars.isEmpty { return "must not be empty" }
        if scalars.count > maximumLength { return "is \(scalars.count) characters long; the limit is \(maximumLength)" }
        if let bad = scalars.first(where: { forbidden.contains($0) || $0.properties.isWhitespace || isControl($0) }) {
            return "contains \(bad.properties.isWhitespace || isControl(bad) ? "whitespace or a control character" : "'\(bad)'"), which labels cannot contain"
        }
        return nil
    }

    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        (0x00...0x1F).contains(scalar.value) || (0x7F...0x9F).contains(scalar.value)
    }
}
