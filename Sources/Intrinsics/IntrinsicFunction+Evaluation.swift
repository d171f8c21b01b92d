import JSONValue

/// Dispatch from a function to its implementation; families live in
/// `IntrinsicFunction+Arrays.swift`, `+Encoding`, `+JSON`, `+Math` and `+Strings`.
extension IntrinsicFunction {
    func apply(to arguments: EvaluatedArguments, call: IntrinsicCall, random: inout some RandomNumberGenerator) throws(IntrinsicFailure) -> JSON {
        switch self {
        case .format: try format(arguments, call: call)
        case .stringToJson: try stringToJson(arguments)
        case .jsonToString: .string(arguments[0].compactText)
        case .array: .array(arguments.values)
        case .arrayPartition: try arrayPartition(arguments)
        case .arrayContains: .bool(try arguments.array(0).contains(arguments[1]))
        case .arrayRange: try arrayRange(arguments)
        case .arrayGetItem: try arrayGetItem(arguments)
        case .arrayLength: .number(JSONNumber(try arguments.array(0).count))
        case .arrayUnique: try arrayUnique(arguments)
        case .base64Encode: try base64Encode(arguments)
        case .base64Decode: try base64Decode(arguments)
        case .hash: try hash(arguments)
        case .jsonMerge: try jsonMerge(arguments)
        case .mathRandom: try mathRandom(arguments, random: &random)
        case .mathAdd: try mathAdd(arguments)
        case .stringSplit: try stringSplit(arguments)
        case .uuid: .string(IntrinsicFunction.uuid(random: &random))
        }
    }

    /// A version-4 UUID in lower case, from 128 random bits.
    static func uuid(random: inout some RandomNumberGenerator) -> String {
        var bytes: [UInt8] = []
        for _ in 0..<2 {
            let word = random.next()
            for shift in stride(from: 56, through: 0, by: -8) { bytes.append(UInt8(truncatingIfNeeded: word >> UInt64(shift))) }
        }
        bytes[6] = (bytes[6] & 0x0F) | 0x40
        bytes[8] = (bytes[8] & 0x3F) | 0x80
        let hex = bytes.map { byte -> String in
            let digits = Array("0123456789abcdef")
            return String([digits[Int(byte >> 4)], digits[Int(byte & 0x0F)]])
        }
        return [hex[0..<4], hex[4..<6], hex[6..<8], hex[8..<10], hex[10..<16]]
            .map { $0.joined() }.joined(separator: "-")
    }
}
