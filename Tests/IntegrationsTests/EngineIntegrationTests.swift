import Engine
import Foundation
import Integrations
import JSONValue
import Testing
import Validation

/// Whole executions on `ExecutionEngine` with Lambda resources routed to local commands:
/// Retry on a custom error thrown by the handler, and Catch.
@Suite struct EngineIntegrationTests {
    static let definition = """
        {"StartAt": "Charge", "States": {
          "Charge": {"Type": "Task", "Resource": "arn:aws:lambda:us-east-1:123456789012:function:charge",
            "Retry": [{"ErrorEquals": ["CardBusy"], "IntervalSeconds": 1, "MaxAttempts": 3}],
            "Catch": [{"ErrorEquals": ["CardDeclined"], "ResultPath": "$.failure", "Next": "Declined"}],
            "ResultPath": "$.charge", "Next": "Receipt"},
          "Receipt": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke",
            "Parameters": {"FunctionName": "receipt", "Payload.$": "$.charge"}, "OutputPath": "$.Payload", "End": true},
          "Declined": {"Type": "Pass", "End": true}}}
        """

    /// `charge` fails with CardBusy until its counter file reaches `busyTimes`, then answers;
    /// an input with `"declined": true` fails with CardDeclined.
    static let charge = """
        import json, os, sys
        event = json.load(sys.stdin)
        if event.get("declined"):
            print(json.dumps({"errorType": "CardDeclined", "errorMessage": "no funds"}))
            sys.exit(1)
        counter = "attempts"
        n = int(open(counter).read()) if os.path.exists(counter) else 0
        open(counter, "w").write(str(n + 1))
        if n < int(os.environ["BUSY_TIMES"]):
            sys.stderr.write(json.dumps({"errorType": "CardBusy", "errorMessage": "try again"}) + "\\n")
            sys.exit(1)
        print(json.dumps({"charged": event["amount"], "attempt": n}))
        """

    func run(_ input: JSON, scratch: Scratch) async throws -> ExecutionReport {
        let script = try scratch.script("charge.py", Self.charge)
        let charge = LocalCommandInvoker(LocalCommand(
            executable: "python3", arguments: [script], workingDirectory: scratch.path, environment: ["BUSY_TIMES": "2"]))
        let receipt = LocalCommandInvoker(LocalCommand(
            executable: #"python3 -c 'import json,sys; e=json.load(sys.stdin); print(json.dumps({"receipt": e["charged"]}))'"#,
            shell: true))
        let lambda = LambdaInvoker(functions: FunctionResolver([("charge", charge), ("arn:aws:lambda:*:*:function:rec*", receipt)]))
        let router = ResourceRouter(routes: ["arn:aws:lambda:": lambda, LambdaInvoker.invokeResource: lambda])
        let document = try JSONParser.parseDocument(Self.definition, file: "charge.asl.json")
        let validated = Validator().validate(document, options: ValidationOptions(includeWarnings: false))
        let workflow = try #require(validated.workflow, "invalid: \(validated.diagnostics.map(\.message))")
        return await ExecutionEngine(invoker: router).run(workflow, input: input, stateMachineName: "Charge", executionName: "e")
    }

    @Test func retriesACustomErrorThenSucceeds() async throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let report = try await run(["amount": 12], scratch: scratch)
        #expect(report.description.status == .succeeded)
        #expect(report.description.output == ["receipt": 12])
        #expect(scratch.read("attempts") == "3")
        let failed = report.history.filter { $0.type == .taskFailed }.count
        #expect(failed == 2)
    }

    @Test func catchesADeclinedCard() async throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let report = try await run(["amount": 12, "declined": true], scratch: scratch)
        #expect(report.description.status == .succeeded)
        #expect(report.description.output?["failure"]?["Error"] == "CardDeclined")
        let cause = report.description.output?["failure"]?["Cause"]?.stringValue
        #expect(cause.flatMap { try? JSON.parse($0) } == ["errorType": "CardDeclined", "errorMessage": "no funds"])
    }
}
