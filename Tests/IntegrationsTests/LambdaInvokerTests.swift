import Engine
import Foundation
import Integrations
import JSONValue
import Testing

/// Both Lambda resource forms through `LambdaInvoker`, function references, and pattern resolution.
@Suite struct LambdaInvokerTests {
    let echo = LocalCommandInvoker(LocalCommand(executable: "cat"))

    func lambda(_ pattern: String = "charge") -> LambdaInvoker {
        LambdaInvoker(functions: FunctionResolver([(pattern, echo)]))
    }

    @Test func bareFunctionArnReturnsTheFunctionsOutput() async {
        let outcome = await lambda().invoke(TaskRequest(
            resource: "arn:aws:lambda:us-east-1:123456789012:function:charge", parameters: ["amount": 5], stateName: "Charge"))
        #expect(outcome == .success(["amount": 5]))
    }

    @Test func lambdaInvokeReturnsAWSsResultShape() async throws {
        let outcome = await lambda().invoke(TaskRequest(
            resource: "arn:aws:states:::lambda:invoke",
            parameters: ["FunctionName": "arn:aws:lambda:us-east-1:123456789012:function:charge:live", "Payload": ["amount": 5]],
            stateName: "Charge"))
        guard case .success(let result) = outcome, case .object(let object) = result else {
            Issue.record("expected an object, got \(outcome)")
            return
        }
        #expect(object.keys == ["ExecutedVersion", "Payload", "SdkHttpMetadata", "SdkResponseMetadata", "StatusCode"])
        #expect(result["ExecutedVersion"] == "live")
        #expect(result["Payload"] == ["amount": 5])
        #expect(result["StatusCode"] == 200)
        #expect(result["SdkHttpMetadata"]?["HttpStatusCode"] == 200)
        let requestId = try #require(result["SdkResponseMetadata"]?["RequestId"]?.stringValue)
        #expect(result["SdkHttpMetadata"]?["HttpHeaders"]?["x-amzn-RequestId"] == .string(requestId))
        #expect(result["SdkHttpMetadata"]?["AllHttpHeaders"]?["x-amzn-RequestId"] == [.string(requestId)])
        #expect(result["SdkHttpMetadata"]?["HttpHeaders"]?["Content-Type"] == "application/json")
    }

    @Test func waitForTaskTokenStillInvokesTheFunction() async {
        let outcome = await lambda().invoke(TaskRequest(
            resource: "arn:aws:states:::lambda:invoke.waitForTaskToken",
            parameters: ["FunctionName": "charge", "Payload": ["token": "t-1"]], stateName: "Charge", taskToken: "t-1"))
        guard case .success(let result) = outcome else {
            Issue.record("expected success, got \(outcome)")
            return
        }
        #expect(result["Payload"] == ["token": "t-1"])
    }

    @Test func lambdaInvokeWithoutPayloadSendsAnEmptyObject() async {
        let outcome = await lambda().invoke(TaskRequest(
            resource: "arn:aws:states:::lambda:invoke", parameters: ["FunctionName": "charge"], stateName: "Charge"))
        guard case .success(let result) = outcome else {
            Issue.record("expected success")
            return
        }
        #expect(result["Payload"] == [:])
        #expect(result["ExecutedVersion"] == "$LATEST")
    }

    @Test func unknownFunctionIsResourceNotFound() async {
        let outcome = await lambda().invoke(TaskRequest(
            resource: "arn:aws:lambda:eu-west-1:111122223333:function:refund", parameters: [:], stateName: "Refund"))
        #expect(outcome == .failure(ExecutionFailure(
            error: "Lambda.ResourceNotFoundException",
            cause: "Function not found: arn:aws:lambda:eu-west-1:111122223333:function:refund (Service: AWSLambda; Status Code: 404; Error Code: ResourceNotFoundException). "
                + "On the local engine, map it under 'local.handlers' in the environment (\"refund\": {command: [program, args…]} or {url: …}) or mock the state")))
    }

    @Test func missingFunctionNameIsARuntimeError() async {
        let outcome = await lambda().invoke(TaskRequest(
            resource: "arn:aws:states:::lambda:invoke", parameters: ["Payload": 1], stateName: "Charge"))
        guard case .failure(let failure) = outcome else {
            Issue.record("expected a failure")
            return
        }
        #expect(failure.error == "States.Runtime")
        #expect(failure.cause?.contains("'FunctionName'") == true)
    }

    @Test func functionReferencesInEveryForm() {
        #expect(FunctionReference(functionName: "charge") == FunctionReference(name: "charge"))
        #expect(FunctionReference(functionName: "charge:1") == FunctionReference(name: "charge", qualifier: "1"))
        #expect(FunctionReference(functionName: "123456789012:function:charge")
            == FunctionReference(name: "charge", accountId: "123456789012"))
        #expect(FunctionReference("arn:aws:lambda:us-west-2:123456789012:function:charge:$LATEST")
            == FunctionReference(name: "charge", qualifier: "$LATEST", region: "us-west-2", accountId: "123456789012"))
        #expect(FunctionReference("arn:aws:states:::lambda:invoke") == nil)
        #expect(FunctionReference(functionName: "a:b:c:d:e") == nil)
    }

    @Test func resolverPrefersExactPatternsThenTheFirstGlob() {
        let a = LocalCommandInvoker(LocalCommand(executable: "a"))
        let b = LocalCommandInvoker(LocalCommand(executable: "b"))
        let c = LocalCommandInvoker(LocalCommand(executable: "c"))
        let resolver = FunctionResolver([
            ("arn:aws:lambda:*:*:function:etl-*", a), ("etl-load", b), ("*", c),
        ])
        func pick(_ name: String) -> String? {
            (resolver.runner(for: FunctionReference(functionName: name) ?? FunctionReference(name: name)) as? LocalCommandInvoker)?.command.executable
        }
        #expect(pick("etl-extract") == "a")
        #expect(pick("etl-load") == "b")
        #expect(pick("arn:aws:lambda:eu-west-1:111122223333:function:etl-x:prod") == "a")
        #expect(pick("report") == "c")
        #expect(FunctionResolver([("etl-?", a)]).runner(for: FunctionReference(name: "etl-12")) == nil)
    }
}
