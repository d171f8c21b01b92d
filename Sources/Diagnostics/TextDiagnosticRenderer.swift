/// Renders diagnostics like a compiler:
///
///     workflows/etl.yaml:41:11: error[MISSING_TRANSITION_TARGET/next-unknown-state]: "Next" names …
///        41 |       Next: Saev
///           |             ^
///     workflows/etl.yaml:12:3: note: state "Save" is declared here
///
/// Colour only when asked (the command decides from whether stdout is a terminal).
public struct TextDiagnosticRenderer: Sendable {
    public var sources: (any SourceProvider)?
    public var colored: Bool
    public var showSnippets: Bool

    public init(sources: (any SourceProvider)? = nil, colored: Bool = false, showSnippets: Bool = true) {
        self.sources = sources
        self.colored = colored
        self.showSnippets = showSnippets
    }

    public func render(_ diagnostics: [Diagnostic]) -> String {
        diagnostics.map(render).joined()
    }

    public func render(_ diagnostic: Diagnostic) -> String {
        var out = ""
        let prefix = diagnostic.location.map { "\($0): " } ?? ""
        let severity = paint(diagnostic.severity.rawValue, diagnostic.severity == .error ? "31" : diagnostic.severity == .warning ? "33" : "36")
        let where_ = diagnostic.location == nil ? diagnostic.path.map { " (at \($0))" } ?? "" : ""
        out += "\(bold(prefix))\(severity)[\(diagnostic.label)]: \(diagnostic.message)\(where_)\n"
        if showSnippets, let location = diagnostic.location { out += snippet(at: location) }
        for note in diagnostic.notes {
            let notePrefix = note.location.map { "\($0): " } ?? ""
            out += "\(bold(notePrefix))\(paint("note", "36")): \(note.message)\n"
        }
        return out
    }

    private func snippet(at location: SourceLocation) -> String {
        guard let file = sources?.sourceFile(named: location.file), let line = file.line(location.line) else { return "" }
        let number = String(location.line)
        let gutter = String(repeating: " ", count: number.count)
        // Tabs keep their width in the caret line so the caret stays under the column.
        var caretPad = ""
        for (i, scalar) in line.unicodeScalars.enumerated() where i < location.column - 1 {
            caretPad.append(scalar == "\t" ? "\t" : " ")
        }
        return " \(number) | \(line)\n \(gutter) | \(caretPad)\(paint("^", "32"))\n"
    }

    private func paint(_ text: String, _ code: String) -> String {
        colored ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }

    private func bold(_ text: String) -> String {
        colored && !text.isEmpty ? "\u{1B}[1m\(text)\u{1B}[0m" : text
    }
}
