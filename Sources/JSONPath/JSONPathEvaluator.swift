import JSONValue

/// The machinery behind `JSONPath.evaluate`; `root` is what `$` means inside filters.
struct JSONPathEvaluator {
    let root: JSON

    /// Follows names and indexes one by one, failing with Jayway's messages. On the
    /// engine's hot path: no allocation unless it fails.
    func definite(_ segments: ArraySlice<JSONPathSegment>, from start: JSON) -> Result<JSON, JSONPathFailure> {
        var node = start
        var i = segments.startIndex
        while i < segments.endIndex {
            switch segments[i] {
            case .child(.name(let name)):
                guard case .object(let object) = node else {
                    return .failure(JSONPathFailure(
                        kind: .wrongType,
                        message: "Expected to find an object with property ['\(name)'] in path \(walked(segments[..<i])) but found '\(node.typeName)'"))
                }
                guard let next = object[name] else {
                    let path = walked(segments[...i])
                    if i == segments.endIndex - 1 {
                        return .failure(JSONPathFailure(kind: .noResults, message: "No results for path: \(path)"))
                    }
                    return .failure(JSONPathFailure(kind: .missingProperty, message: "Missing property in path \(path)"))
                }
                node = next
            case .child(.index(let index)):
                guard case .array(let array) = node else {
                    return .failure(JSONPathFailure(
                        kind: .wrongType,
                        message: "Filter: [\(index)] can only be applied to arrays. Current context is: \(node.typeName) at \(walked(segments[..<i]))"))
                }
                let effective = index < 0 ? array.count + index : index
                guard array.indices.contains(effective) else {
                    return .failure(JSONPathFailure(kind: .noResults, message: "No results for path: \(walked(segments))"))
                }
                node = array[effective]
            default:
                // Only called for definite segments; anything else selects as a list.
                return .success(.array(select(segments[i...], from: node)))
            }
            i += 1
        }
        return .success(node)
    }

    /// `$['a'][0]` for the segments walked so far, for failure messages.
    private func walked(_ segments: ArraySlice<JSONPathSegment>) -> String {
        JSONPath.normalized(root: .input, segments: segments)
    }

    /// Every node the segments select from `start`, in document order.
    func select(_ segments: ArraySlice<JSONPathSegment>, from start: JSON) -> [JSON] {
        var nodes = [start]
        for (offset, segment) in segments.enumerated() {
            let isLeaf = offset == segments.count - 1
            var next: [JSON] = []
            for node in nodes {
                switch segment {
                case .child(let selector):
                    apply(selector, to: node, isLeaf: isLeaf, into: &next)
                case .descendant(let selector):
                    descend(selector, from: node, isLeaf: isLeaf, into: &next)
                case .function:
                    break
                }
            }
            nodes = next
        }
        return nodes
    }

    func apply(_ selector: JSONPathSelector, to node: JSON, isLeaf: Bool, into out: inout [JSON]) {
        switch (selector, node) {
        case (.name(let name), .object(let object)):
            if let value = object[name] { out.append(value) }
        case (.names(let names), .object(let object)):
            if isLeaf {
                // Jayway returns one object holding the members that exist.
                out.append(.object(JSONObject(names.compactMap { name in object[name].map { (name, $0) } })))
            } else {
                out.append(contentsOf: names.compactMap { object[$0] })
            }
        case (.index(let index), .array(let array)):
            let effective = index < 0 ? array.count + index : index
            if array.indices.contains(effective) { out.append(array[effective]) }
        case (.indexes(let indexes), .array(let array)):
            for index in indexes {
                let effective = index < 0 ? array.count + index : index
                if array.indices.contains(effective) { out.append(array[effective]) }
            }
        case (.wildcard, .object(let object)):
            out.append(contentsOf: object.values)
        case (.wildcard, .array(let array)):
            out.append(contentsOf: array)
        case (.slice(let start, let end, let step), .array(let array)):
            out.append(contentsOf: JSONPathEvaluator.slice(array, start: start, end: end, step: step))
        case (.filter(let filter), .array(let array)):
            out.append(contentsOf: array.filter { holds(filter, at: $0) })
        case (.filter(let filter), .object):
            if holds(filter, at: node) { out.append(node) }
        default:
            break
        }
    }

