import Testing

/// JSONPath syntax in path fields and payload templates, intrinsic functions, NO_DOLLAR.
@Suite struct PathRulesTests {
    static func pass(_ fields: String) -> String {
        "{\"StartAt\": \"S\", \"States\": {\"S\": {\"Type\": \"Pass\", \(fields), \"End\": true}}}"
    }

    @Test func inputPathSyntaxErrorPointsInsideTheString() {
        // "$.a..": the parser reports the missing name at offset 5, the end of the text.
        expectDiagnostic(
            Self.pass("\"InputPath\": \"$.a..1️⃣\""), id: "validation.invalid-path", code: "SCHEMA_VALIDATION_FAILED",
            path: "/States/S/InputPath")
    }

    @Test func resultPathMustBeAReferencePath() {
        expectDiagnostic(
            Self.pass("\"ResultPath\": 1️⃣\"$..a\""), id: "validation.result-path-not-reference", code: "SCHEMA_VALIDATION_FAILED")
    }

    @Test func choiceVariableIsParsed() {
        expectDiagnostic(
            """
            {"StartAt": "C", "States": {"C": {"Type": "Choice", "Choices": [{"Variable": "1️⃣a.b", "IsPresent": true, "Next": "D"}], "Default": "D"}, "D": {"Type": "Succeed"}}}
            """, id: "validation.invalid-path", code: "SCHEMA_VALIDATION_FAILED")
    }

    @Test func payloadPathIsParsed() {
        expectDiagnostic(
            Self.pass("\"Parameters\": {\"nested\": {\"x.$\": \"$.a1️⃣[\"}}"),
            id: "validation.invalid-payload-expression", code: "SCHEMA_VALIDATION_FAILED",
            path: "/States/S/Parameters/nested/x.$")
    }

    @Test func payloadExpressionMustBeAString() {
        expectDiagnostic(
            Self.pass("\"Parameters\": {\"x.$\": 1️⃣5}"),
            id: "validation.payload-expression-not-string", code: "SCHEMA_VALIDATION_FAILED")
    }

    @Test func unknownIntrinsicFunction() {
        expectDiagnostic(
            Self.pass("\"Parameters\": {\"x.$\": \"1️⃣States.Frmat('a')\"}"),
            id: "validation.invalid-intrinsic", code: "SCHEMA_VALIDATION_FAILED")
    }

    @Test func intrinsicsAreAccepted() {
        expectValid(Self.pass("""
            "Parameters": {"id.$": "States.UUID()", "msg.$": "States.Format('Hello {}', $.name)", "ctx.$": "$$.Execution.Id", "list": [{"a.$": "$.a"}]}
            """), noWarnings: true)
    }

    @Test func plainKeyWithPathValueWarnsNoDollar() {
        expectDiagnostic(
            Self.pass("\"Parameters\": {1️⃣\"x\": \"$.a\"}"),
            id: "validation.no-dollar", code: "NO_DOLLAR", severity: .warning)
    }

    @Test func itemSelectorIsCheckedToo() {
        expectDiagnostic(
            """
            {"StartAt": "M", "States": {"M": {"Type": "Map", "End": true, "ItemSelector": {"v.$": "$$.Map.Item.Value.1️⃣"},
              "ItemProcessor": {"StartAt": "I", "States": {"I": {"Type": "Pass", "End": true}}}}}}
            """, id: "validation.invalid-payload-expression", code: "SCHEMA_VALIDATION_FAILED")
    }

    @Test func jsonataStatesSkipPathChecks() {
        expectValid("""
            {"QueryLanguage": "JSONata", "StartAt": "S", "States": {"S": {"Type": "Pass", "Output": {"x": "$.a"}, "End": true}}}
            """, noWarnings: true)
    }
}
