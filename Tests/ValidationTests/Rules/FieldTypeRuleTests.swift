import Testing

/// Failing (and passing) definitions for `FieldTypeRule`.
@Suite struct FieldTypeRuleTests {
    @Test func operandTypeMustMatch() {
        expectDiagnostic(
            Definitions.choice("{\"Variable\": \"$.a\", \"NumericEquals\": 1️⃣\"5\", \"Next\": \"Done\"}"),
            id: "validation.field-type", code: "SCHEMA_VALIDATION_FAILED")
    }

    @Test func booleanOperandMustBeBoolean() {
        expectDiagnostic(
            Definitions.choice("{\"Variable\": \"$.a\", \"IsNull\": 1️⃣\"true\", \"Next\": \"Done\"}"),
            id: "validation.field-type", code: "SCHEMA_VALIDATION_FAILED")
    }

    @Test func notMustBeAnObject() {
        expectDiagnostic(
            Definitions.choice("{\"Not\": 1️⃣[], \"Next\": \"Done\"}"),
            id: "validation.field-type", code: "SCHEMA_VALIDATION_FAILED")
    }

    @Test func timeoutMustBeAnInteger() {
        expectDiagnostic(
            Definitions.task("\"Resource\": \"arn:aws:states:::lambda:invoke\", \"TimeoutSeconds\": 1️⃣2.5"),
            id: "validation.field-type", code: "SCHEMA_VALIDATION_FAILED")
    }

    @Test func credentialsMustBeAnObject() {
        expectDiagnostic(
            Definitions.task("\"Resource\": \"arn:aws:states:::lambda:invoke\", \"Credentials\": 1️⃣\"role\""),
            id: "validation.field-type", code: "SCHEMA_VALIDATION_FAILED")
    }

    @Test func statesMustBeAnObject() {
        expectDiagnostic(
            "{\"StartAt\": \"A\", \"States\": 1️⃣[]}", id: "validation.field-type", code: "SCHEMA_VALIDATION_FAILED")
    }

    @Test func timeoutSecondsMustBeAnInteger() {
        expectDiagnostic(
            """
            {"StartAt": "A", "TimeoutSeconds": 1️⃣"60", "States": {"A": {"Type": "Succeed"}}}
            """, id: "validation.field-type", code: "SCHEMA_VALIDATION_FAILED")
    }
}
