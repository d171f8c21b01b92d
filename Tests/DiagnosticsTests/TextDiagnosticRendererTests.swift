import Diagnostics
import Testing

@Suite struct TextDiagnosticRendererTests {
    let file = SourceFile(path: "workflows/etl.yaml", text: "States:\n  Load:\n    Next: Saev\n")

    @Test func rendersLocationLabelSnippetAndCaret() {
        let diagnostic = Diagnostic(
            DiagnosticID("validation", "next-unknown-state"), code: "MISSING_TRANSITION_TARGET",
            message: "\"Next\" names state \"Saev\", which does not exist (did you mean \"Save\"?)",
            at: SourceLocation(file: "workflows/etl.yaml", line: 3, column: 11),
            notes: [.init("used from workflows/main.yaml:4:5")])
        let text = TextDiagnosticRenderer(sources: SourceFileSet([file])).render(diagnostic)
        #expect(text == """
            workflows/etl.yaml:3:11: error[MISSING_TRANSITION_TARGET/next-unknown-state]: "Next" names state "Saev", which does not exist (did you mean "Save"?)
             3 |     Next: Saev
               |           ^
            note: used from workflows/main.yaml:4:5

            """)
    }

    @Test func withoutCodeUsesFullIdAndWithoutLocationShowsPath() {
        let diagnostic = Diagnostic(
            DiagnosticID("yaml", "duplicate-key"), severity: .warning, message: "m", path: "/States/A")
        #expect(TextDiagnosticRenderer().render(diagnostic) == "warning[yaml.duplicate-key]: m (at /States/A)\n")
    }

    @Test func caretKeepsTabsSoItLinesUp() {
        let tabbed = SourceFile(path: "t.yaml", text: "\tkey: value")
        let diagnostic = Diagnostic(DiagnosticID("yaml", "x"), message: "m", at: SourceLocation(file: "t.yaml", line: 1, column: 7))
        let text = TextDiagnosticRenderer(sources: SourceFileSet([tabbed])).render(diagnostic)
        #expect(text.hasSuffix(" 1 | \tkey: value\n   | \t     ^\n"))
    }

    @Test func colouredOutputWrapsSeverity() {
        let diagnostic = Diagnostic(DiagnosticID("a", "b"), message: "m")
        #expect(TextDiagnosticRenderer(colored: true).render(diagnostic).contains("\u{1B}[31merror\u{1B}[0m"))
    }
}
