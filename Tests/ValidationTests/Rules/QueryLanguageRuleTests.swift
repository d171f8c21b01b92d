import Testing

/// Failing (and passing) definitions for `QueryLanguageRule`.
@Suite struct QueryLanguageRuleTests {
    @Test func jsonPathStateUnderJSONataMachine() {
        expectDiagnostic(
            """
            {"QueryLanguage": "JSONata", "StartAt": "A", "States": {"A": {"Type": "Pass", "QueryLanguage": 1️⃣"JSONPath", "End": true}}}
            """, id: "validation.jsonpath-under-jsonata", code: "SCHEMA_VALIDATION_FAILED", path: "/States/A")
    }
}
