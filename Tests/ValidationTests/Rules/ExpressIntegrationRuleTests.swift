import Testing

/// Failing (and passing) definitions for `ExpressIntegrationRule`.
@Suite struct ExpressIntegrationRuleTests {
    @Test func expressChildExecutionsRejectSync() {
        expectDiagnostic(
            Definitions.map("""
                "ItemProcessor": {"ProcessorConfig": {"Mode": "DISTRIBUTED", "ExecutionType": "EXPRESS"}, "StartAt": "I",
                  "States": {"I": {"Type": "Task", "Resource": 1️⃣"arn:aws:states:::glue:startJobRun.sync", "End": true}}}
                """),
            id: "validation.express-unsupported-integration", code: "SCHEMA_VALIDATION_FAILED")
    }

    @Test func expressRejectsSync() {
        expectDiagnostic(
            Definitions.task("\"Resource\": 1️⃣\"arn:aws:states:::states:startExecution.sync:2\""),
            id: "validation.express-unsupported-integration", code: "SCHEMA_VALIDATION_FAILED", type: .express)
    }

    @Test func expressRejectsWaitForTaskToken() {
        expectDiagnostic(
            Definitions.task("\"Resource\": 1️⃣\"arn:aws:states:::sqs:sendMessage.waitForTaskToken\""),
            id: "validation.express-unsupported-integration", code: "SCHEMA_VALIDATION_FAILED", type: .express)
    }
}