    /// `..selector`: the selector applied to `node` and every node below it, in document order.
    func descend(_ selector: JSONPathSelector, from node: JSON, isLeaf: Bool, into out: inout [JSON]) {
        if case .wildcard = selector {
            // `..*` is every value below `node`, not `node` itself.
            switch node {
            case .object(let object):
                for value in object.values {
                    out.append(value)
                    descend(selector, from: value, isLeaf: isLeaf, into: &out)
                }
            case .array(let array):
                for value in array {
                    out.append(value)
                    descend(selector, from: value, isLeaf: isLeaf, into: &out)
                }
            default:
                break
            }
            return
        }
        apply(selector, to: node, isLeaf: isLeaf, into: &out)
        switch node {
        case .object(let object):
            for value in object.values { descend(selector, from: value, isLeaf: isLeaf, into: &out) }
        case .array(let array):
            for value in array { descend(selector, from: value, isLeaf: isLeaf, into: &out) }
        default:
            break
        }
    }

    /// Python slice semantics: negative bounds count from the end; a negative step walks backwards.
    static func slice(_ array: [JSON], start: Int?, end: Int?, step: Int?) -> [JSON] {
        let count = array.count
        let step = step ?? 1
        guard step != 0, count > 0 else { return [] }
        func clamp(_ value: Int, _ low: Int, _ high: Int) -> Int { min(max(value, low), high) }
        func normalize(_ bound: Int) -> Int { bound < 0 ? bound + count : bound }
        var out: [JSON] = []
        if step > 0 {
            var i = clamp(start.map(normalize) ?? 0, 0, count)
            let stop = clamp(end.map(normalize) ?? count, 0, count)
            while i < stop {
                out.append(array[i])
                i += step
            }
        } else {
            var i = clamp(start.map(normalize) ?? count - 1, -1, count - 1)
            let stop = clamp(end.map(normalize) ?? -1, -1, count - 1)
            while i > stop {
                out.append(array[i])
                i += step
            }
        }
        return out
    }

    /// Jayway's path functions, applied to what the path selected.
    static func apply(_ function: JSONPathFunction, to value: JSON, path: JSONPath) -> Result<JSON, JSONPathFailure> {
        func failure(_ reason: String) -> Result<JSON, JSONPathFailure> {
            .failure(JSONPathFailure(kind: .functionFailed, message: "\(function.rawValue)() in '\(path.text)': \(reason)"))
        }
        switch function {
        case .length, .size:
            switch value {
            case .array(let a): return .success(.number(JSONNumber(a.count)))
            case .object(let o): return .success(.number(JSONNumber(o.count)))
            case .string(let s): return .success(.number(JSONNumber(s.utf16.count)))
            default: return failure("expected an array, object or string, but found \(value.typeName)")
            }
        case .first, .last:
            guard case .array(let a) = value else { return failure("expected an array, but found \(value.typeName)") }
            guard let element = function == .first ? a.first : a.last else { return failure("the array is empty") }
            return .success(element)
        case .keys:
            guard case .object(let o) = value else { return failure("expected an object, but found \(value.typeName)") }
            return .success(.array(o.keys.map { .string($0) }))
        case .min, .max, .avg, .sum, .stddev:
            guard case .array(let a) = value else { return failure("expected an array, but found \(value.typeName)") }
            let numbers = a.compactMap { $0.numberValue?.doubleValue }
            guard !numbers.isEmpty else { return failure("Aggregation function attempted to calculate value using empty array") }
            let sum = numbers.reduce(0, +)
            let mean = sum / Double(numbers.count)
            let result: Double
            switch function {
            case .min: result = numbers.min() ?? 0
            case .max: result = numbers.max() ?? 0
            case .sum: result = sum
            case .avg: result = mean
            default: result = (numbers.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(numbers.count)).squareRoot()
            }
            return .success(.number(JSONNumber(result)))
        }
    }
}
