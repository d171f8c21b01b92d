import JSONValue

extension DecodingSession {
    /// A machine or sub-machine (branch, item processor) at `pointer`.
    mutating func machine(_ value: JSON, at pointer: JSONPointer, inherited: QueryLanguage, isTopLevel: Bool) -> StateMachine? {
        guard case .object(let object) = value else {
            invalid(pointer.last?.text ?? "definition", at: pointer, expected: "an object")
            return nil
        }
        var language = inherited
        if isTopLevel, let name = string(object, "QueryLanguage", at: pointer) {
            if let parsed = QueryLanguage(rawValue: name) { language = parsed } else {
                invalid("QueryLanguage", at: pointer.appending("QueryLanguage"), expected: "\"JSONPath\" or \"JSONata\"")
            }
        }
        let startAt = string(object, "StartAt", at: pointer, required: true)
        let comment = string(object, "Comment", at: pointer)
        let timeout = isTopLevel ? integer(object, "TimeoutSeconds", at: pointer) : nil
        let version = isTopLevel ? string(object, "Version", at: pointer) : nil
        let statesPointer = pointer.appending("States")
        var states: [(String, State)] = []
        if let statesValue = object["States"] {
            if let statesObject = self.object(statesValue, field: "States", at: statesPointer) {
                for (name, stateValue) in statesObject {
                    if let state = state(name: name, stateValue, at: statesPointer.appending(name), inherited: language) {
                        states.append((name, state))
                    }
                }
            }
        } else {
            missing("States", in: pointer)
        }
        guard let startAt else { return nil }
        return StateMachine(
            comment: comment, startAt: startAt, states: states, timeoutSeconds: timeout, version: version,
            queryLanguage: language)
    }

    mutating func transition(_ object: JSONObject, at pointer: JSONPointer) -> Transition? {
        if let next = string(object, "Next", at: pointer) { return .next(next) }
        if case .bool(true)? = object["End"] { return .end }
        missing("Next", in: pointer)
        return nil
    }

    mutating func retriers(_ object: JSONObject, at pointer: JSONPointer) -> [Retrier] {
        guard let items = array(object, "Retry", at: pointer) else { return [] }
        var result: [Retrier] = []
        for (i, item) in items.enumerated() {
            let p = pointer.appending("Retry").appending(i)
            guard let r = self.object(item, field: "Retry", at: p) else { continue }
            var retrier = Retrier(errorEquals: strings(r, "ErrorEquals", at: p, required: true))
            if let v = integer(r, "IntervalSeconds", at: p) { retrier.intervalSeconds = v }
            if let v = integer(r, "MaxAttempts", at: p) { retrier.maxAttempts = v }
            if let v = number(r, "BackoffRate", at: p) { retrier.backoffRate = v }
            retrier.maxDelaySeconds = integer(r, "MaxDelaySeconds", at: p)
            if let name = string(r, "JitterStrategy", at: p) {
                if let jitter = Retrier.JitterStrategy(rawValue: name) { retrier.jitterStrategy = jitter } else {
                    invalid("JitterStrategy", at: p.appending("JitterStrategy"), expected: "\"FULL\" or \"NONE\"")
                }
            }
            result.append(retrier)
        }
        return result
    }

    mutating func catchers(_ object: JSONObject, at pointer: JSONPointer) -> [Catcher] {
        guard let items = array(object, "Catch", at: pointer) else { return [] }
        var result: [Catcher] = []
        for (i, item) in items.enumerated() {
            let p = pointer.appending("Catch").appending(i)
            guard let c = self.object(item, field: "Catch", at: p) else { continue }
            let errors = strings(c, "ErrorEquals", at: p, required: true)
            guard let next = string(c, "Next", at: p, required: true) else { continue }
            result.append(Catcher(
                errorEquals: errors, next: next, resultPath: path(c, "ResultPath", at: p),
                assign: c["Assign"], output: c["Output"]))
        }
        return result
    }
}
