public import JSONValue

// The responses a server writes for every execution it starts and most it is asked about,
// written without `Codable` (see `JSONBytesWritable`): the same keys in the same order as
// the synthesized `Encodable` conformances, which `JSONBytesWritableTests` compares them with.

extension StartExecutionOutput: JSONBytesWritable {
    public func writeMembers(to writer: inout JSONObjectWriter) {
        writer.write("executionArn", executionArn.description)
        writer.write("startDate", numberLiteral: startDate.description)
    }
}

extension StartSyncExecutionOutput: JSONBytesWritable {
    public func writeMembers(to writer: inout JSONObjectWriter) {
        writer.write("executionArn", executionArn.description)
        writer.write("stateMachineArn", stateMachineArn?.description)
        writer.write("name", name)
        writer.write("startDate", numberLiteral: startDate.description)
        writer.write("stopDate", numberLiteral: stopDate.description)
        writer.write("status", status.rawValue)
        writer.write("error", error)
        writer.write("cause", cause)
        writer.write("input", input)
        writer.write("inputDetails", inputDetails)
        writer.write("output", output)
        writer.write("outputDetails", outputDetails)
        writer.write("traceHeader", traceHeader)
        writer.write("billingDetails", billingDetails)
    }
}

extension DescribeExecutionOutput: JSONBytesWritable {
    public func writeMembers(to writer: inout JSONObjectWriter) {
        writer.write("executionArn", executionArn.description)
        writer.write("stateMachineArn", stateMachineArn.description)
        writer.write("name", name)
        writer.write("status", status.rawValue)
        writer.write("startDate", numberLiteral: startDate.description)
        writer.write("stopDate", numberLiteral: stopDate?.description)
        writer.write("input", input)
        writer.write("inputDetails", inputDetails)
        writer.write("output", output)
        writer.write("outputDetails", outputDetails)
        writer.write("traceHeader", traceHeader)
        writer.write("mapRunArn", mapRunArn?.description)
        writer.write("error", error)
        writer.write("cause", cause)
        writer.write("stateMachineVersionArn", stateMachineVersionArn?.description)
        writer.write("stateMachineAliasArn", stateMachineAliasArn?.description)
        writer.write("redriveCount", redriveCount)
        writer.write("redriveDate", numberLiteral: redriveDate?.description)
        writer.write("redriveStatus", redriveStatus?.rawValue)
        writer.write("redriveStatusReason", redriveStatusReason)
    }
}

extension CloudWatchEventsExecutionDataDetails: JSONBytesWritable {
    public func writeMembers(to writer: inout JSONObjectWriter) {
        writer.write("included", included)
    }
}

extension BillingDetails: JSONBytesWritable {
    public func writeMembers(to writer: inout JSONObjectWriter) {
        writer.write("billedMemoryUsedInMB", billedMemoryUsedInMB)
        writer.write("billedDurationInMilliseconds", billedDurationInMilliseconds)
    }
}
