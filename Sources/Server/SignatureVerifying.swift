import HTTPTypes
import StepFunctionsAPI

/// Decides whether a request's SigV4 `Authorization` is acceptable, before it is dispatched.
///
/// The hook for a future `--verify-signatures` mode: a verifier sees the request head and the
/// exact body bytes (SigV4 signs the body's SHA-256) and throws AWS's error for a bad signature
/// (`IncompleteSignature`, `InvalidSignatureException`, `UnrecognizedClientException`).
/// Until then `AcceptingAnySignature` accepts every request, as emulators do, so SDKs configured
/// with dummy credentials work.
public protocol SignatureVerifying: Sendable {
    func verify(_ head: HTTPRequest, body: [UInt8]) throws(StepFunctionsError)
}

/// Accepts every request, signed or not, and never looks at the `Authorization` header.
public struct AcceptingAnySignature: SignatureVerifying {
    public init() {}

    public func verify(_ head: HTTPRequest, body: [UInt8]) throws(StepFunctionsError) {}
}
