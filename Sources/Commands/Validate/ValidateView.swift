import Diagnostics
import JSONValue

/// The views of `sfn validate`: diagnostics then a summary line (text), annotations
/// (github), or one JSON document (json).
struct ValidateView {
    let console: Console
    let format: DiagnosticFormat
    let color: Bool

    /// What one run found: repository workflows and standalone files together.
    struct Report {
        var diagnostics: [Diagnostic] = []
        var summaries: [String] = []
        var sources = SourceFileSet()

        mutating func add(_ diagnostics: [Diagnostic], summary: String, sources: SourceFileSet) {
            self.diagnostics += diagnostics
            summaries.append(summary)
            for file in sources.files.values { self.sources.add(file) }
        }
    }

    func show(_ report: Report) {
        show(report.diagnostics.sorted(), summary: report.summaries.joined(separator: "; "), sources: report.sources)
    }

    func show(_ diagnostics: [Diagnostic], summary: String, sources: any SourceProvider) {
        switch format {
        case .text:
            let printer = DiagnosticPrinter(console: console, sources: sources, color: color)
            console.out(printer.text(diagnostics) + (diagnostics.isEmpty ? "" : "\n") + summary + "\n")
        case .github:
            console.out(GitHubDiagnosticRenderer().render(diagnostics))
            console.out(summary + "\n")
        case .json:
            let renderer = JSONDiagnosticRenderer()
            let items = diagnostics.map { renderer.object($0) }
            var text = "{\n  \"summary\": \(JSON.string(summary).serialized()),\n"
            text += "  \"errors\": \(diagnostics.errorCount),\n  \"warnings\": \(diagnostics.warningCount),\n"
            text += "  \"diagnostics\": [" + (items.isEmpty ? "]" : "\n    " + items.joined(separator: ",\n    ") + "\n  ]")
            console.out(text + "\n}\n")
        }
    }
}
