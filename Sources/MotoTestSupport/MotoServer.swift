import AWSClient
import Foundation
import StepFunctionsAPI

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A `moto_server` subprocess on a free loopback port, for tests against a real AWS JSON 1.0
/// endpoint. `run` always stops the server, whether the body passes, fails or throws.
///
/// A library target rather than a file in each test target, because both the AWS client's
/// and the deployment's tests drive moto, and test targets cannot import one another.
public struct MotoServer {
    /// `moto_server` on the PATH, or `nil` (the tests are then skipped).
    public static let executable: String? = {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
        return path.split(separator: ":").map { "\($0)/moto_server" }.first {
            FileManager.default.isExecutableFile(atPath: $0)
        }
    }()

    /// Starts the server, waits until it answers, runs `body` with its URL, then stops it.
    /// `environment` adds variables (moto reads its settings from there).
    public static func run(environment: [String: String] = [:], _ body: (String) async throws -> Void) async throws {
        guard let executable else { throw MotoError("moto_server is not installed") }
        let port = try freePort()
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = ["-H", "127.0.0.1", "-p", String(port)]
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        let url = "http://127.0.0.1:\(port)"
        do {
            try await waitUntilReady(url, process: process)
            try await body(url)
        } catch {
            stop(process)
            throw error
        }
        stop(process)
    }

    /// SIGKILL rather than `terminate()`'s SIGTERM: the test runner's blocked signal mask is
    /// inherited by the child, so SIGTERM may never arrive, and moto has nothing to flush.
    private static func stop(_ process: Process) {
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
    }

    /// Polls with a real API call (no retries) until moto answers, for up to 60 seconds:
    /// importing moto takes seconds on a busy machine.
    private static func waitUntilReady(_ url: String, process: Process) async throws {
        let transport = HTTPTransport(
            endpoint: try StepFunctionsEndpoint.custom(url: url, region: "us-east-1"), credentials: .emulator,
            timeout: .seconds(5))
        let client = StepFunctionsClient(transport: transport)
        let deadline = ContinuousClock.now + .seconds(60)
        while ContinuousClock.now < deadline {
            guard process.isRunning else {
                throw MotoError("moto_server exited with status \(process.terminationStatus)")
            }
            do {
                _ = try await client.listStateMachines(ListStateMachinesInput())
                return
            } catch {
                try await Task.sleep(for: .milliseconds(200))
            }
        }
        throw MotoError("moto_server did not answer on \(url) within 60 seconds")
    }

    /// A TCP port on 127.0.0.1 that the kernel says is free (bind to port 0, read it, close).
    public static func freePort() throws -> Int {
        #if canImport(Glibc)
            let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #else
            let fd = socket(AF_INET, SOCK_STREAM, 0)
        #endif
        guard fd >= 0 else { throw MotoError("socket() failed") }
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { socketAddress in
                bind(fd, socketAddress, length) == 0 && getsockname(fd, socketAddress, &length) == 0
            }
        }
        guard bound else { throw MotoError("cannot bind a loopback port") }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    public struct MotoError: Error, CustomStringConvertible {
        public var description: String
        public init(_ description: String) { self.description = description }
    }
}
