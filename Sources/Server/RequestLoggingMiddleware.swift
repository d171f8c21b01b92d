import HTTPTypes
import Hummingbird
import Logging
import StepFunctionsAPI

/// Gives every response its `x-amzn-RequestId`, turns anything Hummingbird throws (no such
/// route, a refused body) into AWS's error shape, and logs one structured line per request.
///
/// It wraps the whole router, unknown paths included, so a client never sees a response
/// without a request ID or with an HTML or plain-text error body. The log line carries the
/// request ID, method, path, action, status and duration; never the body (user data, task
/// tokens) nor the `Authorization` header (credentials).
///
/// The line is logged at `debug` (`sfn serve --log-level debug` shows it), and at `warning`
/// when the server failed (a 5xx): at thousands of requests a second, writing a line each to
/// the terminal cost more than the rest of the server's HTTP work together, and a client
/// already sees each answer and its request ID. Below `debug` nothing is built: swift-log
/// evaluates the metadata only for a level that is logged.
struct RequestLoggingMiddleware<Context: RequestContext>: RouterMiddleware {
    let logger: Logger

    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        let requestID = RequestID().description
        let start = ContinuousClock.now
        var response: Response
        do {
            response = try await next(request, context)
        } catch {
            response = Self.response(for: error, request: request)
        }
        response.headers[.amznRequestId] = requestID
        let level: Logger.Level = response.status.code >= 500 ? .warning : .debug
        guard logger.logLevel <= level else { return response }
        let elapsed = ContinuousClock.now - start
        logger.log(
            level: level, "request",
            metadata: [
                "request-id": .string(requestID),
                "method": .string(request.method.rawValue),
                "path": .string(request.uri.path),
                "action": .string(Self.actionName(request)),
                "status": .stringConvertible(response.status.code),
                "duration-ms": .string(Self.milliseconds(elapsed)),
            ])
        return response
    }

    /// AWS's error for a failure outside an action: a path or method the API does not have, or
    /// an error Hummingbird raised. Unexpected errors are ours, `InternalFailure`.
    static func response(for error: any Error, request: Request) -> Response {
        if let error = error as? any HTTPResponseError {
            switch error.status {
            case .notFound where request.uri.path == "/":
                return APIResponse.error(.methodNotAllowed(request.method.rawValue), status: .methodNotAllowed)
            case .notFound:
                return APIResponse.error(.noSuchPath(request.uri.path), status: .notFound)
            case .contentTooLarge:
                return APIResponse.error(.requestTooLarge(limit: nil))
            default:
                return APIResponse.error(
                    StepFunctionsError(.validationException, "Request refused: \(error.status)"), status: error.status)
            }
        }
        return APIResponse.error(.internalFailure("Unexpected server error; please report it: \(error)"))
    }

    /// The action a request named, for the log: only a known action's name, so that nothing a
    /// client typed reaches the log unchecked; `-` when it named none.
    static func actionName(_ request: Request) -> String {
        guard let target = request.headers[.amzTarget] else { return "-" }
        return (try? StepFunctionsAction(target: target))?.rawValue ?? "unknown"
    }

    /// Milliseconds with microsecond precision: `12.345`.
    static func milliseconds(_ duration: Duration) -> String {
        let (seconds, attoseconds) = duration.components
        let microseconds = seconds * 1_000_000 + attoseconds / 1_000_000_000_000
        let fraction = String(microseconds % 1000)
        return "\(microseconds / 1000).\(String(repeating: "0", count: 3 - fraction.count))\(fraction)"
    }
}
