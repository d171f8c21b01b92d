public import JSONValue

/// The cursor is rewritten on every top-level transition; like `HistoryEvent.storedJSON`,
/// `storedJSON` builds the document its `Codable` form encodes to without `JSONEncoder`,
/// so cursors written either way decode alike.
extension ExecutionCursor {
    public var storedJSON: JSON {
        var object = JSONObject(minimumCapacity: 13)
        object.appendUnchecked("stateIndex", .number(JSONNumber(stateIndex)))
        object.appendUnchecked("input", .stored(input))
        object.appendUnchecked("variables", .stored(variables))
        object.appendUnchecked("enteredEventId", .number(JSONNumber(enteredEventId)))
        object.appendUnchecked("enteredTime", enteredTime.storedJSON)
        object.appendUnchecked("randomState", .number(Self.unsigned(randomState)))
        object.appendUnchecked("transitions", .number(JSONNumber(transitions)))
        object.appendIfPresent("callback", callback?.storedJSON)
        object.appendIfPresent("reenter", reenter.map { .bool($0) })
        object.appendIfPresent("retryAttempts", retryAttempts.map { .array($0.map { .number(JSONNumber($0)) }) })
        object.appendIfPresent("retryAt", retryAt?.storedJSON)
        object.appendIfPresent("redrive", redrive?.storedJSON)
        object.appendIfPresent("childRetries", childRetries.map { .array($0.map(\.storedJSON)) })
        return .object(object)
    }

    /// A `UInt64` in decimal, as `JSONEncoder` writes it (past `Int64.max` as its literal).
    static func unsigned(_ value: UInt64) -> JSONNumber {
        if let small = Int64(exactly: value) { return JSONNumber(small) }
        // A run of decimal digits is always a valid JSON number literal.
        return JSONNumber(literal: String(value)) ?? JSONNumber(0)
    }
}

extension PendingCallback {
    var storedJSON: JSON {
        var object = JSONObject(minimumCapacity: 12)
        object.appendUnchecked("token", .string(token))
        object.appendUnchecked("stateName", .string(stateName))
        object.appendIfPresent("activityArn", activityArn.map { .string($0) })
        object.appendUnchecked("input", .stored(input))
        object.appendUnchecked("resourceType", .string(resourceType))
        object.appendUnchecked("resource", .string(resource))
        object.appendUnchecked("started", .bool(started))
        object.appendIfPresent("timeoutDeadline", timeoutDeadline?.storedJSON)
        object.appendIfPresent("heartbeatSeconds", heartbeatSeconds.map { .number(JSONNumber($0)) })
        object.appendIfPresent("heartbeatDeadline", heartbeatDeadline?.storedJSON)
        object.appendUnchecked("lastEventId", .number(JSONNumber(lastEventId)))
        object.appendUnchecked("retryCount", .number(JSONNumber(retryCount)))
        return .object(object)
    }
}

// MARK: - The same documents as bytes (see `StoredJSONWriter`)

extension ExecutionCursor {
    func writeStored(into w: inout StoredJSONWriter) {
        w.raw("{")
        w.key("stateIndex"); w.integer(stateIndex)
        w.key("input"); w.payload(input)
        w.key("variables"); w.payloads(variables)
        w.key("enteredEventId"); w.integer(enteredEventId)
        w.key("enteredTime"); w.timestamp(enteredTime)
        w.key("randomState"); w.unsigned(randomState)
        w.key("transitions"); w.integer(transitions)
        if let callback { w.key("callback"); callback.writeStored(into: &w) }
        if let reenter { w.key("reenter"); w.bool(reenter) }
        if let retryAttempts {
            w.key("retryAttempts")
            w.raw("[")
            for (position, attempt) in retryAttempts.enumerated() {
                if position > 0 { w.raw(",") }
                w.integer(attempt)
            }
            w.raw("]")
        }
        if let retryAt { w.key("retryAt"); w.timestamp(retryAt) }
        if let redrive { w.key("redrive"); redrive.writeStored(into: &w) }
        if let childRetries {
            w.key("childRetries")
            w.raw("[")
            for (position, retry) in childRetries.enumerated() {
                if position > 0 { w.raw(",") }
                retry.writeStored(into: &w)
            }
            w.raw("]")
        }
        w.raw("}")
    }
}

extension PendingCallback {
    func writeStored(into w: inout StoredJSONWriter) {
        w.raw("{")
        w.key("token"); w.string(token)
        w.key("stateName"); w.string(stateName)
        if let activityArn { w.key("activityArn"); w.string(activityArn) }
        w.key("input"); w.payload(input)
        w.key("resourceType"); w.string(resourceType)
        w.key("resource"); w.string(resource)
        w.key("started"); w.bool(started)
        if let timeoutDeadline { w.key("timeoutDeadline"); w.timestamp(timeoutDeadline) }
        if let heartbeatSeconds { w.key("heartbeatSeconds"); w.integer(heartbeatSeconds) }
        if let heartbeatDeadline { w.key("heartbeatDeadline"); w.timestamp(heartbeatDeadline) }
        w.key("lastEventId"); w.integer(lastEventId)
        w.key("retryCount"); w.integer(retryCount)
        w.raw("}")
    }
}

extension ChildRetry {
    func writeStored(into w: inout StoredJSONWriter) {
        w.raw("{")
        w.key("enteredEventId"); w.integer(enteredEventId)
        w.key("attempts")
        w.raw("[")
        for (position, attempt) in attempts.enumerated() {
            if position > 0 { w.raw(",") }
            w.integer(attempt)
        }
        w.raw("]")
        w.key("due"); w.timestamp(due)
        w.key("lastEventId"); w.integer(lastEventId)
        w.raw("}")
    }
}
