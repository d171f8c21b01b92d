/// Carries one AWS JSON 1.0 request to a Step Functions endpoint and brings back the answer.
///
/// An HTTP transport POSTs `body` to `/` with `Content-Type: application/x-amz-json-1.0` and
/// `X-Amz-Target: <target>`, signs it when the endpoint wants that, and returns the status and
/// body whatever the status (the client reads error bodies itself). A failure to reach the
/// endpoint at all is thrown as `ServiceUnavailable` with the cause in the message, so callers
/// see one error type.
public protocol StepFunctionsTransport: Sendable {
    func send(_ request: StepFunctionsTransportRequest) async throws(StepFunctionsError)
        -> StepFunctionsTransportResponse
}

/// One request on the wire.
public struct StepFunctionsTransportRequest: Hashable, Sendable {
    public var action: StepFunctionsAction
    public var body: [UInt8]

    /// The `Content-Type` of every request and response of the protocol.
    public static let contentType = "application/x-amz-json-1.0"

    public init(action: StepFunctionsAction, body: [UInt8]) {
        self.action = action
        self.body = body
    }

    /// The `X-Amz-Target` header value.
    public var target: String { action.target }
}

/// One response on the wire: the HTTP status and the body.
public struct StepFunctionsTransportResponse: Hashable, Sendable {
    public var status: Int
    public var body: [UInt8]

    public init(status: Int, body: [UInt8]) {
        self.status = status
        self.body = body
    }
}

/// A transport that hands requests straight to a service's `dispatch`, in the same process:
/// the client and server halves of the protocol tested together with no sockets.
public struct LoopbackTransport<Service: StepFunctionsService>: StepFunctionsTransport {
    public let service: Service

    public init(service: Service) {
        self.service = service
    }

    public func send(_ request: StepFunctionsTransportRequest) async throws(StepFunctionsError)
        -> StepFunctionsTransportResponse
    {
        do {
            let body = try await service.dispatch(request.action, body: request.body)
            return StepFunctionsTransportResponse(status: 200, body: body)
        } catch {
            return StepFunctionsTransportResponse(status: error.httpStatus, body: error.responseBody)
        }
    }
}
