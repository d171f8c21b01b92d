import Diagnostics
import Testing

@Suite struct SourceFileTests {
    @Test func linesWithoutTerminators() {
        let file = SourceFile(path: "f", text: "a\r\nbé\n\nlast")
        #expect(file.lineCount == 4)
        #expect(file.line(1) == "a")
        #expect(file.line(2) == "bé")
        #expect(file.line(3) == "")
        #expect(file.line(4) == "last")
        #expect(file.line(5) == nil)
        #expect(file.line(0) == nil)
    }

    @Test func offsetToLocationCountsScalars() {
        let file = SourceFile(path: "f", text: "ab\néx\n")
        #expect(file.location(ofUTF8Offset: 0) == SourceLocation(file: "f", line: 1, column: 1))
        #expect(file.location(ofUTF8Offset: 3) == SourceLocation(file: "f", line: 2, column: 1))
        // "é" is two UTF-8 bytes but one column.
        #expect(file.location(ofUTF8Offset: 5) == SourceLocation(file: "f", line: 2, column: 2))
    }

    @Test func diagnosticsSortByPositionThenSeverity() {
        let a = Diagnostic(DiagnosticID("d", "a"), severity: .warning, message: "", at: SourceLocation(file: "a", line: 2, column: 1))
        let b = Diagnostic(DiagnosticID("d", "b"), message: "", at: SourceLocation(file: "a", line: 2, column: 1))
        let c = Diagnostic(DiagnosticID("d", "c"), message: "", at: SourceLocation(file: "a", line: 1, column: 9))
        let d = Diagnostic(DiagnosticID("d", "d"), message: "")
        #expect([d, a, b, c].sorted().map(\.id.name) == ["c", "b", "a", "d"])
        #expect([a, b, c].errorCount == 2)
    }
}

@Suite struct SuggestionTests {
    @Test func suggestsCloseNamesOnly() {
        #expect(Suggestion.nearest(to: "Saev", in: ["Save", "Load", "Transform"]) == "Save")
        #expect(Suggestion.nearest(to: "Proces", in: ["Process", "ProcessData"]) == "Process")
        #expect(Suggestion.nearest(to: "xyz", in: ["Save", "Load"]) == nil)
        #expect(Suggestion.nearest(to: "region", in: ["regoin"]) == "regoin")
        #expect(Suggestion.didYouMean("lamda", in: ["lambda", "buckets"]) == " (did you mean \"lambda\"?)")
        #expect(Suggestion.didYouMean("zzz", in: ["lambda"]) == "")
    }
}
