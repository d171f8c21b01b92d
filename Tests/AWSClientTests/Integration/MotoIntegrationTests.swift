import AWSClient
import Foundation
import MotoTestSupport
import StepFunctionsAPI
import Testing

/// The HTTP transport, signer and `StepFunctionsClient` together against moto's Step Functions
/// server: a real AWS JSON 1.0 endpoint over loopback. Skipped when `moto_server` is not
/// installed (`pip install 'moto[server]'`; `.ci/run` installs it).
@Suite(.serialized) struct MotoIntegrationTests {
    static let definition = #"{"StartAt":"Done","States":{"Done":{"Type":"Pass","Result":{"ok":true},"End":true}}}"#
    static let roleArn = "arn:aws:iam::123456789012:role/sfn-test"

    @Test(.enabled(if: MotoServer.executable != nil, "moto_server is not installed (pip install 'moto[server]')"))
    func stateMachineLifecycle() async throws {
        try await MotoServer.run { url in
            let environment = AWSEnvironment(variables: [:], homeDirectory: nil)
            let client = try StepFunctionsTarget.endpoint(url: url).makeClient(
                in: environment, retryPolicy: RetryPolicy(maxAttempts: 2), timeout: .seconds(20))

            let created = try await client.createStateMachine(
                CreateStateMachineInput(name: "orders", definition: Self.definition, roleArn: Self.roleArn))
            #expect(created.stateMachineArn.name == "orders")

            let described = try await client.describeStateMachine(
                DescribeStateMachineInput(stateMachineArn: created.stateMachineArn))
            #expect(described.name == "orders")
            #expect(described.definition == Self.definition)
            #expect(described.roleArn == Self.roleArn)

            // moto leaves `type` out of list items; the client reads it as STANDARD.
            let listed = try await client.listStateMachines(ListStateMachinesInput())
            #expect(listed.stateMachines.map(\.stateMachineArn) == [created.stateMachineArn])
            #expect(listed.stateMachines.map(\.type) == [.standard])

            let started = try await client.startExecution(
                StartExecutionInput(stateMachineArn: created.stateMachineArn, name: "run-1", input: #"{"id":7}"#))
            let execution = try await client.describeExecution(
                DescribeExecutionInput(executionArn: started.executionArn))
            #expect(execution.stateMachineArn == created.stateMachineArn)
            #expect(execution.name == "run-1")
            #expect(execution.input == #"{"id":7}"#)
            #expect([.running, .succeeded].contains(execution.status))

            let missing = try StateMachineARN(parsing: "arn:aws:states:us-east-1:123456789012:stateMachine:missing")
            do {
                _ = try await client.describeStateMachine(DescribeStateMachineInput(stateMachineArn: missing))
                Issue.record("expected StateMachineDoesNotExist")
            } catch let error as StepFunctionsError {
                #expect(error.code == .stateMachineDoesNotExist)
                #expect(error.message.contains("missing"), "\(error.message)")
            }

            _ = try await client.deleteStateMachine(DeleteStateMachineInput(stateMachineArn: created.stateMachineArn))
            let afterDelete = try await client.listStateMachines(ListStateMachinesInput())
            #expect(afterDelete.stateMachines.isEmpty)
        }
    }

    /// Needs no server: a free loopback port refuses the connection.
    @Test func unreachableEndpointIsServiceUnavailable() async throws {
        let port = try MotoServer.freePort()
        let sleeps = RecordingSleeper()
        let client = try StepFunctionsTarget.endpoint(url: "http://127.0.0.1:\(port)").makeClient(
            in: AWSEnvironment(variables: [:], homeDirectory: nil),
            retryPolicy: RetryPolicy(maxAttempts: 3, sleep: { sleeps.sleep($0) }), timeout: .seconds(1))
        do {
            _ = try await client.listStateMachines(ListStateMachinesInput())
            Issue.record("expected a connection failure")
        } catch {
            #expect(error.code == .serviceUnavailable)
            #expect(error.message.contains("127.0.0.1:\(port)"))
        }
        #expect(sleeps.waits.count == 2)
    }
}
