public import JSONValue

/// A store writes one history event per row on every transition; Foundation's
/// `JSONEncoder` made that the largest cost of a durable execution. `storedJSON` builds
/// the very document the event's `Codable` form encodes to (the same keys, `{"case":{"_0":…}}`
/// for the details, payloads as their compact text, absent optionals left out), straight
/// over `JSON`, so rows written either way read back through one `Decodable` path and
/// databases written before this stay readable. `StoredJSONTests` holds the two equal.
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
