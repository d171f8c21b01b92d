import Testing

/// Failing (and passing) definitions for `AllowedFieldsRule`.
@Suite struct AllowedFieldsRuleTests {
    @Test func nestedRuleCannotHaveNext() {
        expectDiagnostic(
            Definitions.choice("{\"Not\": {\"Variable\": \"$.a\", \"IsNull\": true, 1️⃣\"Next\": \"Done\"}, \"Next\": \"Done\"}"),
            id: "validation.unknown-field", code: "SCHEMA_VALIDATION_FAILED")
    }

    @Test func jsonataRuleRejectsVariable() {
        expectDiagnostic(
            """
            {"QueryLanguage": "JSONata", "StartAt": "C", "States": {"C": {"Type": "Choice",
              "Choices": [{"Condition": "{% true %}", 1️⃣"Variable": "$.a", "Next": "Done"}]}, "Done": {"Type": "Succeed"}}}
            """, id: "validation.field-not-in-query-language", code: "SCHEMA_VALIDATION_FAILED")
    }

    @Test func unknownStateFieldIsRejected() {
        expectDiagnostic(
            "{\"StartAt\": \"A\", \"States\": {\"A\": {\"Type\": \"Pass\", 1️⃣\"Nxt\": \"B\", \"End\": true}}}",
            id: "validation.unknown-field", code: "SCHEMA_VALIDATION_FAILED", path: "/States/A")
    }

    @Test func succeedCannotHaveNext() {
        expectDiagnostic(
            """
            {"StartAt": "A", "States": {"A": {"Type": "Succeed", 1️⃣"Next": "B"}, "B": {"Type": "Succeed"}}}
            """, id: "validation.unknown-field", code: "SCHEMA_VALIDATION_FAILED")
    }

    @Test func jsonPathFieldInJSONataState() {
        expectDiagnostic(
            """
            {"StartAt": "A", "States": {"A": {"Type": "Pass", "QueryLanguage": "JSONata", 1️⃣"InputPath": "$.a", "End": true}}}
            """, id: "validation.field-not-in-query-language", code: "SCHEMA_VALIDATION_FAILED")
    }

    @Test func jsonataFieldInJSONPathState() {
        expectDiagnostic(
            """
            {"StartAt": "A", "States": {"A": {"Type": "Pass", 1️⃣"Output": {"a": 1}, "End": true}}}
            """, id: "validation.field-not-in-query-language", code: "SCHEMA_VALIDATION_FAILED")
    }

    @Test func jsonataTaskRejectsParameters() {
        expectDiagnostic(
            """
            {"QueryLanguage": "JSONata", "StartAt": "T", "States": {"T": {"Type": "Task",
              "Resource": "arn:aws:states:::lambda:invoke", 1️⃣"Parameters": {"FunctionName": "f"}, "End": true}}}
            """, id: "validation.field-not-in-query-language", code: "SCHEMA_VALIDATION_FAILED")
    }

    @Test func unknownTopLevelFieldSuggestsTheNearestOne() {
        let text = """
            {"StartAt": "A", 1️⃣"TimeoutSecond": 5, "States": {"A": {"Type": "Succeed"}}}
            """
        expectDiagnostic(text, id: "validation.unknown-field", code: "SCHEMA_VALIDATION_FAILED", path: "/")
        let result = validate(.init(text, file: "test.json"))
        #expect(result?.diagnostics.first?.message.contains("did you mean \"TimeoutSeconds\"") == true)
    }
}
