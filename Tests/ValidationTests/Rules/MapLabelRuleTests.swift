import Testing

/// Failing definitions for `MapLabelRule`.
@Suite struct MapLabelRuleTests {
    @Test func labelWithSpaces() {
        expectDiagnostic(
            Definitions.distributed("\"Label\": 1️⃣\"my label\""), id: "validation.invalid-label-name", code: "INVALID_LABEL_NAME",
            path: "/States/M/Label")
    }

    @Test func labelTooLong() {
        expectDiagnostic(
            Definitions.distributed("\"Label\": 1️⃣\"\(String(repeating: "l", count: 41))\""),
            id: "validation.invalid-label-name", code: "INVALID_LABEL_NAME")
    }

    @Test func duplicateLabel() {
        expectDiagnostic(
            """
            {"StartAt": "A", "States": {
              "A": {"Type": "Map", "Label": "Items", "Next": "B", "ItemProcessor": {"ProcessorConfig": {"Mode": "DISTRIBUTED", "ExecutionType": "STANDARD"}, "StartAt": "X", "States": {"X": {"Type": "Succeed"}}}},
              "B": {"Type": "Map", "Label": 1️⃣"Items", "End": true, "ItemProcessor": {"ProcessorConfig": {"Mode": "DISTRIBUTED", "ExecutionType": "STANDARD"}, "StartAt": "Y", "States": {"Y": {"Type": "Succeed"}}}}}}
            """, id: "validation.duplicate-label-name", code: "DUPLICATE_LABEL_NAME")
    }

    @Test func validLabel() {
        expectValid(Definitions.distributed("\"Label\": \"Process-Items_2\""), noWarnings: true)
    }
}
