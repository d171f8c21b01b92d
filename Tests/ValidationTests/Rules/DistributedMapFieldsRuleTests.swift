import Testing

/// Failing (and passing) definitions for `DistributedMapFieldsRule`.
@Suite struct DistributedMapFieldsRuleTests {
    @Test func itemReaderOnlyInDistributedMode() {
        expectDiagnostic(
            Definitions.map("\"ItemProcessor\": \(Definitions.processor), 1️⃣\"ItemReader\": {\"Resource\": \"arn:aws:states:::s3:getObject\"}"),
            id: "validation.distributed-only-field", code: "SCHEMA_VALIDATION_FAILED")
    }

    @Test func resultWriterOnlyInDistributedMode() {
        expectDiagnostic(
            Definitions.map("\"ItemProcessor\": \(Definitions.processor), 1️⃣\"ResultWriter\": {\"Resource\": \"arn:aws:states:::s3:putObject\"}"),
            id: "validation.distributed-only-field", code: "SCHEMA_VALIDATION_FAILED")
    }

    @Test func distributedNeedsExecutionType() {
        expectDiagnostic(
            Definitions.map("\"ItemProcessor\": {1️⃣\"ProcessorConfig\": {\"Mode\": \"DISTRIBUTED\"}, \"StartAt\": \"I\", \"States\": {\"I\": {\"Type\": \"Succeed\"}}}"),
            id: "validation.distributed-missing-execution-type", code: "SCHEMA_VALIDATION_FAILED")
    }
}
