/// A redrive frontier's stored document (its `Codable` form's), written by `StoredJSONWriter`
/// inside the cursor's (see `ExecutionCursor.writeStored(into:)`).
extension RedriveFrontier {
    func writeStored(into w: inout StoredJSONWriter) {
        w.raw("{")
        w.key("attempts")
        w.raw("[")
        for (position, attempt) in attempts.enumerated() {
            if position > 0 { w.raw(",") }
            w.raw("{")
            w.key("startedEventId"); w.integer(attempt.startedEventId)
            w.key("endEventId"); w.integer(attempt.endEventId)
            w.raw("}")
        }
        w.raw("]")
        w.key("positions")
        w.raw("[")
        for (position, entry) in positions.enumerated() {
            if position > 0 { w.raw(",") }
            entry.writeStored(into: &w)
        }
        w.raw("]")
        w.raw("}")
    }
}

extension RedrivePosition {
    func writeStored(into w: inout StoredJSONWriter) {
        w.raw("{")
        w.key("child"); w.integer(child)
        w.key("stateIndex"); w.integer(stateIndex)
        w.key("input"); w.payload(input)
        w.key("variables"); w.payloads(variables)
        w.key("enteredEventId"); w.integer(enteredEventId)
        if let frontier { w.key("frontier"); frontier.writeStored(into: &w) }
        w.raw("}")
    }
}
