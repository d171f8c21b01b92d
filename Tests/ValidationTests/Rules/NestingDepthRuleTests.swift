import Testing

/// Failing (and passing) definitions for `NestingDepthRule`.
@Suite struct NestingDepthRuleTests {
    @Test func tooDeeplyNested() {
        // 51 Parallel states, each inside the previous one's only branch: the innermost
        // branch is 51 levels deep, one past the limit.
        var text = "1️⃣{\"StartAt\": \"S\", \"States\": {\"S\": {\"Type\": \"Succeed\"}}}"
        for level in 0...50 {
            text = """
                {"StartAt": "P\(level)", "States": {"P\(level)": {"Type": "Parallel", "End": true, "Branches": [\(text)]}}}
                """
        }
        expectDiagnostic(text, id: "validation.too-deeply-nested", code: "TOO_DEEPLY_NESTED")
    }
}
