import HTTPTypes
import HummingbirdTesting
import Logging
import Server
import StepFunctionsAPI
import Testing

/// The request line's level and the request IDs: what `RequestLoggingMiddleware` promises
/// beyond the line's fields (`ActionEndpointTests` checks those).
@Suite struct RequestLoggingMiddlewareTests {
    @Test(arguments: Mode.allCases)
    func requestIDsAreDistinctLowerCaseUUIDs(mode: Mode) async throws {
        let ids = try await makeServer().application().test(mode.setup) { client in
            var ids: [String] = []
            for _ in 0..<20 {
                let response = try await call(client, .listStateMachines, "{}")
                ids.append(response.headers[.amznRequestId] ?? "")
            }
            return ids
        }
        #expect(Set(ids).count == 20)
        for id in ids {
            let groups = id.split(separator: "-", omittingEmptySubsequences: false).map(\.count)
            #expect(groups == [8, 4, 4, 4, 12], "\(id)")
            #expect(id.allSatisfy { $0 == "-" || ("0"..."9").contains($0) || ("a"..."f").contains($0) }, "\(id)")
        }
    }

    @Test(arguments: Mode.allCases)
    func eachRequestIsLoggedAtDebug(mode: Mode) async throws {
        let records = LogRecords()
        try await makeServer(logger: records.logger()).application().test(mode.setup) { client in
            _ = try await call(client, .listStateMachines, "{}")
            _ = try await call(client, target: "AWSStepFunctions.Nope", body: "{}")
        }
        let lines = records.all.filter { $0.message == "request" }
        #expect(lines.map(\.level) == [.debug, .debug])
    }

    @Test(arguments: Mode.allCases)
    func aServerFailureIsLoggedAtWarning(mode: Mode) async throws {
        let records = LogRecords()
        let server = makeServer(logger: records.logger(), signatureVerifier: FailingVerifier())
        try await server.application().test(mode.setup) { client in
            let response = try await call(client, .listStateMachines, "{}")
            #expect(response.status == .internalServerError)
        }
        let lines = records.all.filter { $0.message == "request" }
        #expect(lines.map(\.level) == [.warning])
        #expect(lines.first?.metadata["status"]?.description == "500")
    }

    @Test(arguments: Mode.allCases)
    func anInfoLoggerGetsNoLinePerRequest(mode: Mode) async throws {
        let records = LogRecords()
        var logger = records.logger()
        logger.logLevel = .info
        try await makeServer(logger: logger).application().test(mode.setup) { client in
            let response = try await call(client, .listStateMachines, "{}")
            #expect(response.status == .ok)
        }
        #expect(records.all.filter { $0.message == "request" }.isEmpty)
    }
}

/// A verifier that fails as the server itself would: `InternalFailure`, a 500.
private struct FailingVerifier: SignatureVerifying {
    func verify(_ head: HTTPRequest, body: [UInt8]) throws(StepFunctionsError) {
        throw .internalFailure("the verifier broke")
    }
}
