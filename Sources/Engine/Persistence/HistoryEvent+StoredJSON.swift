public import JSONValue

/// A store writes one history event per row on every transition; Foundation's
/// `JSONEncoder` made that the largest cost of a durable execution. `storedJSON` builds
/// the very document the event's `Codable` form encodes to (the same keys, `{"case":{"_0":…}}`
/// for the details, payloads as their compact text, absent optionals left out), straight
/// over `JSON`, so rows written either way read back through one `Decodable` path and
/// databases written before this stay readable. `StoredJSONTests` holds the two equal.
/// The store itself writes the same document as bytes (`writeStored(into:)` below, through
/// `StoredJSONWriter`); the tree stays the reference those bytes are tested against.
extension HistoryEvent {
    public var storedJSON: JSON {
        var object = JSONObject(minimumCapacity: 5)
        object.appendUnchecked("id", .number(JSONNumber(id)))
        object.appendUnchecked("previousEventId", .number(JSONNumber(previousEventId)))
        object.appendUnchecked("timestamp", timestamp.storedJSON)
        object.appendUnchecked("type", .string(type.rawValue))
        object.appendUnchecked("details", details.storedJSON)
        return .object(object)
    }
}

extension HistoryEventDetails {
    /// `{"<case>":{"_0":<details>}}`, and `{"none":{}}`, as Swift's synthesized coding has it.
    var storedJSON: JSON {
        switch self {
        case .none: return ["none": .object([:])]
        case .executionStarted(let d):
            return Self.tagged("executionStarted", [
                "input": .stored(d.input), "inputDetails": d.inputDetails.storedJSON, "roleArn": .string(d.roleArn),
            ])
        case .executionSucceeded(let d): return Self.tagged("executionSucceeded", d.storedJSON)
        case .executionFailed(let d): return Self.tagged("executionFailed", d.storedJSON)
        case .executionAborted(let d): return Self.tagged("executionAborted", d.storedJSON)
        case .executionTimedOut(let d): return Self.tagged("executionTimedOut", d.storedJSON)
        case .executionRedriven(let d):
            return Self.tagged("executionRedriven", ["redriveCount": .number(JSONNumber(d.redriveCount))])
        case .stateEntered(let d):
            return Self.tagged("stateEntered", [
                "name": .string(d.name), "input": .stored(d.input), "inputDetails": d.inputDetails.storedJSON,
            ])
        case .stateExited(let d):
            var object: JSONObject = [
                "name": .string(d.name), "output": .stored(d.output), "outputDetails": d.outputDetails.storedJSON,
            ]
            if let assigned = d.assignedVariables { object.appendUnchecked("assignedVariables", .stored(assigned)) }
            return Self.tagged("stateExited", object)
        case .taskScheduled(let d):
            var object: JSONObject = [
                "resourceType": .string(d.resourceType), "resource": .string(d.resource), "region": .string(d.region),
                "parameters": .stored(d.parameters),
            ]
            object.appendIfPresent("timeoutInSeconds", d.timeoutInSeconds.map { .number(JSONNumber($0)) })
            object.appendIfPresent("heartbeatInSeconds", d.heartbeatInSeconds.map { .number(JSONNumber($0)) })
            return Self.tagged("taskScheduled", object)
        case .taskStarted(let d):
            return Self.tagged("taskStarted", ["resourceType": .string(d.resourceType), "resource": .string(d.resource)])
        case .taskSucceeded(let d): return Self.tagged("taskSucceeded", d.storedJSON)
        case .taskFailed(let d): return Self.tagged("taskFailed", d.storedJSON)
        case .taskTimedOut(let d): return Self.tagged("taskTimedOut", d.storedJSON)
        case .taskSubmitted(let d): return Self.tagged("taskSubmitted", d.storedJSON)
        case .activityScheduled(let d):
            var object: JSONObject = [
                "resource": .string(d.resource), "input": .stored(d.input), "inputDetails": d.inputDetails.storedJSON,
            ]
            object.appendIfPresent("timeoutInSeconds", d.timeoutInSeconds.map { .number(JSONNumber($0)) })
            object.appendIfPresent("heartbeatInSeconds", d.heartbeatInSeconds.map { .number(JSONNumber($0)) })
            return Self.tagged("activityScheduled", object)
        case .activityStarted(let d):
            var object = JSONObject()
            object.appendIfPresent("workerName", d.workerName.map { .string($0) })
            return Self.tagged("activityStarted", object)
        case .activitySucceeded(let d): return Self.tagged("activitySucceeded", d.storedJSON)
        case .activityFailure(let d): return Self.tagged("activityFailure", d.storedJSON)
        case .mapStateStarted(let d): return Self.tagged("mapStateStarted", ["length": .number(JSONNumber(d.length))])
        case .mapIteration(let d):
            return Self.tagged("mapIteration", ["name": .string(d.name), "index": .number(JSONNumber(d.index))])
        case .mapRunStarted(let d): return Self.tagged("mapRunStarted", ["mapRunArn": .string(d.mapRunArn)])
        case .mapRunRedriven(let d):
            return Self.tagged(
                "mapRunRedriven", ["mapRunArn": .string(d.mapRunArn), "redriveCount": .number(JSONNumber(d.redriveCount))])
        case .failure(let d): return Self.tagged("failure", d.storedJSON)
        }
    }

    private static func tagged(_ name: String, _ details: JSONObject) -> JSON {
        [name: ["_0": .object(details)]]
    }
}

extension HistoryEventExecutionDataDetails {
    var storedJSON: JSON { ["truncated": .bool(truncated)] }
}

extension PayloadEventDetails {
    var storedJSON: JSONObject { ["output": .stored(output), "outputDetails": outputDetails.storedJSON] }
}

extension FailureEventDetails {
    var storedJSON: JSONObject {
        var object = JSONObject()
        object.appendIfPresent("error", error.map { .string($0) })
        object.appendIfPresent("cause", cause.map { .string($0) })
        return object
    }
}

extension TaskSucceededEventDetails {
    var storedJSON: JSONObject {
        [
            "resourceType": .string(resourceType), "resource": .string(resource), "output": .stored(output),
            "outputDetails": outputDetails.storedJSON,
        ]
    }
}

extension TaskFailedEventDetails {
    var storedJSON: JSONObject {
        var object: JSONObject = ["resourceType": .string(resourceType), "resource": .string(resource)]
        object.appendIfPresent("error", error.map { .string($0) })
        object.appendIfPresent("cause", cause.map { .string($0) })
        return object
    }
}

extension Timestamp {
    /// `{"millisecondsSinceEpoch":…}`, the synthesized form.
    var storedJSON: JSON { ["millisecondsSinceEpoch": .number(JSONNumber(millisecondsSinceEpoch))] }
}

extension JSON {
    /// A payload as `JSON`'s `Codable` form keeps it: its compact text, as a string.
    static func stored(_ payload: JSON) -> JSON { .string(payload.serialized(.compact)) }

    /// A `[String: JSON]` as its `Codable` form keeps it: an object of compact texts.
    static func stored(_ values: [String: JSON]) -> JSON {
        var object = JSONObject(minimumCapacity: values.count)
        for (name, value) in values { object.appendUnchecked(name, .stored(value)) }
        return .object(object)
    }
}

extension JSONObject {
    mutating func appendIfPresent(_ key: String, _ value: JSON?) {
        if let value { appendUnchecked(key, value) }
    }
}

// MARK: - The same documents as bytes (see `StoredJSONWriter`)

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
