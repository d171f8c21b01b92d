import HTTPTypes

/// The header names of the AWS JSON 1.0 protocol.
extension HTTPField.Name {
    /// `X-Amz-Target: AWSStepFunctions.<Action>`: which action a `POST /` invokes.
    static let amzTarget = HTTPField.Name("X-Amz-Target")!
    /// The request ID AWS puts on every response; SDKs show it in errors and logs.
    static let amznRequestId = HTTPField.Name("x-amzn-RequestId")!
}
