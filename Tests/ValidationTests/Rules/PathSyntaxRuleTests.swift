import Testing

/// Failing (and passing) definitions for `PathSyntaxRule`.
@Suite struct PathSyntaxRuleTests {
    @Test func inputPathSyntaxErrorPointsInsideTheString() {
        // "$.a..": the parser reports the missing name at offset 5, the end of the text.
        expectDiagnostic(
            Definitions.pass("\"InputPath\": \"$.a..1️⃣\""), id: "validation.invalid-path", code: "SCHEMA_VALIDATION_FAILED",
            path: "/States/S/InputPath")
    }

    @Test func resultPathMustBeAReferencePath() {
        expectDiagnostic(
            Definitions.pass("\"ResultPath\": 1️⃣\"$..a\""), id: "validation.result-path-not-reference", code: "SCHEMA_VALIDATION_FAILED")
    }

    @Test func choiceVariableIsParsed() {
        expectDiagnostic(
            """
            {"StartAt": "C", "States": {"C": {"Type": "Choice", "Choices": [{"Variable": "1️⃣a.b", "IsPresent": true, "Next": "D"}], "Default": "D"}, "D": {"Type": "Succeed"}}}
            """, id: "validation.invalid-path", code: "SCHEMA_VALIDATION_FAILED")
    }

    @Test func catchResultPathMustBeAReferencePath() {
        expectDiagnostic(
            Definitions.task(catch: "[{\"ErrorEquals\": [\"States.ALL\"], \"Next\": \"Recover\", \"ResultPath\": 1️⃣\"$.errors[*]\"}]"),
            id: "validation.result-path-not-reference", code: "SCHEMA_VALIDATION_FAILED")
    }
}
