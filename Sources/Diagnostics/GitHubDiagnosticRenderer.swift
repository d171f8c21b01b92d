/// Renders diagnostics as GitHub Actions workflow commands, so CI shows them as
/// annotations on the pull request's changed lines:
/// `::error file=workflows/etl.yaml,line=41,col=11,title=…::message`.
public struct GitHubDiagnosticRenderer: Sendable {
    public init() {}

    public func render(_ diagnostics: [Diagnostic]) -> String {
        diagnostics.map(render).joined()
    }

    public func render(_ diagnostic: Diagnostic) -> String {
        let command = switch diagnostic.severity {
        case .error: "error"
        case .warning: "warning"
        case .note: "notice"
        }
        var properties: [String] = []
        if let location = diagnostic.location {
            properties.append("file=\(escapeProperty(location.file))")
            properties.append("line=\(location.line)")
            properties.append("col=\(location.column)")
        }
        properties.append("title=\(escapeProperty(diagnostic.label))")
        var message = diagnostic.message
        if diagnostic.location == nil, let path = diagnostic.path { message += " (at \(path))" }
        for note in diagnostic.notes {
            message += "\n" + (note.location.map { "\($0): " } ?? "") + note.message
        }
        return "::\(command) \(properties.joined(separator: ","))::\(escapeData(message))\n"
    }

    // GitHub's escaping rules for workflow command data and property values.
    private func escapeData(_ text: String) -> String {
        text.replacing("%", with: "%25").replacing("\r", with: "%0D").replacing("\n", with: "%0A")
    }

    private func escapeProperty(_ text: String) -> String {
        escapeData(text).replacing(":", with: "%3A").replacing(",", with: "%2C")
    }
}
