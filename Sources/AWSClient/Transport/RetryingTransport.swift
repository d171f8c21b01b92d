import StepFunctionsAPI

/// Sends through another transport and retries what `RetryPolicy` calls transient.
///
/// A separate layer rather than part of `HTTPTransport`, so the policy is tested with a scripted
/// transport (no sockets) and applies to any transport. After the last attempt the caller sees
/// the final response or error unchanged, so AWS's own error reaches the user.
public struct RetryingTransport<Base: StepFunctionsTransport>: StepFunctionsTransport {
    public let base: Base
    public let policy: RetryPolicy

    public init(base: Base, policy: RetryPolicy = RetryPolicy()) {
        self.base = base
        self.policy = policy
    }

    public func send(_ request: StepFunctionsTransportRequest) async throws(StepFunctionsError)
        -> StepFunctionsTransportResponse
    {
        var retry = 0
        while true {
            let isLastAttempt = retry + 1 >= policy.maxAttempts
            do {
                let response = try await base.send(request)
                if isLastAttempt || !policy.shouldRetry(response) { return response }
            } catch {
                if isLastAttempt || !policy.shouldRetry(error) { throw error }
            }
            do {
                try await policy.sleep(policy.delay(beforeRetry: retry))
            } catch {
                throw StepFunctionsError(.serviceUnavailable, "The \(request.action.rawValue) request was cancelled")
            }
            retry += 1
        }
    }
}
