import Testing

/// Failing (and passing) definitions for `PassResultIsStaticRule`.
@Suite struct PassResultIsStaticRuleTests {
    @Test func passResultWithPathKeyWarns() {
        expectDiagnostic(
            Definitions.state("\"Type\": \"Pass\", \"Result\": {1️⃣\"a.$\": \"$.x\"}, \"End\": true"),
            id: "validation.pass-result-is-static", code: "PASS_RESULT_IS_STATIC", severity: .warning)
    }
}
