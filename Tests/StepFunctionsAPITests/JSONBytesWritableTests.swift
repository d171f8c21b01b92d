import JSONValue
import StepFunctionsAPI
import Testing

/// The responses that write themselves (`JSONBytesWritable`) write what their `Encodable`
/// conformance writes, byte for byte, with every member set and with only the required ones.
@Suite struct JSONBytesWritableTests {
    static let scope = ARNScope.local
    static let machine = scope.stateMachine(named: "Orders")
    static let execution = machine.execution(named: "run-1")
    static let start = Timestamp(millisecondsSince1970: 1_732_780_800_120)
    static let stop = Timestamp(millisecondsSince1970: 1_732_780_801_005)
    static let included = CloudWatchEventsExecutionDataDetails(included: true)

    /// Every member written: a member added to the type later makes this fail until the
    /// hand-written members write it too (and the fully set values below set it).
    private func expectEveryMemberWritten<T: JSONBytesWritable>(_ value: T, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let written = try JSON.parse(utf8: JSONObjectWriter.bytes(of: value))
        #expect(written.objectValue?.count == Mirror(reflecting: value).children.count, sourceLocation: sourceLocation)
    }

    private func expectSameBytes<T: Encodable & JSONBytesWritable>(_ value: T, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let codable = try JSONValueEncoder().encode(value).serializedUTF8(.compact)
        let written = JSONObjectWriter.bytes(of: value)
        #expect(String(decoding: written, as: UTF8.self) == String(decoding: codable, as: UTF8.self), sourceLocation: sourceLocation)
        #expect(try APICoding.encode(value) == codable, sourceLocation: sourceLocation)
    }

    @Test func startExecutionOutput() throws {
        try expectSameBytes(StartExecutionOutput(executionArn: Self.execution, startDate: Self.start))
        try expectEveryMemberWritten(StartExecutionOutput(executionArn: Self.execution, startDate: Self.start))
        try expectSameBytes(StartExecutionOutput(executionArn: Self.execution, startDate: Timestamp(millisecondsSince1970: 5)))
    }

    @Test func startSyncExecutionOutput() throws {
        let full = StartSyncExecutionOutput(
            executionArn: Self.machine.execution(named: "sync", expressId: "e1"), stateMachineArn: Self.machine,
            name: "sync", startDate: Self.start, stopDate: Self.stop, status: .failed, error: "States.TaskFailed",
            cause: "quote \" and \\ and \n and é 😀", input: #"{"a":1}"#, inputDetails: Self.included, output: "null",
            outputDetails: CloudWatchEventsExecutionDataDetails(included: false), traceHeader: "Root=1-abc",
            billingDetails: BillingDetails(billedMemoryUsedInMB: 64, billedDurationInMilliseconds: 100))
        try expectSameBytes(full)
        try expectEveryMemberWritten(full)
        try expectEveryMemberWritten(try #require(full.billingDetails))
        try expectSameBytes(StartSyncExecutionOutput(
            executionArn: Self.execution, startDate: Self.start, stopDate: Self.stop, status: .succeeded))
        try expectSameBytes(StartSyncExecutionOutput(
            executionArn: Self.execution, startDate: Self.start, stopDate: Self.stop, status: .timedOut,
            inputDetails: CloudWatchEventsExecutionDataDetails(), billingDetails: BillingDetails()))
    }

    @Test func describeExecutionOutput() throws {
        let full = DescribeExecutionOutput(
            executionArn: Self.execution, stateMachineArn: Self.machine.version(2), name: "run-1", status: .aborted,
            startDate: Self.start, stopDate: Self.stop, input: "{}", inputDetails: Self.included, output: "[1]",
            outputDetails: Self.included, traceHeader: "t",
            mapRunArn: try MapRunARN(parsing: "arn:aws:states:us-east-1:123456789012:mapRun:Orders/Map:1a2b"),
            error: "E", cause: "C", stateMachineVersionArn: Self.machine.version(2),
            stateMachineAliasArn: Self.machine.alias("live"), redriveCount: 3, redriveDate: Self.stop,
            redriveStatus: .redrivable, redriveStatusReason: "why")
        try expectSameBytes(full)
        try expectEveryMemberWritten(full)
        try expectEveryMemberWritten(Self.included)
        try expectSameBytes(DescribeExecutionOutput(
            executionArn: Self.execution, stateMachineArn: Self.machine, status: .running, startDate: Self.start))
    }
}
