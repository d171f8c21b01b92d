public import JSONValue

/// The cursor is rewritten on every top-level transition; like a history event's (see
/// `HistoryEvent+StoredBytes`), its stored document is its `Codable` form's, written straight
/// to bytes.
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
