import JSONValue

extension IntrinsicFunction {
    /// AWS limits `States.MathAdd` operands to 32-bit signed integers.
    static let mathAddRange = Int64(Int32.min)...Int64(Int32.max)

    /// `States.MathAdd(1.5, 2)` is `4`: each operand is rounded half up first.
    func mathAdd(_ arguments: EvaluatedArguments) throws(IntrinsicFailure) -> JSON {
        let a = try arguments.integer(0)
        let b = try arguments.integer(1)
        for value in [a, b] where !IntrinsicFunction.mathAddRange.contains(value) {
            throw arguments.failure("\(value) is outside the range of 32-bit integers")
        }
        return .number(JSONNumber(a + b))
    }

    /// `States.MathRandom(1, 10)`: an integer from the start (inclusive) to the end
    /// (exclusive). With a seed the result is the same on every call.
    func mathRandom(_ arguments: EvaluatedArguments, random: inout some RandomNumberGenerator) throws(IntrinsicFailure) -> JSON {
        let start = try arguments.integer(0)
        let end = try arguments.integer(1)
        guard start < end else {
            throw arguments.failure("the start \(start) must be less than the end \(end)")
        }
        let span = UInt64(bitPattern: end &- start)
        let offset: UInt64
        if arguments.count == 3 {
            var seeded = SeededRandomNumberGenerator(seed: UInt64(bitPattern: try arguments.integer(2)))
            offset = seeded.next(upperBound: span)
        } else {
            offset = random.next(upperBound: span)
        }
        return .number(JSONNumber(start &+ Int64(bitPattern: offset)))
    }
}

/// SplitMix64: a small deterministic generator for seeded `States.MathRandom`.
struct SeededRandomNumberGenerator: RandomNumberGenerator {
    var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
