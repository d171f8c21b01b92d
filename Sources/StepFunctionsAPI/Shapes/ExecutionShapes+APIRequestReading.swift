import JSONValue

// The requests of the calls a server answers most, read without `Codable` when plainly valid
// (see `APIRequestReading`).

extension StartExecutionInput: APIRequestReading {
    init?(members: JSONObject) {
        guard case .string(let arn)? = members["stateMachineArn"], let machine = try? StateMachineARN(parsing: arn),
            let name = members.optionalString("name"), let input = members.optionalString("input"),
            let traceHeader = members.optionalString("traceHeader")
        else { return nil }
        self.init(stateMachineArn: machine, name: name, input: input, traceHeader: traceHeader)
    }
}

extension StartSyncExecutionInput: APIRequestReading {
    init?(members: JSONObject) {
        guard case .string(let arn)? = members["stateMachineArn"], let machine = try? StateMachineARN(parsing: arn),
            let name = members.optionalString("name"), let input = members.optionalString("input"),
            let traceHeader = members.optionalString("traceHeader"),
            let includedData = members.optionalIncludedData("includedData")
        else { return nil }
        self.init(stateMachineArn: machine, name: name, input: input, traceHeader: traceHeader, includedData: includedData)
    }
}

extension DescribeExecutionInput: APIRequestReading {
    init?(members: JSONObject) {
        guard case .string(let arn)? = members["executionArn"], let execution = try? ExecutionARN(parsing: arn),
            let includedData = members.optionalIncludedData("includedData")
        else { return nil }
        self.init(executionArn: execution, includedData: includedData)
    }
}
