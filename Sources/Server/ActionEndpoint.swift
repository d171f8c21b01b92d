import HTTPTypes
import Hummingbird
import StepFunctionsAPI

/// `POST /`: one AWS JSON 1.0 request in, the action's response or AWS's error out.
///
/// Everything about the protocol that is not the body lives here (the target header, the
/// content type, the size limit, signatures); decoding, calling the service and encoding are
/// StepFunctionsAPI's `dispatch`, so the server and `LoopbackTransport` answer identically.
/// Every failure is answered as AWS answers it and the server goes on serving: nothing derived
/// from a request can end the process.
struct ActionEndpoint<Service: StepFunctionsService>: Sendable {
    let service: Service
    let signatureVerifier: any SignatureVerifying
    let maxRequestBodySize: Int

    func respond(to request: Request) async -> Response {
        do {
            let (action, body) = try await read(request)
            try signatureVerifier.verify(request.head, body: body)
            return APIResponse.success(try await service.dispatch(action, body: body))
        } catch {
            return APIResponse.error(error)
        }
    }

    /// The action and the body of a well-formed request, checked in the order AWS checks:
    /// size (before reading it), target, content type, then the bytes themselves.
    private func read(_ request: Request) async throws(StepFunctionsError) -> (StepFunctionsAction, [UInt8]) {
        if let length = request.headers[.contentLength].flatMap({ Int($0) }), length > maxRequestBodySize {
            throw .requestTooLarge(limit: maxRequestBodySize)
        }
        guard let target = request.headers[.amzTarget], !target.isEmpty else {
            throw .missingTarget
        }
        let action = try StepFunctionsAction(target: target)
        if let contentType = request.headers[.contentType] {
            guard APIResponse.acceptedContentTypes.contains(APIResponse.mediaType(of: contentType)) else {
                throw .unsupportedContentType(contentType)
            }
        }
        return (action, try await body(of: request))
    }

    /// The body, read up to the limit and no further: a client that sends more than it
    /// announced (or announces nothing) is cut off at `maxRequestBodySize` bytes.
    private func body(of request: Request) async throws(StepFunctionsError) -> [UInt8] {
        do {
            let buffer = try await request.body.collect(upTo: maxRequestBodySize)
            return Array(buffer.readableBytesView)
        } catch let error as any HTTPResponseError where error.status == .contentTooLarge {
            throw .requestTooLarge(limit: maxRequestBodySize)
        } catch {
            throw .unreadableBody(error)
        }
    }
}
