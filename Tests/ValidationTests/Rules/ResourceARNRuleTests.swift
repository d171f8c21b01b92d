import Testing

/// Failing (and passing) definitions for `ResourceARNRule`.
@Suite struct ResourceARNRuleTests {
    @Test func resourceMustBeAnARN() {
        expectDiagnostic(
            Definitions.task("\"Resource\": 1️⃣\"my-function\""), id: "validation.invalid-resource", code: "INVALID_RESOURCE",
            path: "/States/T/Resource")
    }

    @Test func arnWithoutServiceIsInvalid() {
        expectDiagnostic(
            Definitions.task("\"Resource\": 1️⃣\"arn:aws::us-east-1:123456789012:function\""),
            id: "validation.invalid-resource", code: "INVALID_RESOURCE")
    }

    @Test func arnWithTooFewFieldsIsInvalid() {
        expectDiagnostic(
            Definitions.task("\"Resource\": 1️⃣\"arn:aws:lambda:us-east-1\""),
            id: "validation.invalid-resource", code: "INVALID_RESOURCE")
    }

    @Test func qualifiedFunctionARNIsValid() {
        expectValid(Definitions.task("\"Resource\": \"arn:aws:lambda:us-east-1:123456789012:function:f:live\""), noWarnings: true)
        expectValid(Definitions.task("\"Resource\": \"arn:aws:states:us-east-1:123456789012:activity:approve\""), noWarnings: true)
    }
}
