import StepFunctionsAPI

/// When and how long to wait before sending a request again: exponential backoff with full
/// jitter, on throttling, 5xx and connection failures only.
///
/// Client errors (4xx other than throttling) are never retried: the same request would fail the
/// same way. The random source and the sleep are injectable so tests run the whole policy
/// without real time passing.
public struct RetryPolicy: Sendable {
    /// Total attempts, the first included (AWS's "standard" retry mode uses 3; sfn uses 5 since a
    /// deploy that fails half-way costs more than a few seconds).
    public var maxAttempts: Int
    /// The cap of the first retry's delay; each later retry doubles it.
    public var baseDelay: Duration
    /// No single wait is longer than this.
    public var maxDelay: Duration
    /// A uniformly random number in `0...1`.
    public var random: @Sendable () -> Double
    /// Waits for a duration (`Task.sleep` unless a test replaces it).
    public var sleep: @Sendable (Duration) async throws -> Void

    public init(
        maxAttempts: Int = 5, baseDelay: Duration = .milliseconds(100), maxDelay: Duration = .seconds(20),
        random: @escaping @Sendable () -> Double = { Double.random(in: 0...1) },
        sleep: @escaping @Sendable (Duration) async throws -> Void = { try await Task.sleep(for: $0) }
    ) {
        self.maxAttempts = max(1, maxAttempts)
        self.baseDelay = baseDelay
        self.maxDelay = maxDelay
        self.random = random
        self.sleep = sleep
    }

    /// One attempt and no waiting.
    public static let none = RetryPolicy(maxAttempts: 1)

    /// Error codes that mean "slow down", across AWS services (botocore's list plus Step
    /// Functions' KMS throttling): retried although they arrive with a 400.
    public static let throttlingCodes: Set<String> = [
        "Throttling", "ThrottlingException", "ThrottledException", "RequestThrottledException",
        "TooManyRequestsException", "ProvisionedThroughputExceededException", "TransactionInProgressException",
        "RequestLimitExceeded", "BandwidthLimitExceeded", "LimitExceededException", "RequestThrottled", "SlowDown",
        "PriorRequestNotComplete", "EC2ThrottledException", "KmsThrottlingException",
    ]

    /// Transient failures AWS reports with a 4xx status.
    public static let transientCodes: Set<String> = ["RequestTimeout", "RequestTimeoutException", "IDPCommunicationError"]

    /// Whether a response should be retried: any 5xx, 429, or an error body naming throttling.
    public func shouldRetry(_ response: StepFunctionsTransportResponse) -> Bool {
        if (200..<300).contains(response.status) { return false }
        if response.status >= 500 || response.status == 429 { return true }
        let code = StepFunctionsError(responseBody: response.body, httpStatus: response.status).code.rawValue
        return RetryPolicy.throttlingCodes.contains(code) || RetryPolicy.transientCodes.contains(code)
    }

    /// Whether a thrown transport error should be retried: a failure to connect or a timeout
    /// (`ServiceUnavailable`) and the other retryable codes.
    public func shouldRetry(_ error: StepFunctionsError) -> Bool {
        error.code.isRetryable || RetryPolicy.throttlingCodes.contains(error.code.rawValue)
    }

    /// The wait before retry number `retry` (0 for the first): uniform in
    /// `0 ... min(maxDelay, baseDelay · 2^retry)` ("full jitter"), which spreads clients that
    /// were throttled together instead of having them retry in lockstep.
    public func delay(beforeRetry retry: Int) -> Duration {
        let cap = min(maxDelay, baseDelay * Int(1 << min(retry, 30)))
        return cap * min(1, max(0, random()))
    }
}
