/// Renders diagnostics as a JSON array for machines (`--format json`).
///
/// Written by hand rather than through `JSONValue` because this module is the
/// base layer that `JSONValue` itself reports through. Field order is fixed.
public struct JSONDiagnosticRenderer: Sendable {
    public init() {}

    public func render(_ diagnostics: [Diagnostic]) -> String {
        if diagnostics.isEmpty { return "[]" }
        return "[\n" + diagnostics.map { "  " + object($0) }.joined(separator: ",\n") + "\n]"
    }

    public func object(_ d: Diagnostic) -> String {
        var fields: [(String, String)] = [
            ("id", quote(d.id.description)),
            ("code", d.code.map(quote) ?? "null"),
            ("severity", quote(d.severity.rawValue)),
            ("message", quote(d.message)),
        ]
        fields.append(("location", d.location.map(location) ?? "null"))
        fields.append(("path", d.path.map(quote) ?? "null"))
        let notes = d.notes.map { note in
            "{\"message\": \(quote(note.message)), \"location\": \(note.location.map(location) ?? "null")}"
        }
        fields.append(("notes", "[" + notes.joined(separator: ", ") + "]"))
        return "{" + fields.map { "\(quote($0.0)): \($0.1)" }.joined(separator: ", ") + "}"
    }

    private func location(_ l: SourceLocation) -> String {
        "{\"file\": \(quote(l.file)), \"line\": \(l.line), \"column\": \(l.column)}"
    }

    func quote(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
