import Foundation
import Server
import Testing

/// The real AWS SDK for Python against the server: what users of `sfn serve` will run. Skipped
/// where `python3` cannot import boto3 (CI installs it; see issue 7).
@Suite struct Boto3Tests {
    static let script = #"""
        import sys
        import boto3
        from botocore.config import Config

        client = boto3.client(
            "stepfunctions", endpoint_url=sys.argv[1], region_name="us-east-1",
            aws_access_key_id="test", aws_secret_access_key="test",
            config=Config(retries={"max_attempts": 1}, connect_timeout=5, read_timeout=10))
        definition = '{"StartAt":"Done","States":{"Done":{"Type":"Succeed"}}}'
        arn = client.create_state_machine(
            name="Orders", definition=definition, roleArn="arn:aws:iam::123456789012:role/sfn")["stateMachineArn"]
        described = client.describe_state_machine(stateMachineArn=arn)
        assert described["name"] == "Orders", described
        assert described["definition"] == definition, described
        assert described["creationDate"].year >= 2024, described
        assert described["ResponseMetadata"]["RequestId"], described
        names = [m["name"] for m in client.list_state_machines()["stateMachines"]]
        assert names == ["Orders"], names
        try:
            client.describe_state_machine(stateMachineArn=arn + "Missing")
            sys.exit("expected StateMachineDoesNotExist")
        except client.exceptions.StateMachineDoesNotExist as error:
            assert "OrdersMissing" in error.response["Error"]["Message"], error.response
        try:
            client.describe_state_machine(stateMachineArn="arn:aws:states:us-east-1:123456789012:activity:A")
            sys.exit("expected InvalidArn")
        except client.exceptions.InvalidArn:
            pass
        print("boto3 ok")
        """#

    /// Whether `python3 -c 'import boto3'` succeeds here.
    static let boto3Available: Bool = {
        guard let result = try? runPython(["-c", "import boto3"]) else { return false }
        return result.status == 0
    }()

    @Test(.enabled(if: boto3Available, "boto3 is not installed"))
    func createDescribeAndCatchStateMachineDoesNotExist() async throws {
        let output = try await RunningServer.with(ScriptedService()) { server in
            let directory = FileManager.default.temporaryDirectory
            let scriptFile = directory.appendingPathComponent("sfn-serve-boto3-\(UUID().uuidString).py")
            try Self.script.write(to: scriptFile, atomically: true, encoding: .utf8)
            defer { try? FileManager.default.removeItem(at: scriptFile) }
            return try await Self.runPythonAsync([scriptFile.path, server.address.endpointURL])
        }
        #expect(output.status == 0, "\(output.text)")
        #expect(output.text.contains("boto3 ok"))
    }

    struct PythonResult: Sendable {
        var status: Int32
        var text: String
    }

    /// Runs python3 with dummy credentials, no proxy for loopback, and no metadata lookups.
    static func makeProcess(_ arguments: [String]) -> (Process, Pipe) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3"] + arguments
        var environment = ProcessInfo.processInfo.environment
        environment["NO_PROXY"] = "127.0.0.1,localhost"
        environment["no_proxy"] = "127.0.0.1,localhost"
        environment["AWS_EC2_METADATA_DISABLED"] = "true"
        environment["AWS_CONFIG_FILE"] = "/dev/null"
        environment["AWS_SHARED_CREDENTIALS_FILE"] = "/dev/null"
        process.environment = environment
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        return (process, pipe)
    }

    static func runPython(_ arguments: [String]) throws -> PythonResult {
        let (process, pipe) = makeProcess(arguments)
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return PythonResult(status: process.terminationStatus, text: String(decoding: data, as: UTF8.self))
    }

    /// `runPython` without blocking a thread of the cooperative pool while the script talks to
    /// the server in this same process.
    static func runPythonAsync(_ arguments: [String]) async throws -> PythonResult {
        let (process, pipe) = makeProcess(arguments)
        try process.run()
        // Read to the end while it runs (a full pipe would stop the script), on a worker thread.
        let data = await withCheckedContinuation { continuation in
            DispatchQueue.global().async {
                let data = pipe.fileHandleForReading.readDataToEndOfFile()
                process.waitUntilExit()
                continuation.resume(returning: data)
            }
        }
        return PythonResult(status: process.terminationStatus, text: String(decoding: data, as: UTF8.self))
    }
}
