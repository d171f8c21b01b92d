// TestState: one state run in isolation.

/// TestState: runs one state (`definition` is the state, or a whole machine with `stateName`) on `input`,
/// with optional `variables`, `context`, a `mock` result or error, and `stateConfiguration` for retries and Map.
public struct TestStateInput: Codable, Hashable, Sendable {
    public var definition: String
    public var roleArn: String?
    public var input: String?
    public var inspectionLevel: InspectionLevel?
    public var revealSecrets: Bool?
    /// A JSON object of variable values.
    public var variables: String?
    public var stateName: String?
    public var mock: MockInput?
    /// A JSON context object.
    public var context: String?
    public var stateConfiguration: TestStateConfiguration?

    public init(
        definition: String,
        roleArn: String? = nil,
        input: String? = nil,
        inspectionLevel: InspectionLevel? = nil,
        revealSecrets: Bool? = nil,
        variables: String? = nil,
        stateName: String? = nil,
        mock: MockInput? = nil,
        context: String? = nil,
        stateConfiguration: TestStateConfiguration? = nil
    ) {
        self.definition = definition
        self.roleArn = roleArn
        self.input = input
        self.inspectionLevel = inspectionLevel
        self.revealSecrets = revealSecrets
        self.variables = variables
        self.stateName = stateName
        self.mock = mock
        self.context = context
        self.stateConfiguration = stateConfiguration
    }
}

/// A mocked task result (a JSON text) or error, instead of calling the integration.
public struct MockInput: Codable, Hashable, Sendable {
    public var result: String?
    public var errorOutput: MockErrorOutput?
    public var fieldValidationMode: MockResponseValidationMode?

    public init(
        result: String? = nil,
        errorOutput: MockErrorOutput? = nil,
        fieldValidationMode: MockResponseValidationMode? = nil
    ) {
        self.result = result
        self.errorOutput = errorOutput
        self.fieldValidationMode = fieldValidationMode
    }
}

/// A mocked task error.
public struct MockErrorOutput: Codable, Hashable, Sendable {
    public var error: String?
    public var cause: String?

    public init(error: String? = nil, cause: String? = nil) {
        self.error = error
        self.cause = cause
    }
}

/// Where in a run the tested state is: the retry attempt, the failing state, Map failures, Map reader data.
public struct TestStateConfiguration: Codable, Hashable, Sendable {
    public var retrierRetryCount: Int?
    public var errorCausedByState: String?
    public var mapIterationFailureCount: Int?
    public var mapItemReaderData: String?

    public init(
        retrierRetryCount: Int? = nil,
        errorCausedByState: String? = nil,
        mapIterationFailureCount: Int? = nil,
        mapItemReaderData: String? = nil
    ) {
        self.retrierRetryCount = retrierRetryCount
        self.errorCausedByState = errorCausedByState
        self.mapIterationFailureCount = mapIterationFailureCount
        self.mapItemReaderData = mapItemReaderData
    }
}

/// TestState's answer.
public struct TestStateOutput: Codable, Hashable, Sendable {
    public var output: String?
    public var error: String?
    public var cause: String?
    public var inspectionData: InspectionData?
    public var nextState: String?
    public var status: TestExecutionStatus?

    public init(
        output: String? = nil,
        error: String? = nil,
        cause: String? = nil,
        inspectionData: InspectionData? = nil,
        nextState: String? = nil,
        status: TestExecutionStatus? = nil
    ) {
        self.output = output
        self.error = error
        self.cause = cause
        self.inspectionData = inspectionData
        self.nextState = nextState
        self.status = status
    }
}

/// The data after each processing step (DEBUG), and the HTTP exchange (TRACE). Every value is a JSON text.
public struct InspectionData: Codable, Hashable, Sendable {
    public var input: String?
    public var afterArguments: String?
    public var afterInputPath: String?
    public var afterParameters: String?
    public var result: String?
    public var afterResultSelector: String?
    public var afterResultPath: String?
    public var request: InspectionDataRequest?
    public var response: InspectionDataResponse?
    public var variables: String?
    public var errorDetails: InspectionErrorDetails?
    public var afterItemsPath: String?
    public var afterItemSelector: String?
    public var afterItemBatcher: String?
    public var afterItemsPointer: String?
    public var toleratedFailureCount: Int?
    public var toleratedFailurePercentage: Double?
    public var maxConcurrency: Int?

    public init(
        input: String? = nil,
        afterArguments: String? = nil,
        afterInputPath: String? = nil,
        afterParameters: String? = nil,
        result: String? = nil,
        afterResultSelector: String? = nil,
        afterResultPath: String? = nil,
        request: InspectionDataRequest? = nil,
        response: InspectionDataResponse? = nil,
        variables: String? = nil,
        errorDetails: InspectionErrorDetails? = nil,
        afterItemsPath: String? = nil,
        afterItemSelector: String? = nil,
        afterItemBatcher: String? = nil,
        afterItemsPointer: String? = nil,
        toleratedFailureCount: Int? = nil,
        toleratedFailurePercentage: Double? = nil,
        maxConcurrency: Int? = nil
    ) {
        self.input = input
        self.afterArguments = afterArguments
        self.afterInputPath = afterInputPath
        self.afterParameters = afterParameters
        self.result = result
        self.afterResultSelector = afterResultSelector
        self.afterResultPath = afterResultPath
        self.request = request
        self.response = response
        self.variables = variables
        self.errorDetails = errorDetails
        self.afterItemsPath = afterItemsPath
        self.afterItemSelector = afterItemSelector
        self.afterItemBatcher = afterItemBatcher
        self.afterItemsPointer = afterItemsPointer
        self.toleratedFailureCount = toleratedFailureCount
        self.toleratedFailurePercentage = toleratedFailurePercentage
        self.maxConcurrency = maxConcurrency
    }
}

/// The HTTP request an HTTP Task sent.
public struct InspectionDataRequest: Codable, Hashable, Sendable {
    public var `protocol`: String?
    public var method: String?
    public var url: String?
    public var headers: String?
    public var body: String?

    public init(
        `protocol`: String? = nil,
        method: String? = nil,
        url: String? = nil,
        headers: String? = nil,
        body: String? = nil
    ) {
        self.`protocol` = `protocol`
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
    }
}

/// The HTTP response an HTTP Task received.
public struct InspectionDataResponse: Codable, Hashable, Sendable {
    public var `protocol`: String?
    public var statusCode: String?
    public var statusMessage: String?
    public var headers: String?
    public var body: String?

    public init(
        `protocol`: String? = nil,
        statusCode: String? = nil,
        statusMessage: String? = nil,
        headers: String? = nil,
        body: String? = nil
    ) {
        self.`protocol` = `protocol`
        self.statusCode = statusCode
        self.statusMessage = statusMessage
        self.headers = headers
        self.body = body
    }
}

/// Which Catcher or Retrier handled the error, and the backoff before the retry.
public struct InspectionErrorDetails: Codable, Hashable, Sendable {
    public var catchIndex: Int?
    public var retryIndex: Int?
    public var retryBackoffIntervalSeconds: Int?

    public init(catchIndex: Int? = nil, retryIndex: Int? = nil, retryBackoffIntervalSeconds: Int? = nil) {
        self.catchIndex = catchIndex
        self.retryIndex = retryIndex
        self.retryBackoffIntervalSeconds = retryBackoffIntervalSeconds
    }
}
