import AWSClient
import StepFunctionsAPI
import Testing

/// Which failures are retried, how often, and how long the waits are.
@Suite struct RetryingTransportTests {
    static let ok = ScriptedTransport.Step.respond(200, #"{"stateMachines":[]}"#)
    static let throttled = ScriptedTransport.Step.respond(400, #"{"__type":"ThrottlingException","message":"Rate exceeded"}"#)

    func client(_ steps: [ScriptedTransport.Step], random: Double = 1, maxAttempts: Int = 5)
        -> (StepFunctionsClient<RetryingTransport<ScriptedTransport>>, ScriptedTransport, RecordingSleeper)
    {
        let transport = ScriptedTransport(steps)
        let sleeper = RecordingSleeper()
        let policy = RetryPolicy(
            maxAttempts: maxAttempts, baseDelay: .milliseconds(100), maxDelay: .milliseconds(1000), random: { random },
            sleep: { sleeper.sleep($0) })
        return (StepFunctionsClient(transport: RetryingTransport(base: transport, policy: policy)), transport, sleeper)
    }

    @Test(arguments: [
        ScriptedTransport.Step.respond(400, #"{"__type":"ThrottlingException","message":"Rate exceeded"}"#),
        .respond(400, #"{"__type":"com.amazonaws.swf.base.model#TooManyRequestsException","message":"x"}"#),
        .respond(400, #"{"__type":"RequestLimitExceeded","message":"x"}"#),
        .respond(429, "Too Many Requests"),
        .respond(500, #"{"__type":"InternalFailure","message":"x"}"#),
        .respond(502, "<html>Bad Gateway</html>"),
        .respond(503, ""),
        .fail(StepFunctionsError(.serviceUnavailable, "Cannot reach the Step Functions endpoint: connection refused")),
    ])
    func retriesTransientFailures(_ failure: ScriptedTransport.Step) async throws {
        let (client, transport, sleeper) = client([failure, failure, Self.ok])
        let output = try await client.listStateMachines(ListStateMachinesInput())
        #expect(output.stateMachines.isEmpty)
        #expect(transport.requests.count == 3)
        #expect(transport.requests.allSatisfy { $0.action == .listStateMachines })
        #expect(sleeper.waits == [.milliseconds(100), .milliseconds(200)])
    }

    @Test(arguments: [
        (#"{"__type":"StateMachineDoesNotExist","message":"State Machine Does Not Exist: 'arn'"}"#, "StateMachineDoesNotExist"),
        (#"{"__type":"ValidationException","message":"bad"}"#, "ValidationException"),
        (#"{"__type":"AccessDeniedException","Message":"no"}"#, "AccessDeniedException"),
        (#"{"__type":"ExecutionLimitExceeded","message":"quota"}"#, "ExecutionLimitExceeded"),
    ])
    func neverRetriesClientErrors(_ body: String, _ code: String) async {
        let (client, transport, sleeper) = client([.respond(400, body), Self.ok])
        do {
            _ = try await client.listStateMachines(ListStateMachinesInput())
            Issue.record("expected \(code)")
        } catch {
            #expect(error.code.rawValue == code)
        }
        #expect(transport.requests.count == 1)
        #expect(sleeper.waits.isEmpty)
    }

    @Test func givesUpAfterMaxAttemptsWithAWSsError() async {
        let (client, transport, sleeper) = client(Array(repeating: Self.throttled, count: 10), maxAttempts: 4)
        do {
            _ = try await client.listStateMachines(ListStateMachinesInput())
            Issue.record("expected throttling")
        } catch {
            #expect(error.code == .throttlingException)
            #expect(error.message == "Rate exceeded")
        }
        #expect(transport.requests.count == 4)
        #expect(sleeper.waits == [.milliseconds(100), .milliseconds(200), .milliseconds(400)])
    }

    @Test func connectionFailuresSurfaceAfterTheLastAttempt() async {
        let refused = StepFunctionsError(.serviceUnavailable, "Cannot reach the Step Functions endpoint: refused")
        let (client, transport, _) = client(Array(repeating: .fail(refused), count: 3), maxAttempts: 3)
        await #expect(throws: refused) { _ = try await client.listStateMachines(ListStateMachinesInput()) }
        #expect(transport.requests.count == 3)
    }

    @Test func fullJitterIsCappedAndScaled() {
        let policy = RetryPolicy(baseDelay: .milliseconds(100), maxDelay: .seconds(1), random: { 0.5 })
        #expect(policy.delay(beforeRetry: 0) == .milliseconds(50))
        #expect(policy.delay(beforeRetry: 2) == .milliseconds(200))
        #expect(policy.delay(beforeRetry: 10) == .milliseconds(500))
        #expect(policy.delay(beforeRetry: 100) == .milliseconds(500))
        let none = RetryPolicy(baseDelay: .milliseconds(100), random: { 0 })
        #expect(none.delay(beforeRetry: 3) == .zero)
    }
}
