import JSONValue
import Testing

/// Definitions AWS accepts that exercise many rules at once: none may produce an error.
@Suite struct ValidDefinitionsTests {
    @Test func combinatorsNeedNoVariable() {
        expectValid(Definitions.choice("""
            {"Not": {"Variable": "$.a", "StringEquals": "x"}, "Next": "Done"},
            {"Or": [{"Variable": "$.n", "NumericGreaterThanPath": "$.m"}, {"Variable": "$.t", "TimestampLessThan": "2020-01-01T00:00:00Z"}], "Next": "Done"}
            """), noWarnings: true)
    }

    @Test func waitTimestampWithOffsetAndFraction() {
        expectValid(Definitions.state("\"Type\": \"Wait\", \"Timestamp\": \"2016-03-14T01:59:00.123+02:00\", \"End\": true"))
    }

    @Test func failCausePathMayBeAnIntrinsic() {
        expectValid(Definitions.state("\"Type\": \"Fail\", \"ErrorPath\": \"$.error\", \"CausePath\": \"States.Format('bad {}', $.id)\""))
    }

    @Test func passWithResultAndParametersIsValid() {
        expectValid(Definitions.state("\"Type\": \"Pass\", \"Parameters\": {\"a.$\": \"$.x\"}, \"Result\": {\"b\": 1}, \"ResultPath\": \"$.r\", \"End\": true"))
    }

    @Test func succeedWithPathsIsValid() {
        expectValid(Definitions.state("\"Type\": \"Succeed\", \"InputPath\": \"$.a\", \"OutputPath\": null"), noWarnings: true)
    }

    @Test func toleratedFailureCountOnInlineMapIsAccepted() {
        // AWS accepts this (recorded in the conformance corpus), though its documentation
        // lists the field as distributed-only.
        expectValid(Definitions.map("\"ItemProcessor\": \(Definitions.processor), \"ToleratedFailureCount\": 1"))
    }

    @Test func fullDistributedMapIsValid() {
        expectValid(Definitions.distributed("""
            "ItemReader": {"Resource": "arn:aws:states:::s3:getObject", "ReaderConfig": {"InputType": "CSV", "CSVHeaderLocation": "FIRST_ROW", "MaxItems": 10}, "Parameters": {"Bucket": "b", "Key.$": "$.key"}},
            "ItemBatcher": {"MaxItemsPerBatch": 10, "MaxInputBytesPerBatch": 1024, "BatchInput": {"run.$": "$$.Execution.Id"}},
            "ResultWriter": {"Resource": "arn:aws:states:::s3:putObject", "Parameters": {"Bucket": "b", "Prefix": "out"}},
            "ToleratedFailurePercentage": 5, "ToleratedFailureCount": 2, "Label": "Items", "MaxConcurrency": 100
            """), noWarnings: true)
    }

    @Test func intrinsicsAreAccepted() {
        expectValid(Definitions.pass("""
            "Parameters": {"id.$": "States.UUID()", "msg.$": "States.Format('Hello {}', $.name)", "ctx.$": "$$.Execution.Id", "list": [{"a.$": "$.a"}]}
            """), noWarnings: true)
    }

    @Test func jsonataStatesSkipPathChecks() {
        expectValid("""
            {"QueryLanguage": "JSONata", "StartAt": "S", "States": {"S": {"Type": "Pass", "Output": {"x": "$.a"}, "End": true}}}
            """, noWarnings: true)
    }

    @Test func fullRetrierIsValid() {
        expectValid(Definitions.task(
            retry: "[{\"ErrorEquals\": [\"States.Timeout\"], \"IntervalSeconds\": 2, \"MaxAttempts\": 0, \"BackoffRate\": 1.5, \"MaxDelaySeconds\": 30, \"JitterStrategy\": \"FULL\"}, {\"ErrorEquals\": [\"States.ALL\"]}]",
            catch: "[{\"ErrorEquals\": [\"States.ALL\"], \"Next\": \"Recover\", \"ResultPath\": \"$.error\"}]"), noWarnings: true)
    }

    @Test func stateNameOf80CharactersIsValid() {
        let name = String(repeating: "n", count: 80)
        expectValid("{\"StartAt\": \"\(name)\", \"States\": {\"\(name)\": {\"Type\": \"Succeed\"}}}")
    }

    @Test func catchTargetsAreReachable() {
        expectValid("""
            {"StartAt": "A", "States": {
              "A": {"Type": "Task", "Resource": "arn:aws:lambda:us-east-1:123456789012:function:f", "End": true,
                    "Catch": [{"ErrorEquals": ["States.ALL"], "Next": "Recover"}]},
              "Recover": {"Type": "Pass", "End": true}}}
            """, noWarnings: true)
    }

    @Test func serviceIntegrationARNIsValid() {
        expectValid(Definitions.task("\"Resource\": \"arn:aws:states:::lambda:invoke\", \"Parameters\": {\"FunctionName\": \"f\"}"))
    }

    @Test func standardAcceptsSyncAndTaskToken() {
        expectValid(Definitions.task("\"Resource\": \"arn:aws:states:::sqs:sendMessage.waitForTaskToken\", \"HeartbeatSeconds\": 60, \"TimeoutSeconds\": 3600"))
    }

    @Test func jsonataTaskAcceptsExpressionsAndArguments() {
        expectValid("""
            {"QueryLanguage": "JSONata", "StartAt": "T", "States": {"T": {"Type": "Task",
              "Resource": "arn:aws:states:::lambda:invoke", "Arguments": {"FunctionName": "f", "Payload": "{% $states.input %}"},
              "TimeoutSeconds": "{% $states.input.timeout %}", "Output": "{% $states.result.Payload %}",
              "Assign": {"x": 1}, "End": true}}}
            """, noWarnings: true)
    }

    @Test func aMinimalMachineIsValid() {
        expectValid("""
            {"Comment": "c", "Version": "1.0", "TimeoutSeconds": 60, "StartAt": "A", "States": {"A": {"Type": "Succeed"}}}
            """, noWarnings: true)
    }
}

@Suite struct CompiledExpressionsTests {
    @Test func validatedWorkflowCarriesParsedExpressions() throws {
        let source = """
            {"StartAt": "S", "States": {"S": {"Type": "Pass", "InputPath": "$.in",
              "Parameters": {"id.$": "States.UUID()", "deep": {"v.$": "$.value"}}, "ResultPath": "$.out", "End": true}}}
            """
        let workflow = try #require(validate(.init(source, file: "test.json"))?.workflow)
        #expect(workflow.expressions.paths.count == 2)
        #expect(workflow.expressions.paths[JSONPointer(parsing: "/States/S/InputPath")!]?.text == "$.in")
        #expect(workflow.expressions.payloads.count == 2)
        #expect(workflow.expressions.payloads[JSONPointer(parsing: "/States/S/Parameters/deep/v.$")!]?.description == "$.value")
    }
}

@Suite struct ExtremeValueTests {
    @Test func extremeNumbersAreReportedNotTrapped() {
        for number in ["-9223372036854775808", "9223372036854775807", "1e400", "-1e400", "18446744073709551616"] {
            let text = """
                {"StartAt": "T", "TimeoutSeconds": \(number), "States": {"T": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke",
                  "TimeoutSeconds": \(number), "HeartbeatSeconds": \(number), "End": true,
                  "Retry": [{"ErrorEquals": ["States.ALL"], "MaxAttempts": \(number), "BackoffRate": \(number), "IntervalSeconds": \(number)}]}}}
                """
            let result = validate(.init(text, file: "test.json"))
            #expect(result?.workflow == nil)
        }
    }
}
