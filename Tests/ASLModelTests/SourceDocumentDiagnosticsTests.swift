import ASLModel
import Diagnostics
import JSONValue
import Testing

@Suite struct SourceDocumentDiagnosticsTests {
    @Test func templateUsesBecomeNotes() {
        var map = SourceMap()
        let template = SourceLocation(file: "templates/retry.yaml", line: 3, column: 5)
        let use = SourceLocation(file: "workflows/etl.yaml", line: 18, column: 14)
        map[JSONPointer([.key("States"), .key("A")])] = SourceMap.Entry(
            location: template, keyLocation: SourceLocation(file: "templates/retry.yaml", line: 3, column: 1), includedFrom: [use])
        let document = SourceDocument(value: [:], sourceMap: map, file: "workflows/etl.yaml")
        let diagnostic = document.diagnostic(
            DiagnosticID("validation", "x"), code: nil, message: "m",
            at: JSONPointer([.key("States"), .key("A"), .key("Next")]))
        #expect(diagnostic.location == template)
        #expect(diagnostic.path == "/States/A/Next")
        #expect(diagnostic.notes == [Diagnostic.Note("the template is used here", at: use)])
    }

    @Test func awsPathKeepsSlashesInNames() {
        let document = SourceDocument(value: [:], file: "x.json")
        let diagnostic = document.diagnostic(
            DiagnosticID("validation", "x"), code: nil, message: "m", at: JSONPointer([.key("States"), .key("a/b")]))
        #expect(diagnostic.path == "/States/a/b")
        #expect(diagnostic.location == nil)
    }
}

@Suite struct ValidationLocationTests {
    @Test func arrayElementsUseBrackets() {
        let pointer = JSONPointer([.key("States"), .key("C"), .key("Choices"), .index(0), .key("Next")])
        #expect(pointer.validationLocation == "/States/C/Choices[0]/Next")
        #expect(JSONPointer([.key("States"), .key("P"), .key("Branches"), .index(1), .key("States"), .key("a/b")]).validationLocation
            == "/States/P/Branches[1]/States/a/b")
        #expect(JSONPointer.root.validationLocation == "/")
    }
}
