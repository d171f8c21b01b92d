import AWSClient
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Server
import StepFunctionsAPI
import Testing

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The server as `sfn serve` runs it: its own `run()` on a free port, real clients, graceful
/// shutdown.
@Suite struct StepFunctionsServerLifecycleTests {
    @Test func portZeroBindsAFreeLoopbackPortAndReportsIt() async throws {
        try await RunningServer.with(ScriptedService()) { server in
            #expect(server.address.host == "127.0.0.1")
            #expect(server.address.port > 0)
            let health = try await TestClient.withClient(host: "127.0.0.1", port: server.address.port) { client in
                try await client.get("/health")
            }
            #expect(health.head.status == .ok)
        }
    }

    /// sfn's own AWS client (AsyncHTTPClient, SigV4-signed with dummy credentials) against the
    /// server: the path `target: {kind: endpoint}` deployments take.
    @Test func stepFunctionsClientOverHTTPRoundTripsResponsesAndErrors() async throws {
        try await RunningServer.with(ScriptedService()) { server in
            let transport = HTTPTransport(
                endpoint: try StepFunctionsEndpoint.custom(url: server.address.endpointURL, region: "us-east-1"),
                credentials: AWSCredentials(accessKeyID: "AKIDTEST", secretAccessKey: "test-secret"),
                timeout: .seconds(10))
            let client = StepFunctionsClient(transport: transport)
            let created = try await client.createStateMachine(
                CreateStateMachineInput(
                    name: "Orders", definition: #"{"StartAt":"A","States":{"A":{"Type":"Succeed"}}}"#,
                    roleArn: "arn:aws:iam::123456789012:role/sfn", type: .express))
            let described = try await client.describeStateMachine(
                DescribeStateMachineInput(stateMachineArn: created.stateMachineArn))
            #expect(described.type == .express)
            #expect(described.creationDate == created.creationDate)
            let listed = try await client.listStateMachines(ListStateMachinesInput())
            #expect(listed.stateMachines.map(\.name) == ["Orders"])

            let missing = ARNScope.local.stateMachine(named: "Missing")
            await #expect(throws: StepFunctionsError.stateMachineDoesNotExist(missing.description)) {
                try await client.describeStateMachine(DescribeStateMachineInput(stateMachineArn: missing))
            }
            await #expect(throws: StepFunctionsError.stateMachineAlreadyExists(created.stateMachineArn.description)) {
                try await client.createStateMachine(
                    CreateStateMachineInput(name: "Orders", definition: "{}", roleArn: "arn:aws:iam::1:role/r"))
            }
        }
    }

    @Test func gracefulShutdownAnswersTheRequestInFlight() async throws {
        let (started, startedContinuation) = AsyncStream.makeStream(of: Void.self)
        var service = ScriptedService()
        service.delay = .milliseconds(300)
        service.started = startedContinuation
        let machine = try await service.createStateMachine(
            CreateStateMachineInput(name: "Slow", definition: "{}", roleArn: "arn:aws:iam::1:role/r"))
        let arn = machine.stateMachineArn.description

        let status = try await RunningServer.with(service) { server in
            try await TestClient.withClient(host: "127.0.0.1", port: server.address.port) { client in
                try await withThrowingTaskGroup(of: HTTPResponse.Status.self) { tasks in
                    tasks.addTask {
                        let response = try await client.post(
                            "/",
                            headers: [HTTPField.Name("X-Amz-Target")!: StepFunctionsAction.describeStateMachine.target],
                            body: ByteBuffer(string: #"{"stateMachineArn":"\#(arn)"}"#))
                        return response.head.status
                    }
                    // Shut down while DescribeStateMachine sleeps inside the service.
                    var iterator = started.makeAsyncIterator()
                    _ = await iterator.next()
                    await server.group.triggerGracefulShutdown()
                    return try await tasks.next() ?? .internalServerError
                }
            }
        }
        #expect(status == .ok)
    }

    /// `runUntilSignalled` stops on its signal. SIGUSR1 stands in for SIGTERM, which would also
    /// stop the servers of tests running in parallel; the group traps the signal before the
    /// server binds, so it never reaches the default handler.
    @Test func runUntilSignalledStopsOnItsSignal() async throws {
        let (addresses, found) = AsyncStream.makeStream(of: ServerAddress.self)
        let server = StepFunctionsServer(
            service: ScriptedService(), configuration: ServerConfiguration(port: 0), logger: quietLogger,
            onRunning: { found.yield($0) })
        try await withThrowingTaskGroup(of: Void.self) { tasks in
            tasks.addTask { try await server.runUntilSignalled(gracefulShutdownSignals: [.sigusr1]) }
            var iterator = addresses.makeAsyncIterator()
            let address = try #require(await iterator.next())
            #expect(address.port > 0)
            kill(getpid(), SIGUSR1)
            try await tasks.waitForAll()
        }
    }
}
