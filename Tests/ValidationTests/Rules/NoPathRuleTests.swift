import Testing

/// Failing (and passing) definitions for `NoPathRule`.
@Suite struct NoPathRuleTests {
    @Test func literalThatLooksLikeAPathWarnsNoPath() {
        expectDiagnostic(
            Definitions.choice("{\"Variable\": \"$.a\", 1️⃣\"StringEquals\": \"$.b\", \"Next\": \"Done\"}"),
            id: "validation.no-path", code: "NO_PATH", severity: .warning)
    }
}
