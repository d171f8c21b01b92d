import StepFunctionsAPI
import Testing

/// The client and the dispatcher together, in memory: what the client encodes, the server half
/// decodes, and errors come back as the same `StepFunctionsError`.
@Suite struct StepFunctionsClientTests {
    let client = StepFunctionsClient(transport: LoopbackTransport(service: RoutingProbeService()))

    @Test func returnsTheDecodedResponse() async throws {
        let output = try await client.startExecution(StartExecutionInput(stateMachineArn: machineARN, name: "run-1"))
        #expect(output.executionArn == machineARN.execution(named: "run-1"))
        #expect(output.startDate == Timestamp(millisecondsSince1970: 1_732_780_800_123))
        let page = try await client.listStateMachines(ListStateMachinesInput(nextToken: "t"))
        #expect(page.nextToken == "t")
    }

    @Test func carriesTheServiceErrorThroughItsBody() async {
        await #expect {
            _ = try await client.describeActivity(DescribeActivityInput(activityArn: scope.activity(named: "A")))
        } throws: { error in
            let error = error as? StepFunctionsError
            return error?.code == RoutingProbeService.called && error?.message == "DescribeActivity"
        }
    }

    /// A transport that answers with a fixed status and body.
    struct CannedTransport: StepFunctionsTransport {
        var response: StepFunctionsTransportResponse
        func send(_ request: StepFunctionsTransportRequest) async throws(StepFunctionsError)
            -> StepFunctionsTransportResponse
        {
            response
        }
    }

    @Test func readsAWSErrorBodies() async {
        let body = #"{"__type":"com.amazonaws.states#ExecutionDoesNotExist","message":"Execution Does Not Exist: 'x'"}"#
        let client = StepFunctionsClient(
            transport: CannedTransport(response: .init(status: 400, body: Array(body.utf8))))
        await #expect {
            _ = try await client.stopExecution(StopExecutionInput(executionArn: machineARN.execution(named: "x")))
        } throws: { error in
            let error = error as? StepFunctionsError
            return error?.code == .executionDoesNotExist && error?.message == "Execution Does Not Exist: 'x'"
        }
    }

    @Test func reportsAnUnreadableSuccessBody() async {
        let client = StepFunctionsClient(
            transport: CannedTransport(response: .init(status: 200, body: Array("not json".utf8))))
        await #expect {
            _ = try await client.redriveExecution(RedriveExecutionInput(executionArn: machineARN.execution(named: "x")))
        } throws: { ($0 as? StepFunctionsError)?.code == .serializationException }
    }

    @Test func acceptsAnEmptyBodyForAnEmptyResponse() async throws {
        let client = StepFunctionsClient(transport: CannedTransport(response: .init(status: 200, body: [])))
        _ = try await client.sendTaskHeartbeat(SendTaskHeartbeatInput(taskToken: "t"))
    }
}
