import Testing

/// Task state rules: Resource, timeouts, heartbeats, Express integrations.
@Suite struct TaskStateRulesTests {
    static func task(_ fields: String) -> String {
        "{\"StartAt\": \"T\", \"States\": {\"T\": {\"Type\": \"Task\", \(fields), \"End\": true}}}"
    }

    @Test func resourceIsRequired() {
        expectDiagnostic(
            "{\"StartAt\": \"T\", \"States\": {1️⃣\"T\": {\"Type\": \"Task\", \"End\": true}}}",
            id: "validation.missing-field", code: "SCHEMA_VALIDATION_FAILED", path: "/States/T")
    }

    @Test func resourceMustBeAnARN() {
        expectDiagnostic(
            Self.task("\"Resource\": 1️⃣\"my-function\""), id: "validation.invalid-resource", code: "INVALID_RESOURCE",
            path: "/States/T/Resource")
    }

    @Test func serviceIntegrationARNIsValid() {
        expectValid(Self.task("\"Resource\": \"arn:aws:states:::lambda:invoke\", \"Parameters\": {\"FunctionName\": \"f\"}"))
    }

    @Test func timeoutSecondsAndPathAreExclusive() {
        expectDiagnostic(
            Self.task("\"Resource\": \"arn:aws:states:::lambda:invoke\", \"TimeoutSeconds\": 5, 1️⃣\"TimeoutSecondsPath\": \"$.t\""),
            id: "validation.exclusive-fields", code: "SCHEMA_VALIDATION_FAILED")
    }

    @Test func heartbeatSecondsAndPathAreExclusive() {
        expectDiagnostic(
            Self.task("\"Resource\": \"arn:aws:states:::lambda:invoke\", \"HeartbeatSeconds\": 5, 1️⃣\"HeartbeatSecondsPath\": \"$.h\""),
            id: "validation.exclusive-fields", code: "SCHEMA_VALIDATION_FAILED")
    }

    @Test func heartbeatMustBeBelowTimeout() {
        expectDiagnostic(
            Self.task("\"Resource\": \"arn:aws:states:::lambda:invoke\", \"TimeoutSeconds\": 10, \"HeartbeatSeconds\": 1️⃣10"),
            id: "validation.heartbeat-not-below-timeout", code: "SCHEMA_VALIDATION_FAILED")
    }

    @Test func timeoutMustBePositive() {
        expectDiagnostic(
            Self.task("\"Resource\": \"arn:aws:states:::lambda:invoke\", \"TimeoutSeconds\": 1️⃣0"),
            id: "validation.value-out-of-range", code: "SCHEMA_VALIDATION_FAILED")
    }

    @Test func timeoutMustBeAnInteger() {
        expectDiagnostic(
            Self.task("\"Resource\": \"arn:aws:states:::lambda:invoke\", \"TimeoutSeconds\": 1️⃣2.5"),
            id: "validation.field-type", code: "SCHEMA_VALIDATION_FAILED")
    }

    @Test func expressRejectsSync() {
        expectDiagnostic(
            Self.task("\"Resource\": 1️⃣\"arn:aws:states:::states:startExecution.sync:2\""),
            id: "validation.express-unsupported-integration", code: "SCHEMA_VALIDATION_FAILED", type: .express)
    }

    @Test func expressRejectsWaitForTaskToken() {
        expectDiagnostic(
            Self.task("\"Resource\": 1️⃣\"arn:aws:states:::sqs:sendMessage.waitForTaskToken\""),
            id: "validation.express-unsupported-integration", code: "SCHEMA_VALIDATION_FAILED", type: .express)
    }

    @Test func standardAcceptsSyncAndTaskToken() {
        expectValid(Self.task("\"Resource\": \"arn:aws:states:::sqs:sendMessage.waitForTaskToken\", \"HeartbeatSeconds\": 60, \"TimeoutSeconds\": 3600"))
    }

    @Test func credentialsMustBeAnObject() {
        expectDiagnostic(
            Self.task("\"Resource\": \"arn:aws:states:::lambda:invoke\", \"Credentials\": 1️⃣\"role\""),
            id: "validation.field-type", code: "SCHEMA_VALIDATION_FAILED")
    }

    @Test func jsonataTaskAcceptsExpressionsAndArguments() {
        expectValid("""
            {"QueryLanguage": "JSONata", "StartAt": "T", "States": {"T": {"Type": "Task",
              "Resource": "arn:aws:states:::lambda:invoke", "Arguments": {"FunctionName": "f", "Payload": "{% $states.input %}"},
              "TimeoutSeconds": "{% $states.input.timeout %}", "Output": "{% $states.result.Payload %}",
              "Assign": {"x": 1}, "End": true}}}
            """, noWarnings: true)
    }

    @Test func jsonataTaskRejectsParameters() {
        expectDiagnostic(
            """
            {"QueryLanguage": "JSONata", "StartAt": "T", "States": {"T": {"Type": "Task",
              "Resource": "arn:aws:states:::lambda:invoke", 1️⃣"Parameters": {"FunctionName": "f"}, "End": true}}}
            """, id: "validation.field-not-in-query-language", code: "SCHEMA_VALIDATION_FAILED")
    }
}
