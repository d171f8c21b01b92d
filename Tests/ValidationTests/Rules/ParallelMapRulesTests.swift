import Testing

/// Parallel and Map state rules, inline and distributed.
@Suite struct ParallelMapRulesTests {
    static let processor = "{\"StartAt\": \"I\", \"States\": {\"I\": {\"Type\": \"Pass\", \"End\": true}}}"

    static func map(_ fields: String) -> String {
        "{\"StartAt\": \"M\", \"States\": {\"M\": {\"Type\": \"Map\", \(fields), \"End\": true}}}"
    }

    static func distributed(_ fields: String, executionType: String = ", \"ExecutionType\": \"STANDARD\"") -> String {
        map("""
            "ItemProcessor": {"ProcessorConfig": {"Mode": "DISTRIBUTED"\(executionType)}, "StartAt": "I", "States": {"I": {"Type": "Pass", "End": true}}}, \(fields)
            """)
    }

    @Test func branchesMustNotBeEmpty() {
        expectDiagnostic(
            "{\"StartAt\": \"P\", \"States\": {\"P\": {\"Type\": \"Parallel\", \"Branches\": 1️⃣[], \"End\": true}}}",
            id: "validation.empty-collection", code: "SCHEMA_VALIDATION_FAILED")
    }

    @Test func branchNeedsStartAt() {
        expectDiagnostic(
            """
            {"StartAt": "P", "States": {"P": {"Type": "Parallel", "End": true, "Branches": [1️⃣{"States": {"X": {"Type": "Succeed"}}}]}}}
            """, id: "validation.missing-field", code: "SCHEMA_VALIDATION_FAILED")
    }

    @Test func branchStatesAreValidatedInTheirOwnScope() {
        expectDiagnostic(
            """
            {"StartAt": "P", "States": {"P": {"Type": "Parallel", "End": true, "Branches": [
              {"StartAt": "X", "States": {"X": {"Type": "Succeed"}, 1️⃣"Y": {"Type": "Succeed"}}}]}}}
            """, id: "validation.unreachable-state", code: "MISSING_TRANSITION_TARGET", path: "/States/P/Branches/0/States/Y")
    }

    @Test func mapNeedsAnItemProcessor() {
        expectDiagnostic(
            "{\"StartAt\": \"M\", \"States\": {1️⃣\"M\": {\"Type\": \"Map\", \"End\": true}}}",
            id: "validation.missing-field", code: "SCHEMA_VALIDATION_FAILED")
    }

    @Test func itemProcessorAndIteratorAreExclusive() {
        expectDiagnostic(
            Self.map("\"ItemProcessor\": \(Self.processor), 1️⃣\"Iterator\": \(Self.processor)"),
            id: "validation.exclusive-fields", code: "SCHEMA_VALIDATION_FAILED")
    }

    @Test func itemSelectorAndParametersAreExclusive() {
        expectDiagnostic(
            Self.map("\"ItemProcessor\": \(Self.processor), \"ItemSelector\": {}, 1️⃣\"Parameters\": {}"),
            id: "validation.exclusive-fields", code: "SCHEMA_VALIDATION_FAILED")
    }

    @Test func maxConcurrencyAndPathAreExclusive() {
        expectDiagnostic(
            Self.map("\"ItemProcessor\": \(Self.processor), \"MaxConcurrency\": 2, 1️⃣\"MaxConcurrencyPath\": \"$.m\""),
            id: "validation.exclusive-fields", code: "SCHEMA_VALIDATION_FAILED")
    }

    @Test func processorModeMustBeKnown() {
        expectDiagnostic(
            Self.map("\"ItemProcessor\": {\"ProcessorConfig\": {\"Mode\": 1️⃣\"INLINED\"}, \"StartAt\": \"I\", \"States\": {\"I\": {\"Type\": \"Succeed\"}}}"),
            id: "validation.invalid-value", code: "SCHEMA_VALIDATION_FAILED")
    }

