import ArgumentParser
import Diagnostics

/// `--format text|json|github` for commands whose output is diagnostics.
enum DiagnosticFormat: String, ExpressibleByArgument, CaseIterable, Sendable {
    /// Compiler-style, with the source line and a caret.
    case text
    /// The same fields as data, for machines.
    case json
    /// GitHub Actions workflow commands, shown as annotations on pull requests.
    case github
}

/// Prints diagnostics in the chosen format, quoting source lines from `sources`.
struct DiagnosticPrinter {
    let console: Console
    let sources: any SourceProvider
    let color: Bool

    func text(_ diagnostics: [Diagnostic]) -> String {
        TextDiagnosticRenderer(sources: sources, colored: color).render(diagnostics)
    }

    /// Diagnostics for a command whose stdout carries other data (render): always to stderr, as text.
    func toStandardError(_ diagnostics: [Diagnostic]) {
        guard !diagnostics.isEmpty else { return }
        console.err(text(diagnostics))
    }
}
