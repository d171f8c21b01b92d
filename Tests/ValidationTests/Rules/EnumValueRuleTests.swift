import Testing

/// Failing (and passing) definitions for `EnumValueRule`.
@Suite struct EnumValueRuleTests {
    @Test func processorModeMustBeKnown() {
        expectDiagnostic(
            Definitions.map("\"ItemProcessor\": {\"ProcessorConfig\": {\"Mode\": 1️⃣\"INLINED\"}, \"StartAt\": \"I\", \"States\": {\"I\": {\"Type\": \"Succeed\"}}}"),
            id: "validation.invalid-value", code: "SCHEMA_VALIDATION_FAILED")
    }

    @Test func readerConfigFieldsAreChecked() {
        expectDiagnostic(
            Definitions.distributed("""
                "ItemReader": {"Resource": "arn:aws:states:::s3:getObject", "ReaderConfig": {"InputType": 1️⃣"XML"}, "Parameters": {"Bucket": "b", "Key": "k"}}
                """),
            id: "validation.invalid-value", code: "SCHEMA_VALIDATION_FAILED")
    }

    @Test func jitterStrategyValues() {
        expectDiagnostic(
            Definitions.task(retry: "[{\"ErrorEquals\": [\"E\"], \"JitterStrategy\": 1️⃣\"HALF\"}]", catch: "[{\"ErrorEquals\": [\"States.ALL\"], \"Next\": \"Recover\"}]"),
            id: "validation.invalid-value", code: "SCHEMA_VALIDATION_FAILED")
    }

    @Test func queryLanguageMustBeKnown() {
        expectDiagnostic(
            """
            {"QueryLanguage": 1️⃣"JSONAta", "StartAt": "A", "States": {"A": {"Type": "Succeed"}}}
            """, id: "validation.invalid-value", code: "SCHEMA_VALIDATION_FAILED")
    }
}