    @Test func itemReaderOnlyInDistributedMode() {
        expectDiagnostic(
            Self.map("\"ItemProcessor\": \(Self.processor), 1️⃣\"ItemReader\": {\"Resource\": \"arn:aws:states:::s3:getObject\"}"),
            id: "validation.distributed-only-field", code: "SCHEMA_VALIDATION_FAILED")
    }

    @Test func resultWriterOnlyInDistributedMode() {
        expectDiagnostic(
            Self.map("\"ItemProcessor\": \(Self.processor), 1️⃣\"ResultWriter\": {\"Resource\": \"arn:aws:states:::s3:putObject\"}"),
            id: "validation.distributed-only-field", code: "SCHEMA_VALIDATION_FAILED")
    }

    @Test func toleratedFailureCountOnInlineMapIsAccepted() {
        // AWS accepts this (recorded in the conformance corpus), though its documentation
        // lists the field as distributed-only.
        expectValid(Self.map("\"ItemProcessor\": \(Self.processor), \"ToleratedFailureCount\": 1"))
    }

    @Test func distributedNeedsExecutionType() {
        expectDiagnostic(
            Self.map("\"ItemProcessor\": {1️⃣\"ProcessorConfig\": {\"Mode\": \"DISTRIBUTED\"}, \"StartAt\": \"I\", \"States\": {\"I\": {\"Type\": \"Succeed\"}}}"),
            id: "validation.distributed-missing-execution-type", code: "SCHEMA_VALIDATION_FAILED")
    }

    @Test func toleratedFailurePercentageAtMost100() {
        expectDiagnostic(
            Self.distributed("\"ToleratedFailurePercentage\": 1️⃣101"),
            id: "validation.value-out-of-range", code: "SCHEMA_VALIDATION_FAILED")
    }

    @Test func toleratedFailureCountAndPathAreExclusive() {
        expectDiagnostic(
            Self.distributed("\"ToleratedFailureCount\": 1, 1️⃣\"ToleratedFailureCountPath\": \"$.n\""),
            id: "validation.exclusive-fields", code: "SCHEMA_VALIDATION_FAILED")
    }

    @Test func itemBatcherFieldsAreChecked() {
        expectDiagnostic(
            Self.distributed("\"ItemBatcher\": {\"MaxItemsPerBatch\": 1️⃣0}"),
            id: "validation.value-out-of-range", code: "SCHEMA_VALIDATION_FAILED")
    }

    @Test func readerConfigFieldsAreChecked() {
        expectDiagnostic(
            Self.distributed("""
                "ItemReader": {"Resource": "arn:aws:states:::s3:getObject", "ReaderConfig": {"InputType": 1️⃣"XML"}, "Parameters": {"Bucket": "b", "Key": "k"}}
                """),
            id: "validation.invalid-value", code: "SCHEMA_VALIDATION_FAILED")
    }

    @Test func fullDistributedMapIsValid() {
        expectValid(Self.distributed("""
            "ItemReader": {"Resource": "arn:aws:states:::s3:getObject", "ReaderConfig": {"InputType": "CSV", "CSVHeaderLocation": "FIRST_ROW", "MaxItems": 10}, "Parameters": {"Bucket": "b", "Key.$": "$.key"}},
            "ItemBatcher": {"MaxItemsPerBatch": 10, "MaxInputBytesPerBatch": 1024, "BatchInput": {"run.$": "$$.Execution.Id"}},
            "ResultWriter": {"Resource": "arn:aws:states:::s3:putObject", "Parameters": {"Bucket": "b", "Prefix": "out"}},
            "ToleratedFailurePercentage": 5, "ToleratedFailureCount": 2, "Label": "Items", "MaxConcurrency": 100
            """), noWarnings: true)
    }

    @Test func expressChildExecutionsRejectSync() {
        expectDiagnostic(
            Self.map("""
                "ItemProcessor": {"ProcessorConfig": {"Mode": "DISTRIBUTED", "ExecutionType": "EXPRESS"}, "StartAt": "I",
                  "States": {"I": {"Type": "Task", "Resource": 1️⃣"arn:aws:states:::glue:startJobRun.sync", "End": true}}}
                """),
            id: "validation.express-unsupported-integration", code: "SCHEMA_VALIDATION_FAILED")
    }
}
