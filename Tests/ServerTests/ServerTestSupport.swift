import HTTPTypes
import Hummingbird
import HummingbirdTesting
import JSONValue
import Logging
import Server
import StepFunctionsAPI
import Testing

/// The two ways every server test runs, as STYLE.md asks: against the router in memory, and
/// against a live server over loopback (real sockets, real HTTP/1.1 parsing).
enum Mode: String, CaseIterable, Sendable {
    case router
    case live

    var setup: TestingSetup { self == .router ? .router : .live }
}

extension HTTPField.Name {
    static let amzTarget = HTTPField.Name("X-Amz-Target")!
    static let amznRequestId = HTTPField.Name("x-amzn-RequestId")!
}

/// A logger that drops everything, so test output stays readable.
let quietLogger = Logger(label: "sfn.serve.test") { _ in SwiftLogNoOpLogHandler() }

/// A server in front of `service` with a quiet logger.
func makeServer(
    _ service: ScriptedService = ScriptedService(),
    configuration: ServerConfiguration = ServerConfiguration(),
    logger: Logger = quietLogger,
    signatureVerifier: any SignatureVerifying = AcceptingAnySignature()
) -> StepFunctionsServer<ScriptedService> {
    StepFunctionsServer(
        service: service, configuration: configuration, logger: logger, signatureVerifier: signatureVerifier)
}

/// POSTs `body` to `/` as an SDK would; `target` nil leaves the header out.
func call(
    _ client: some TestClientProtocol, target: String?, body: String,
    contentType: String? = "application/x-amz-json-1.0", extraHeaders: HTTPFields = [:]
) async throws -> TestResponse {
    var headers = extraHeaders
    if let target { headers[.amzTarget] = target }
    if let contentType { headers[.contentType] = contentType }
    return try await client.execute(uri: "/", method: .post, headers: headers, body: ByteBuffer(string: body))
}

/// `call` for an action of the API.
func call(
    _ client: some TestClientProtocol, _ action: StepFunctionsAction, _ body: String
) async throws -> TestResponse {
    try await call(client, target: action.target, body: body)
}

/// The response body as JSON, or nil when it is not JSON.
func json(_ response: TestResponse) -> JSON? {
    try? JSON.parse(String(buffer: response.body))
}

/// Checks an AWS error response: the status, AWS's content type, a request ID, and a body
/// `{"__type": type, "message": …}` with a message that is not empty.
func expectAWSError(
    _ response: TestResponse, status: HTTPResponse.Status, type: String,
    messageContains fragment: String? = nil, sourceLocation: Testing.SourceLocation = #_sourceLocation
) {
    #expect(response.status == status, sourceLocation: sourceLocation)
    #expect(response.headers[.contentType] == "application/x-amz-json-1.0", sourceLocation: sourceLocation)
    #expect(response.headers[.amznRequestId]?.isEmpty == false, sourceLocation: sourceLocation)
    let body = json(response)?.objectValue
    #expect(body?["__type"] == .string(type), "body: \(String(buffer: response.body))", sourceLocation: sourceLocation)
    guard case .string(let message) = body?["message"] else {
        Issue.record("no message in \(String(buffer: response.body))", sourceLocation: sourceLocation)
        return
    }
    #expect(!message.isEmpty, sourceLocation: sourceLocation)
    if let fragment {
        #expect(message.contains(fragment), "message: \(message)", sourceLocation: sourceLocation)
    }
}

/// A CreateStateMachine body for `name`.
func createBody(_ name: String) -> String {
    #"{"name":"\#(name)","definition":"{\"StartAt\":\"Done\",\"States\":{\"Done\":{\"Type\":\"Succeed\"}}}","roleArn":"arn:aws:iam::123456789012:role/sfn"}"#
}
