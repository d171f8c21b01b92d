import Diagnostics
import Testing

/// Definitions AWS's ValidateStateMachineDefinition rejects, each with the AWS code
/// expected among our diagnostics: the validator must report at least one error with
/// that code, and produce no `ValidatedWorkflow`.
@Suite struct RejectedDefinitionsTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var code: String
        var definition: String
        var express = false
        var testDescription: String { name }
    }

    static let lambda = "arn:aws:lambda:us-east-1:123456789012:function:f"

    static let cases: [Case] = [
        Case(name: "empty document", code: "SCHEMA_VALIDATION_FAILED", definition: "{}"),
        Case(name: "States missing", code: "SCHEMA_VALIDATION_FAILED", definition: #"{"StartAt": "A"}"#),
        Case(name: "StartAt unknown", code: "MISSING_TRANSITION_TARGET",
             definition: #"{"StartAt": "B", "States": {"A": {"Type": "Succeed"}}}"#),
        Case(name: "Next unknown", code: "MISSING_TRANSITION_TARGET",
             definition: #"{"StartAt": "A", "States": {"A": {"Type": "Pass", "Next": "B"}}}"#),
        Case(name: "unreachable", code: "MISSING_TRANSITION_TARGET",
             definition: #"{"StartAt": "A", "States": {"A": {"Type": "Succeed"}, "B": {"Type": "Succeed"}}}"#),
        Case(name: "no terminal", code: "MISSING_END_STATE",
             definition: #"{"StartAt": "A", "States": {"A": {"Type": "Pass", "Next": "A"}}}"#),
        Case(name: "duplicate across branch", code: "DUPLICATE_STATE_NAME", definition: """
            {"StartAt": "A", "States": {"A": {"Type": "Parallel", "End": true,
              "Branches": [{"StartAt": "A", "States": {"A": {"Type": "Succeed"}}}]}}}
            """),
        Case(name: "long name", code: "INVALID_STATE_NAME",
             definition: "{\"StartAt\": \"\(String(repeating: "x", count: 81))\", \"States\": {\"\(String(repeating: "x", count: 81))\": {\"Type\": \"Succeed\"}}}"),
        Case(name: "resource not ARN", code: "INVALID_RESOURCE",
             definition: #"{"StartAt": "A", "States": {"A": {"Type": "Task", "Resource": "lambda", "End": true}}}"#),
        Case(name: "unknown type", code: "SCHEMA_VALIDATION_FAILED",
             definition: #"{"StartAt": "A", "States": {"A": {"Type": "Sleep", "End": true}}}"#),
        Case(name: "End false without Next", code: "SCHEMA_VALIDATION_FAILED",
             definition: #"{"StartAt": "A", "States": {"A": {"Type": "Pass", "End": false}}}"#),
        Case(name: "Fail with End", code: "SCHEMA_VALIDATION_FAILED",
             definition: #"{"StartAt": "A", "States": {"A": {"Type": "Fail", "End": true}}}"#),
        Case(name: "Choice without Choices", code: "SCHEMA_VALIDATION_FAILED",
             definition: #"{"StartAt": "A", "States": {"A": {"Type": "Choice", "Default": "B"}, "B": {"Type": "Succeed"}}}"#),
        Case(name: "Choice rule without Next", code: "SCHEMA_VALIDATION_FAILED", definition: """
            {"StartAt": "A", "States": {"A": {"Type": "Choice", "Choices": [{"Variable": "$.a", "BooleanEquals": true}], "Default": "B"}, "B": {"Type": "Succeed"}}}
            """),
        Case(name: "BooleanEquals with a string", code: "SCHEMA_VALIDATION_FAILED", definition: """
            {"StartAt": "A", "States": {"A": {"Type": "Choice", "Choices": [{"Variable": "$.a", "BooleanEquals": "true", "Next": "B"}]}, "B": {"Type": "Succeed"}}}
            """),
        Case(name: "unknown comparison operator", code: "SCHEMA_VALIDATION_FAILED", definition: """
            {"StartAt": "A", "States": {"A": {"Type": "Choice", "Choices": [{"Variable": "$.a", "StringContains": "x", "Next": "B"}]}, "B": {"Type": "Succeed"}}}
            """),
        Case(name: "Wait with two durations", code: "SCHEMA_VALIDATION_FAILED",
             definition: #"{"StartAt": "A", "States": {"A": {"Type": "Wait", "Seconds": 1, "SecondsPath": "$.s", "End": true}}}"#),
        Case(name: "Wait with a bad timestamp", code: "SCHEMA_VALIDATION_FAILED",
             definition: #"{"StartAt": "A", "States": {"A": {"Type": "Wait", "Timestamp": "2026-01-01 10:00:00", "End": true}}}"#),
        Case(name: "Parallel without branches", code: "SCHEMA_VALIDATION_FAILED",
             definition: #"{"StartAt": "A", "States": {"A": {"Type": "Parallel", "End": true}}}"#),
        Case(name: "Map with Iterator and ItemProcessor", code: "SCHEMA_VALIDATION_FAILED", definition: """
            {"StartAt": "A", "States": {"A": {"Type": "Map", "End": true,
              "Iterator": {"StartAt": "X", "States": {"X": {"Type": "Succeed"}}},
              "ItemProcessor": {"StartAt": "Y", "States": {"Y": {"Type": "Succeed"}}}}}}
            """),
        Case(name: "retrier States.ALL not last", code: "SCHEMA_VALIDATION_FAILED", definition: """
            {"StartAt": "A", "States": {"A": {"Type": "Task", "Resource": "\(lambda)", "End": true,
              "Retry": [{"ErrorEquals": ["States.ALL"]}, {"ErrorEquals": ["E"]}]}}}
            """),
        Case(name: "BackoffRate below 1", code: "SCHEMA_VALIDATION_FAILED", definition: """
            {"StartAt": "A", "States": {"A": {"Type": "Task", "Resource": "\(lambda)", "End": true,
              "Retry": [{"ErrorEquals": ["E"], "BackoffRate": 0.9}]}}}
            """),
        Case(name: "invalid ResultPath", code: "SCHEMA_VALIDATION_FAILED",
             definition: #"{"StartAt": "A", "States": {"A": {"Type": "Pass", "ResultPath": "$.a[?(@.b)]", "End": true}}}"#),
        Case(name: "bad Parameters path", code: "SCHEMA_VALIDATION_FAILED",
             definition: #"{"StartAt": "A", "States": {"A": {"Type": "Pass", "Parameters": {"a.$": "$.[b"}, "End": true}}}"#),
        Case(name: "bad intrinsic arity", code: "SCHEMA_VALIDATION_FAILED",
             definition: #"{"StartAt": "A", "States": {"A": {"Type": "Pass", "Parameters": {"a.$": "States.StringToJson()"}, "End": true}}}"#),
        Case(name: "heartbeat not below timeout", code: "SCHEMA_VALIDATION_FAILED", definition: """
            {"StartAt": "A", "States": {"A": {"Type": "Task", "Resource": "\(lambda)", "TimeoutSeconds": 5, "HeartbeatSeconds": 10, "End": true}}}
            """),
        Case(name: "express with .sync", code: "SCHEMA_VALIDATION_FAILED", definition: """
            {"StartAt": "A", "States": {"A": {"Type": "Task", "Resource": "arn:aws:states:::ecs:runTask.sync", "End": true}}}
            """, express: true),
        Case(name: "JSONPath field in JSONata", code: "SCHEMA_VALIDATION_FAILED", definition: """
            {"QueryLanguage": "JSONata", "StartAt": "A", "States": {"A": {"Type": "Pass", "ResultPath": "$.x", "End": true}}}
            """),
        Case(name: "JSONPath state in JSONata machine", code: "SCHEMA_VALIDATION_FAILED", definition: """
            {"QueryLanguage": "JSONata", "StartAt": "A", "States": {"A": {"Type": "Pass", "QueryLanguage": "JSONPath", "End": true}}}
            """),
        Case(name: "ItemReader on an inline map", code: "SCHEMA_VALIDATION_FAILED", definition: """
            {"StartAt": "A", "States": {"A": {"Type": "Map", "End": true, "ItemReader": {"Resource": "arn:aws:states:::s3:listObjectsV2", "Parameters": {"Bucket": "b"}},
              "ItemProcessor": {"StartAt": "X", "States": {"X": {"Type": "Succeed"}}}}}}
            """),
    ]

    @Test(arguments: cases) func awsRejects(_ testCase: Case) throws {
        guard let result = validate(.init(testCase.definition, file: "test.json"), type: testCase.express ? .express : .standard)
        else { return }
        #expect(result.workflow == nil)
        let codes = Set(result.diagnostics.filter(\.isError).compactMap(\.code))
        #expect(codes.contains(testCase.code), "got \(result.diagnostics.map { "\($0.label): \($0.message)" })")
    }
}
