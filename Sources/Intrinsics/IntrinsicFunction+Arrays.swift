import JSONValue

extension IntrinsicFunction {
    /// AWS caps arrays built by `States.ArrayRange` at 1,000 items.
    static let maximumRangeItems = 1000

    /// `States.ArrayPartition([1,2,3,4,5], 2)` is `[[1,2],[3,4],[5]]`.
    func arrayPartition(_ arguments: EvaluatedArguments) throws(IntrinsicFailure) -> JSON {
        let array = try arguments.array(0)
        let size = try arguments.integer(1)
        guard size > 0 else { throw arguments.failure("the chunk size must be a positive integer, but it is \(size)") }
        var chunks: [JSON] = []
        var start = 0
        while start < array.count {
            let end = Int(min(Int64(array.count), Int64(start) + size))
            chunks.append(.array(Array(array[start..<end])))
            start = end
        }
        return .array(chunks)
    }

    /// `States.ArrayRange(1, 9, 2)` is `[1,3,5,7,9]`: the end is included when the steps reach it.
    func arrayRange(_ arguments: EvaluatedArguments) throws(IntrinsicFailure) -> JSON {
        let start = try arguments.integer(0)
        let end = try arguments.integer(1)
        let step = try arguments.integer(2)
        guard step != 0 else { throw arguments.failure("the step must not be 0") }
        let (distance, overflow) = end.subtractingReportingOverflow(start)
        guard !overflow else { throw arguments.failure("the range from \(start) to \(end) is too large") }
        let items = distance / step < 0 ? 0 : distance / step + 1
        guard items <= Int64(IntrinsicFunction.maximumRangeItems) else {
            throw arguments.failure("the range would have \(items) items, more than the maximum of \(IntrinsicFunction.maximumRangeItems)")
        }
        var values: [JSON] = []
        var value = start
        for _ in 0..<items {
            values.append(.number(JSONNumber(value)))
            value += step
        }
        return .array(values)
    }

    /// `States.ArrayGetItem([1,2,3], 1)` is `2`; an index outside the array fails.
    func arrayGetItem(_ arguments: EvaluatedArguments) throws(IntrinsicFailure) -> JSON {
        let array = try arguments.array(0)
        let index = try arguments.integer(1)
        guard index >= 0, index < Int64(array.count) else {
            throw arguments.failure("the index \(index) is out of bounds for an array of \(array.count) items")
        }
        return array[Int(index)]
    }

    /// `States.ArrayUnique([1,2,1])` is `[1,2]`: first occurrences, in order, by JSON equality.
    func arrayUnique(_ arguments: EvaluatedArguments) throws(IntrinsicFailure) -> JSON {
        var seen = Set<JSON>()
        var unique: [JSON] = []
        for value in try arguments.array(0) where seen.insert(value).inserted {
            unique.append(value)
        }
        return .array(unique)
    }
}
