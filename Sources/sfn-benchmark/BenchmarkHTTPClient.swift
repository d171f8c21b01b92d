import AsyncHTTPClient
import NIOCore
import NIOHTTP1
import StepFunctionsAPI

/// One caller's HTTP client in `--serve`: its own `LeanHTTPConnection` (the default), or a
/// shared AsyncHTTPClient (`--client ahc`, what the figures before the lean client used).
enum BenchmarkHTTPClient: Sendable {
    case lean(LeanHTTPConnection)
    case asyncHTTPClient(HTTPClient, url: String)

    /// `count` clients of `host:port`: a connection each, or one AsyncHTTPClient for all.
    static func pool(count: Int, host: String, port: Int, asyncHTTPClient: Bool) async throws -> [BenchmarkHTTPClient] {
        if asyncHTTPClient {
            var configuration = HTTPClient.Configuration()
            configuration.connectionPool.concurrentHTTP1ConnectionsPerHostSoftLimit = 128
            let client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
            return Array(repeating: .asyncHTTPClient(client, url: "http://\(host):\(port)"), count: count)
        }
        var clients: [BenchmarkHTTPClient] = []
        for _ in 0..<count { clients.append(.lean(try await LeanHTTPConnection.connect(host: host, port: port))) }
        return clients
    }

    /// One AWS JSON 1.0 request; a non-200 answer is a failure of the run.
    func post(_ action: StepFunctionsAction, _ body: [UInt8]) async throws -> [UInt8] {
        let (status, bytes) = try await exchange(
            method: .POST, path: "/",
            headers: [("Content-Type", "application/x-amz-json-1.0"), ("X-Amz-Target", action.target)], body: body)
        guard status == 200 else {
            throw BenchmarkFailure("\(action.rawValue): HTTP \(status) \(String(decoding: bytes, as: UTF8.self))")
        }
        return bytes
    }

    /// `GET /health`; a non-200 answer is a failure of the run.
    func health() async throws {
        let (status, _) = try await exchange(method: .GET, path: "/health", headers: [], body: nil)
        guard status == 200 else { throw BenchmarkFailure("GET /health: HTTP \(status)") }
    }

    func close() async {
        switch self {
        case .lean(let connection): await connection.close()
        case .asyncHTTPClient(let client, _): try? await client.shutdown()
        }
    }

    private func exchange(
        method: HTTPMethod, path: String, headers: [(String, String)], body: [UInt8]?
    ) async throws -> (UInt, [UInt8]) {
        switch self {
        case .lean(let connection):
            let response = method == .GET
                ? try await connection.get(path)
                : try await connection.post(path, headers: headers, body: body ?? [])
            return (response.status.code, Array(response.body.readableBytesView))
        case .asyncHTTPClient(let client, let url):
            var request = HTTPClientRequest(url: url + path)
            request.method = method
            for (name, value) in headers { request.headers.add(name: name, value: value) }
            if let body { request.body = .bytes(ByteBuffer(bytes: body)) }
            let response = try await client.execute(request, timeout: .seconds(30))
            return (response.status.code, Array(try await response.body.collect(upTo: 1 << 20).readableBytesView))
        }
    }
}
