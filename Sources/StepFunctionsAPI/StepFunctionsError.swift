/// An error of the Step Functions API, as AWS reports it: a `code` (the `__type` of the JSON
/// error body, which the SDKs turn into exception classes) and a `message`.
///
/// This is the one error every `StepFunctionsService` throws, so that the embedded engine,
/// an HTTP client to AWS or an emulator, and `sfn serve` agree on what a failure looks like.
/// A workflow failing at run time is *not* one of these: it is data (`status: FAILED`, `error`,
/// `cause`) in `DescribeExecution`.
public struct StepFunctionsError: Error, Hashable, Sendable, CustomStringConvertible {
    /// AWS's error name, e.g. `StateMachineDoesNotExist`.
    public var code: Code
    /// The human explanation; AWS's wording where we know it.
    public var message: String
    /// `ValidationException` only: AWS's machine-readable reason
    /// (`API_DOES_NOT_SUPPORT_LABELED_ARNS`, `MISSING_REQUIRED_PARAMETER`,
    /// `CANNOT_UPDATE_COMPLETED_MAP_RUN`, `INVALID_ROUTING_CONFIGURATION`).
    public var reason: String?
    /// `ResourceNotFound` and `TooManyTags`: the ARN the error is about.
    public var resourceName: String?

    public init(_ code: Code, _ message: String, reason: String? = nil, resourceName: String? = nil) {
        self.code = code
        self.message = message
        self.reason = reason
        self.resourceName = resourceName
    }

    /// The HTTP status AWS answers with for this error.
    public var httpStatus: Int { code.httpStatus }

    public var description: String { "\(code.rawValue): \(message)" }
}

extension StepFunctionsError {
    /// An AWS error name. Open rather than an enum: AWS adds errors, and a client must still
    /// carry an unknown `__type` through to the user.
    public struct Code: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
        public var rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }
        public init(_ rawValue: String) { self.rawValue = rawValue }
        public var description: String { rawValue }

        // Errors of the Step Functions actions (API reference, "Errors" of each action).
        public static let activityAlreadyExists = Code("ActivityAlreadyExists")
        public static let activityDoesNotExist = Code("ActivityDoesNotExist")
        public static let activityLimitExceeded = Code("ActivityLimitExceeded")
        public static let activityWorkerLimitExceeded = Code("ActivityWorkerLimitExceeded")
        public static let conflictException = Code("ConflictException")
        public static let executionAlreadyExists = Code("ExecutionAlreadyExists")
        public static let executionDoesNotExist = Code("ExecutionDoesNotExist")
        public static let executionLimitExceeded = Code("ExecutionLimitExceeded")
        public static let executionNotRedrivable = Code("ExecutionNotRedrivable")
        public static let invalidArn = Code("InvalidArn")
        public static let invalidDefinition = Code("InvalidDefinition")
        public static let invalidEncryptionConfiguration = Code("InvalidEncryptionConfiguration")
        public static let invalidExecutionInput = Code("InvalidExecutionInput")
        public static let invalidLoggingConfiguration = Code("InvalidLoggingConfiguration")
        public static let invalidName = Code("InvalidName")
        public static let invalidOutput = Code("InvalidOutput")
        public static let invalidToken = Code("InvalidToken")
        public static let invalidTracingConfiguration = Code("InvalidTracingConfiguration")
        public static let kmsAccessDeniedException = Code("KmsAccessDeniedException")
        public static let kmsInvalidStateException = Code("KmsInvalidStateException")
        public static let kmsThrottlingException = Code("KmsThrottlingException")
        public static let missingRequiredParameter = Code("MissingRequiredParameter")
        public static let resourceNotFound = Code("ResourceNotFound")
        public static let serviceQuotaExceededException = Code("ServiceQuotaExceededException")
        public static let stateMachineAlreadyExists = Code("StateMachineAlreadyExists")
        public static let stateMachineDeleting = Code("StateMachineDeleting")
        public static let stateMachineDoesNotExist = Code("StateMachineDoesNotExist")
        public static let stateMachineLimitExceeded = Code("StateMachineLimitExceeded")
        public static let stateMachineTypeNotSupported = Code("StateMachineTypeNotSupported")
        public static let taskDoesNotExist = Code("TaskDoesNotExist")
        public static let taskTimedOut = Code("TaskTimedOut")
        public static let tooManyTags = Code("TooManyTags")
        public static let validationException = Code("ValidationException")

        // Errors common to every AWS JSON 1.0 service (protocol, authentication, throttling).
        public static let accessDeniedException = Code("AccessDeniedException")
        public static let incompleteSignature = Code("IncompleteSignature")
        public static let internalFailure = Code("InternalFailure")
        public static let invalidClientTokenId = Code("InvalidClientTokenId")
        public static let requestEntityTooLarge = Code("RequestEntityTooLargeException")
        public static let serializationException = Code("SerializationException")
        public static let serviceUnavailable = Code("ServiceUnavailable")
        public static let throttlingException = Code("ThrottlingException")
        public static let unknownOperationException = Code("UnknownOperationException")
        public static let unrecognizedClientException = Code("UnrecognizedClientException")

        /// AWS answers every client error of this API with 400 (throttling and authentication
        /// included, as the JSON 1.0 protocol does); only its own failures are 5xx, and a body
        /// over the request limit is 413.
        public var httpStatus: Int {
            switch self {
            case .internalFailure: 500
            case .serviceUnavailable: 503
            case .requestEntityTooLarge: 413
            default: 400
            }
        }

        /// Whether a client should retry the same request after a pause.
        public var isRetryable: Bool {
            self == .throttlingException || self == .internalFailure || self == .serviceUnavailable
                || self == .kmsThrottlingException
        }
    }
}

extension StepFunctionsError.Code: Codable {
    public init(from decoder: any Decoder) throws {
        self.init(try decoder.singleValueContainer().decode(String.self))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}
