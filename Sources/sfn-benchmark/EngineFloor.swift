import JSONValue

/// The floor of the engine benchmark: the data work of a benchmark workflow (its paths,
/// payload templates and intrinsics) written as straight Swift over the same `JSON`
/// value type, with no engine, history or context object around it. The engine's rate
/// divided by this one is its overhead.
struct EngineFloor {
    enum Kind { case passChain, choiceLoop, map }
    let kind: Kind
    /// pass-chain-100's state names, made once as the engine makes them once.
    let stateNames = (0..<100).map { index in
        let digits = String(index)
        return "P" + String(repeating: "0", count: 3 - digits.count) + digits
    }

    init?(name: String) {
        switch name {
        case "pass-chain-100": kind = .passChain
        case "choice-loop-1000": kind = .choiceLoop
        case "map-1000": kind = .map
        default: return nil
        }
    }

    func run(_ input: JSON) -> JSON {
        guard case .object(let object) = input else { return .null }
        switch kind {
        case .passChain: return .object(passChain(object))
        case .choiceLoop: return .object(choiceLoop(object))
        case .map: return .object(map(object))
        }
    }

    /// 100 Pass states: `Parameters` with five references, `ResultPath: $.acc`.
    private func passChain(_ input: JSONObject) -> JSONObject {
        var state = input
        for step in 0..<100 {
            var result = JSONObject()
            result["step"] = .number(JSONNumber(step))
            result["prev"] = Self.path(state["acc"], "step")
            result["name"] = Self.path(state["meta"], "name")
            result["firstTag"] = Self.index(Self.path(state["meta"], "tags"), 0)
            result["item"] = Self.index(state["items"], step % 10)
            result["state"] = .string(stateNames[step])
            state["acc"] = .object(result)
        }
        return state
    }

    /// Init, then Increment (`States.MathAdd($.i, 1)`) and Check (`NumericLessThanPath`) until i reaches n.
    private func choiceLoop(_ input: JSONObject) -> JSONObject {
        var state = JSONObject()
        state["i"] = .number(JSONNumber(0))
        state["n"] = input["n"] ?? .null
        while true {
            var next = JSONObject()
            next["i"] = Self.add(state["i"], .number(JSONNumber(1)))
            next["n"] = state["n"] ?? .null
            state = next
            guard case .number(let i)? = state["i"], case .number(let n)? = state["n"],
                (i.doubleValue) < (n.doubleValue)
            else { break }
        }
        return state
    }

    /// The Map's ItemSelector and iterator Pass per item, then Summarize.
    private func map(_ input: JSONObject) -> JSONObject {
        guard case .array(let items)? = input["items"] else { return input }
        let factor = input["factor"] ?? .null
        var results: [JSON] = []
        results.reserveCapacity(items.count)
        for (index, item) in items.enumerated() {
            var selected = JSONObject()
            selected["id"] = Self.path(item, "id")
            selected["label"] = Self.path(item, "label")
            selected["index"] = .number(JSONNumber(index))
            selected["factor"] = factor
            var work = JSONObject()
            work["id"] = selected["id"] ?? .null
            work["label"] = selected["label"] ?? .null
            work["index"] = selected["index"] ?? .null
            work["scaled"] = Self.add(selected["id"], selected["factor"])
            results.append(.object(work))
        }
        var summary = JSONObject()
        summary["count"] = .number(JSONNumber(results.count))
        summary["first"] = results.first ?? .null
        summary["last"] = results.count > 999 ? results[999] : .null
        return summary
    }

    private static func path(_ value: JSON?, _ key: String) -> JSON {
        guard case .object(let object)? = value else { return .null }
        return object[key] ?? .null
    }

    private static func index(_ value: JSON?, _ position: Int) -> JSON {
        guard case .array(let array)? = value, array.indices.contains(position) else { return .null }
        return array[position]
    }

    /// `States.MathAdd` on integers.
    private static func add(_ left: JSON?, _ right: JSON?) -> JSON {
        guard case .number(let a)? = left, case .number(let b)? = right, let x = a.int64Value, let y = b.int64Value
        else { return .null }
        return .number(JSONNumber(x + y))
    }
}
