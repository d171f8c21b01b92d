import StepFunctionsAPI

/// The errors of the HTTP protocol layer, before any action runs: worded here, once, so the
/// endpoint and the middleware say the same thing. Codes are AWS's, so an SDK raises the class
/// its users would catch against AWS (`UnknownOperationException` for an unusable target,
/// `RequestEntityTooLargeException` for an oversized body).
extension StepFunctionsError {
    static let missingTarget = StepFunctionsError(
        .unknownOperationException, "Missing X-Amz-Target header: name the action as 'AWSStepFunctions.<Action>'")

    static func unsupportedContentType(_ contentType: String) -> StepFunctionsError {
        StepFunctionsError(
            .unknownOperationException,
            "Unsupported Content-Type '\(contentType)': send 'application/x-amz-json-1.0'")
    }

    /// `limit` is nil when the refusal came from below the endpoint and the limit is not known.
    static func requestTooLarge(limit: Int?) -> StepFunctionsError {
        StepFunctionsError(
            .requestEntityTooLarge,
            limit.map { "Request size exceeds the maximum of \($0) bytes allowed for one request" }
                ?? "Request size exceeds the maximum allowed for one request")
    }

    static func methodNotAllowed(_ method: String) -> StepFunctionsError {
        StepFunctionsError(
            .unknownOperationException, "Method \(method) is not allowed on '/'; the API takes POST")
    }

    static func noSuchPath(_ path: String) -> StepFunctionsError {
        StepFunctionsError(
            .unknownOperationException,
            "No such path '\(path)'; the API takes POST / with an X-Amz-Target header")
    }

    static func unreadableBody(_ error: any Error) -> StepFunctionsError {
        StepFunctionsError(.serializationException, "Cannot read the request body: \(error)")
    }
}

/// The errors of `--verify-signatures`, with AWS's codes and wording.
extension StepFunctionsError {
    static let missingAuthenticationToken = StepFunctionsError(
        .init("MissingAuthenticationTokenException"), "Request is missing Authentication Token")

    static let unrecognizedClient = StepFunctionsError(
        .unrecognizedClientException, "The security token included in the request is invalid.")

    static func incompleteSignature(_ message: String) -> StepFunctionsError {
        StepFunctionsError(.incompleteSignature, message)
    }

    static func invalidSignature(_ message: String) -> StepFunctionsError {
        StepFunctionsError(.init("InvalidSignatureException"), message)
    }
}
