import ASLModel
import Diagnostics
import JSONValue
import Testing
import TestSupport

@Suite struct StateMachineDecoderTests {
    func decode(_ text: String) throws -> (StateMachine?, [Diagnostic]) {
        StateMachineDecoder.decode(try JSONParser.parseDocument(text, file: "test.json"))
    }

    @Test func decodesEveryStateType() throws {
        let (machine, diagnostics) = try decode("""
            {"Comment": "all", "StartAt": "T", "TimeoutSeconds": 300, "States": {
              "T": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke.waitForTaskToken", "TimeoutSeconds": 60,
                    "HeartbeatSecondsPath": "$.hb", "ResultPath": null, "Next": "P",
                    "Retry": [{"ErrorEquals": ["States.Timeout"], "MaxAttempts": 5, "BackoffRate": 1.5, "JitterStrategy": "FULL"}],
                    "Catch": [{"ErrorEquals": ["States.ALL"], "Next": "F", "ResultPath": "$.error"}]},
              "P": {"Type": "Pass", "Result": {"a": 1}, "Next": "C"},
              "C": {"Type": "Choice", "Choices": [
                      {"And": [{"Variable": "$.n", "NumericGreaterThan": 1}, {"Not": {"Variable": "$.s", "IsNull": true}}], "Next": "W"}],
                    "Default": "S"},
              "W": {"Type": "Wait", "SecondsPath": "$.wait", "Next": "Par"},
              "Par": {"Type": "Parallel", "Branches": [{"StartAt": "B", "States": {"B": {"Type": "Succeed"}}}], "Next": "M"},
              "M": {"Type": "Map", "ItemsPath": "$.items", "MaxConcurrency": 2,
                    "ItemProcessor": {"ProcessorConfig": {"Mode": "DISTRIBUTED", "ExecutionType": "EXPRESS"},
                                      "StartAt": "I", "States": {"I": {"Type": "Pass", "End": true}}}, "End": true},
              "S": {"Type": "Succeed"},
              "F": {"Type": "Fail", "Error": "Failed", "CausePath": "$.cause"}}}
            """)
        #expect(diagnostics.isEmpty)
        let m = try #require(machine)
        #expect(m.stateNames == ["T", "P", "C", "W", "Par", "M", "S", "F"])
        #expect(m.timeoutSeconds == 300)
        guard case .task(let task)? = m.states["T"] else { Issue.record("T is not a task"); return }
        #expect(task.integrationPattern == .waitForTaskToken)
        #expect(task.timeout == .value(60))
        #expect(task.heartbeat == .path("$.hb"))
        #expect(task.common.io.resultPath == .null)
        #expect(task.retry.first?.maxAttempts == 5)
        #expect(task.retry.first?.jitterStrategy == .full)
        #expect(task.retry.first?.intervalSeconds == 1)
        #expect(task.catch.first?.next == "F")
        #expect(task.transition == .next("P"))
        guard case .choice(let choice)? = m.states["C"] else { Issue.record("C is not a choice"); return }
        #expect(choice.defaultState == "S")
        guard case .and(let rules)? = choice.choices.first?.rule, rules.count == 2, case .not(.comparison(let c)) = rules[1]
        else { Issue.record("unexpected rule \(choice.choices)"); return }
        #expect(c.variable == "$.s")
        #expect(c.operator.name == "IsNull")
        guard case .map(let map)? = m.states["M"] else { Issue.record("M is not a map"); return }
        #expect(map.processorConfig == ProcessorConfig(mode: .distributed, executionType: .express))
        #expect(map.itemProcessor.startAt == "I")
        #expect(map.maxConcurrency?.integerValue == 2)
        guard case .wait(let wait)? = m.states["W"] else { Issue.record("W is not a wait"); return }
        #expect(wait.duration == .seconds(.path("$.wait")))
        guard case .fail(let fail)? = m.states["F"] else { Issue.record("F is not a fail"); return }
        #expect(fail.error == .value("Failed"))
        #expect(fail.cause == .path("$.cause"))
        #expect(m.states["S"]?.transition == nil)
    }

    @Test func jsonataLanguageIsInherited() throws {
        let (machine, _) = try decode("""
            {"QueryLanguage": "JSONata", "StartAt": "A", "States": {"A": {"Type": "Pass", "Output": "{% 1 %}", "End": true}}}
            """)
        #expect(machine?.queryLanguage == .jsonata)
        #expect(machine?.states["A"]?.queryLanguage == .jsonata)
        #expect(machine?.states["A"]?.common.io.output == .string("{% 1 %}"))
    }

    @Test func missingRequiredFieldIsReportedAtTheState() throws {
        let source = MarkedText("{\"StartAt\": \"A\", \"States\": {1️⃣\"A\": {\"Type\": \"Task\", \"End\": true}}}", file: "test.json")
        let (machine, diagnostics) = StateMachineDecoder.decode(try JSONParser.parseDocument(source.text, file: "test.json"))
        #expect(machine == nil)
        #expect(diagnostics.map(\.id) == [StateMachineDecoder.missingField])
        #expect(diagnostics.first?.location == source["1️⃣"])
        #expect(diagnostics.first?.path == "/States/A")
    }

    @Test func wrongKindIsReportedAtTheValue() throws {
        let source = MarkedText("{\"StartAt\": \"A\", \"States\": {\"A\": {\"Type\": \"Pass\", \"Next\": 1️⃣5}}}", file: "test.json")
        let (machine, diagnostics) = StateMachineDecoder.decode(try JSONParser.parseDocument(source.text, file: "test.json"))
        #expect(machine == nil)
        #expect(diagnostics.first?.id == StateMachineDecoder.invalidField)
        #expect(diagnostics.first?.location == source["1️⃣"])
    }

    @Test func integrationPatterns() {
        #expect(IntegrationPattern(resource: "arn:aws:states:::states:startExecution.sync:2") == .sync)
        #expect(IntegrationPattern(resource: "arn:aws:states:::ecs:runTask.sync") == .sync)
        #expect(IntegrationPattern(resource: "arn:aws:states:::sqs:sendMessage.waitForTaskToken") == .waitForTaskToken)
        #expect(IntegrationPattern(resource: "arn:aws:lambda:us-east-1:123456789012:function:sync") == .requestResponse)
    }
}
