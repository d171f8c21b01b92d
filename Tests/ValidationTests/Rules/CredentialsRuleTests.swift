import Testing

/// Failing (and passing) definitions for `CredentialsRule`.
@Suite struct CredentialsRuleTests {
    @Test func credentialsNeedARole() {
        expectDiagnostic(
            Definitions.task("\"Resource\": \"arn:aws:states:::lambda:invoke\", 1️⃣\"Credentials\": {}"),
            id: "validation.invalid-credentials", code: "SCHEMA_VALIDATION_FAILED", path: "/States/T/Credentials")
    }

    @Test func credentialsTakeOnlyRoleArn() {
        expectDiagnostic(
            Definitions.task("\"Resource\": \"arn:aws:states:::lambda:invoke\", \"Credentials\": {\"RoleArn\": \"r\", 1️⃣\"Role\": \"x\"}"),
            id: "validation.invalid-credentials", code: "SCHEMA_VALIDATION_FAILED")
    }

    @Test func roleArnFromThePayload() {
        expectValid(Definitions.task("\"Resource\": \"arn:aws:states:::lambda:invoke\", \"Credentials\": {\"RoleArn.$\": \"$.role\"}"), noWarnings: true)
    }

    @Test func roleArnPathIsParsed() {
        expectDiagnostic(
            Definitions.task("\"Resource\": \"arn:aws:states:::lambda:invoke\", \"Credentials\": {\"RoleArn.$\": \"$.1️⃣\"}"),
            id: "validation.invalid-payload-expression", code: "SCHEMA_VALIDATION_FAILED")
    }
}
