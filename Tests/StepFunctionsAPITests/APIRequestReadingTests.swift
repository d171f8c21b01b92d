import JSONValue
import StepFunctionsAPI
import Testing

/// The requests read without `Codable` (StartExecution, StartSyncExecution, DescribeExecution)
/// read as `Codable` reads them: the same value for a valid body, the same AWS error for an
/// invalid one (which the fast path leaves to `Codable`).
@Suite struct APIRequestReadingTests {
    static let machine = "arn:aws:states:us-east-1:123456789012:stateMachine:Orders"
    static let execution = "arn:aws:states:us-east-1:123456789012:execution:Orders:run-1"

    private func both<T: Decodable & Equatable>(_ type: T.Type, _ body: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let bytes = Array(body.utf8)
        let read = Result { () throws(StepFunctionsError) -> T in try APICoding.decodeRequest(T.self, from: bytes) }
        let decoded = Result { () throws(StepFunctionsError) -> T in
            do {
                return try APICoding.strictDecoder.decode(T.self, from: try JSON.parse(utf8: bytes))
            } catch {
                throw APICoding.apiError(from: error)
            }
        }
        switch (read, decoded) {
        case (.success(let a), .success(let b)):
            #expect(a == b, sourceLocation: sourceLocation)
        case (.failure(let a), .failure(let b)):
            #expect(a.code == b.code && a.message == b.message, sourceLocation: sourceLocation)
        default:
            Issue.record("read \(read), Codable decoded \(decoded)", sourceLocation: sourceLocation)
        }
    }

    @Test(arguments: [
        #"{"stateMachineArn":"\#(machine)"}"#,
        #"{"stateMachineArn":"\#(machine):live","name":"n","input":"{\"a\":1}","traceHeader":"t","extra":5}"#,
        #"{"stateMachineArn":"\#(machine):3#HappyPath","name":null,"input":null}"#,
        #"{"stateMachineArn":"\#(machine)","includedData":"METADATA_ONLY"}"#,
        #"{"stateMachineArn":"\#(machine)","includedData":null}"#,
        // Each of these is invalid; the error must be Codable's.
        #"{}"#,
        #"{"stateMachineArn":5}"#,
        #"{"stateMachineArn":"arn:aws:states:us-east-1:123:stateMachine:Orders"}"#,
        #"{"stateMachineArn":"\#(execution)"}"#,
        #"{"stateMachineArn":"\#(machine)","name":7}"#,
        #"{"stateMachineArn":"\#(machine)","input":{"a":1}}"#,
        #"{"stateMachineArn":"\#(machine)","traceHeader":false}"#,
        #"{"stateMachineArn":"\#(machine)","includedData":"EVERYTHING"}"#,
        #"{"stateMachineArn":"\#(machine)","includedData":1}"#,
    ])
    func startRequestsReadAsCodableReadsThem(body: String) {
        both(StartExecutionInput.self, body)
        both(StartSyncExecutionInput.self, body)
    }

    /// The members each fast path reads; a member added to one of these types makes this fail
    /// until `APIRequestReading` reads it too (and the bodies above carry it).
    @Test func everyMemberIsRead() throws {
        let machine = try StateMachineARN(parsing: Self.machine)
        #expect(Mirror(reflecting: StartExecutionInput(stateMachineArn: machine)).children.map(\.label)
            == ["stateMachineArn", "name", "input", "traceHeader"])
        #expect(Mirror(reflecting: StartSyncExecutionInput(stateMachineArn: machine)).children.map(\.label)
            == ["stateMachineArn", "name", "input", "traceHeader", "includedData"])
        #expect(Mirror(reflecting: DescribeExecutionInput(executionArn: try ExecutionARN(parsing: Self.execution))).children.map(\.label)
            == ["executionArn", "includedData"])
    }

    @Test(arguments: [
        #"{"executionArn":"\#(execution)"}"#,
        #"{"executionArn":"arn:aws:states:us-east-1:123456789012:express:Orders:run-1:abc","includedData":"ALL_DATA"}"#,
        #"{"executionArn":"\#(machine)"}"#,
        #"{"executionArn":null}"#,
        #"{"executionArn":"\#(execution)","includedData":"SOME"}"#,
    ])
    func describeRequestsReadAsCodableReadsThem(body: String) {
        both(DescribeExecutionInput.self, body)
    }
}
