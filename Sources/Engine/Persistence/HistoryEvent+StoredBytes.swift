public import JSONValue

/// A store writes one history event per row on every transition. Each event's stored document
/// is the one its synthesized `Codable` form encodes to (the same keys, `{"case":{"_0":…}}` for
/// the details, payloads as their compact text, absent optionals left out), so rows written
/// here, rows of older databases (written through `JSONEncoder`) and the reader agree; it is
/// written straight to bytes through `StoredJSONWriter`, since building it with `JSONEncoder`
/// was the largest cost of a durable execution. `StoredJSONTests` holds the written documents
/// to the `Codable` form for every details case.
extension HistoryEvent {
    func writeStored(into w: inout StoredJSONWriter) {
        w.raw("{\"id\":")
        w.integer(id)
        w.raw(",\"previousEventId\":")
        w.integer(previousEventId)
        w.raw(",\"timestamp\":")
        w.timestamp(timestamp)
        w.raw(",\"type\":")
        w.string(type.rawValue)
        w.raw(",\"details\":")
        details.writeStored(into: &w)
        w.raw("}")
    }
}

extension HistoryEventDetails {
    func writeStored(into w: inout StoredJSONWriter) {
        switch self {
        case .none: w.raw("{\"none\":{}}")
        case .executionStarted(let d):
            w.raw("{\"executionStarted\":{\"_0\":{")
            w.key("input"); w.payload(d.input)
            w.key("inputDetails"); w.dataDetails(d.inputDetails)
            w.key("roleArn"); w.string(d.roleArn)
            w.raw("}}}")
        case .executionSucceeded(let d): w.raw("{\"executionSucceeded\":{\"_0\":"); d.writeStored(into: &w); w.raw("}}")
        case .executionFailed(let d): w.raw("{\"executionFailed\":{\"_0\":"); d.writeStored(into: &w); w.raw("}}")
        case .executionAborted(let d): w.raw("{\"executionAborted\":{\"_0\":"); d.writeStored(into: &w); w.raw("}}")
        case .executionTimedOut(let d): w.raw("{\"executionTimedOut\":{\"_0\":"); d.writeStored(into: &w); w.raw("}}")
        case .executionRedriven(let d):
            w.raw("{\"executionRedriven\":{\"_0\":{")
            w.key("redriveCount"); w.integer(d.redriveCount)
            w.raw("}}}")
        case .stateEntered(let d):
            w.raw("{\"stateEntered\":{\"_0\":{")
            w.key("name"); w.string(d.name)
            w.key("input"); w.payload(d.input)
            w.key("inputDetails"); w.dataDetails(d.inputDetails)
            w.raw("}}}")
        case .stateExited(let d):
            w.raw("{\"stateExited\":{\"_0\":{")
            w.key("name"); w.string(d.name)
            w.key("output"); w.payload(d.output)
            w.key("outputDetails"); w.dataDetails(d.outputDetails)
            if let assigned = d.assignedVariables { w.key("assignedVariables"); w.payloads(assigned) }
            w.raw("}}}")
        case .taskScheduled(let d):
            w.raw("{\"taskScheduled\":{\"_0\":{")
            w.key("resourceType"); w.string(d.resourceType)
            w.key("resource"); w.string(d.resource)
            w.key("region"); w.string(d.region)
            w.key("parameters"); w.payload(d.parameters)
            if let seconds = d.timeoutInSeconds { w.key("timeoutInSeconds"); w.integer(seconds) }
            if let seconds = d.heartbeatInSeconds { w.key("heartbeatInSeconds"); w.integer(seconds) }
            w.raw("}}}")
        case .taskStarted(let d):
            w.raw("{\"taskStarted\":{\"_0\":{")
            w.key("resourceType"); w.string(d.resourceType)
            w.key("resource"); w.string(d.resource)
            w.raw("}}}")
        case .taskSucceeded(let d): w.raw("{\"taskSucceeded\":{\"_0\":"); d.writeStored(into: &w); w.raw("}}")
        case .taskFailed(let d): w.raw("{\"taskFailed\":{\"_0\":"); d.writeStored(into: &w); w.raw("}}")
        case .taskTimedOut(let d): w.raw("{\"taskTimedOut\":{\"_0\":"); d.writeStored(into: &w); w.raw("}}")
        case .taskSubmitted(let d): w.raw("{\"taskSubmitted\":{\"_0\":"); d.writeStored(into: &w); w.raw("}}")
        case .activityScheduled(let d):
            w.raw("{\"activityScheduled\":{\"_0\":{")
            w.key("resource"); w.string(d.resource)
            w.key("input"); w.payload(d.input)
            w.key("inputDetails"); w.dataDetails(d.inputDetails)
            if let seconds = d.timeoutInSeconds { w.key("timeoutInSeconds"); w.integer(seconds) }
            if let seconds = d.heartbeatInSeconds { w.key("heartbeatInSeconds"); w.integer(seconds) }
            w.raw("}}}")
        case .activityStarted(let d):
            w.raw("{\"activityStarted\":{\"_0\":{")
            if let worker = d.workerName { w.key("workerName"); w.string(worker) }
            w.raw("}}}")
        case .activitySucceeded(let d): w.raw("{\"activitySucceeded\":{\"_0\":"); d.writeStored(into: &w); w.raw("}}")
        case .activityFailure(let d): w.raw("{\"activityFailure\":{\"_0\":"); d.writeStored(into: &w); w.raw("}}")
        case .mapStateStarted(let d):
            w.raw("{\"mapStateStarted\":{\"_0\":{")
            w.key("length"); w.integer(d.length)
            w.raw("}}}")
        case .mapIteration(let d):
            w.raw("{\"mapIteration\":{\"_0\":{")
            w.key("name"); w.string(d.name)
            w.key("index"); w.integer(d.index)
            w.raw("}}}")
        case .mapRunStarted(let d):
            w.raw("{\"mapRunStarted\":{\"_0\":{")
            w.key("mapRunArn"); w.string(d.mapRunArn)
            w.raw("}}}")
        case .mapRunRedriven(let d):
            w.raw("{\"mapRunRedriven\":{\"_0\":{")
            w.key("mapRunArn"); w.string(d.mapRunArn)
            w.key("redriveCount"); w.integer(d.redriveCount)
            w.raw("}}}")
        case .failure(let d): w.raw("{\"failure\":{\"_0\":"); d.writeStored(into: &w); w.raw("}}")
        }
    }
}

extension PayloadEventDetails {
    func writeStored(into w: inout StoredJSONWriter) {
        w.raw("{")
        w.key("output"); w.payload(output)
        w.key("outputDetails"); w.dataDetails(outputDetails)
        w.raw("}")
    }
}

extension FailureEventDetails {
    func writeStored(into w: inout StoredJSONWriter) {
        w.raw("{")
        if let error { w.key("error"); w.string(error) }
        if let cause { w.key("cause"); w.string(cause) }
        w.raw("}")
    }
}

extension TaskSucceededEventDetails {
    func writeStored(into w: inout StoredJSONWriter) {
        w.raw("{")
        w.key("resourceType"); w.string(resourceType)
        w.key("resource"); w.string(resource)
        w.key("output"); w.payload(output)
        w.key("outputDetails"); w.dataDetails(outputDetails)
        w.raw("}")
    }
}

extension TaskFailedEventDetails {
    func writeStored(into w: inout StoredJSONWriter) {
        w.raw("{")
        w.key("resourceType"); w.string(resourceType)
        w.key("resource"); w.string(resource)
        if let error { w.key("error"); w.string(error) }
        if let cause { w.key("cause"); w.string(cause) }
        w.raw("}")
    }
}
