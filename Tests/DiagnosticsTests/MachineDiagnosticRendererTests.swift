import Diagnostics
import Testing

@Suite struct MachineDiagnosticRendererTests {
    let diagnostic = Diagnostic(
        DiagnosticID("validation", "retry-all-not-last"), code: "SCHEMA_VALIDATION_FAILED",
        message: "\"States.ALL\" must be the last retrier, 50% of \"a,b\"",
        at: SourceLocation(file: "templates/retry.yaml", line: 3, column: 5),
        path: "/States/Load/Retry/0",
        notes: [.init("used from here", at: SourceLocation(file: "workflows/etl.yaml", line: 18, column: 14))])

    @Test func gitHubAnnotationEscapesDataAndProperties() {
        #expect(GitHubDiagnosticRenderer().render(diagnostic) == """
            ::error file=templates/retry.yaml,line=3,col=5,title=SCHEMA_VALIDATION_FAILED/retry-all-not-last::"States.ALL" must be the last retrier, 50%25 of "a,b"%0Aworkflows/etl.yaml:18:14: used from here

            """)
    }

    @Test func jsonHasEveryFieldInFixedOrder() {
        #expect(JSONDiagnosticRenderer().render([diagnostic]) == """
            [
              {"id": "validation.retry-all-not-last", "code": "SCHEMA_VALIDATION_FAILED", "severity": "error", "message": "\\"States.ALL\\" must be the last retrier, 50% of \\"a,b\\"", "location": {"file": "templates/retry.yaml", "line": 3, "column": 5}, "path": "/States/Load/Retry/0", "notes": [{"message": "used from here", "location": {"file": "workflows/etl.yaml", "line": 18, "column": 14}}]}
            ]
            """)
        #expect(JSONDiagnosticRenderer().render([]) == "[]")
    }
}
