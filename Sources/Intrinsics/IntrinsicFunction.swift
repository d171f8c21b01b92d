/// The 18 intrinsic functions of Amazon States Language, with what static checks need:
/// how many arguments each takes and what each argument must be.
public enum IntrinsicFunction: String, Sendable, Hashable, CaseIterable {
    case format = "States.Format"
    case stringToJson = "States.StringToJson"
    case jsonToString = "States.JsonToString"
    case array = "States.Array"
    case arrayPartition = "States.ArrayPartition"
    case arrayContains = "States.ArrayContains"
    case arrayRange = "States.ArrayRange"
    case arrayGetItem = "States.ArrayGetItem"
    case arrayLength = "States.ArrayLength"
    case arrayUnique = "States.ArrayUnique"
    case base64Encode = "States.Base64Encode"
    case base64Decode = "States.Base64Decode"
    case hash = "States.Hash"
    case jsonMerge = "States.JsonMerge"
    case mathRandom = "States.MathRandom"
    case mathAdd = "States.MathAdd"
    case stringSplit = "States.StringSplit"
    case uuid = "States.UUID"

    /// What a value must be for an argument position; `.any` accepts every JSON value.
    public enum ValueKind: String, Sendable, Hashable {
        case any, string, number, integer, boolean, array, object

        /// The word used in messages: "a string", "an integer" …
        public var phrase: String {
            switch self {
            case .any: "any value"
            case .string: "a string"
            case .number: "a number"
            case .integer: "an integer"
            case .boolean: "a boolean"
            case .array: "an array"
            case .object: "an object"
            }
        }
    }

    /// The fewest arguments a call may pass.
    public var minimumArguments: Int {
        switch self {
        case .array, .uuid: 0
        case .format, .stringToJson, .jsonToString, .arrayLength, .arrayUnique, .base64Encode, .base64Decode: 1
        case .arrayPartition, .arrayContains, .arrayGetItem, .hash, .mathRandom, .mathAdd, .stringSplit: 2
        case .arrayRange, .jsonMerge: 3
        }
    }

    /// The most arguments a call may pass; nil for no limit (`States.Format`, `States.Array`).
    public var maximumArguments: Int? {
        switch self {
        case .format, .array: nil
        case .mathRandom: 3
        default: minimumArguments
        }
    }

    /// The kind each argument must have, by position (the last entry repeats for variadic functions).
    public var parameterKinds: [ValueKind] {
        switch self {
        case .format: [.string, .any]
        case .stringToJson, .base64Encode, .base64Decode: [.string]
        case .jsonToString: [.any]
        case .array: [.any]
        case .arrayPartition: [.array, .integer]
        case .arrayContains: [.array, .any]
        case .arrayRange: [.integer, .integer, .integer]
        case .arrayGetItem: [.array, .integer]
        case .arrayLength, .arrayUnique: [.array]
        case .hash: [.any, .string]
        case .jsonMerge: [.object, .object, .boolean]
        case .mathRandom: [.integer, .integer, .integer]
        case .mathAdd: [.number, .number]
        case .stringSplit: [.string, .string]
        case .uuid: []
        }
    }

    /// The kind of argument expected at `index`.
    public func parameterKind(at index: Int) -> ValueKind {
        let kinds = parameterKinds
        guard !kinds.isEmpty else { return .any }
        return index < kinds.count ? kinds[index] : kinds[kinds.count - 1]
    }

    /// What the function returns, so a nested call's result can be checked like a literal.
    public var resultKind: ValueKind {
        switch self {
        case .format, .jsonToString, .base64Encode, .base64Decode, .hash, .uuid: .string
        case .stringToJson, .arrayGetItem: .any
        case .array, .arrayPartition, .arrayRange, .arrayUnique, .stringSplit: .array
        case .arrayContains: .boolean
        case .arrayLength, .mathRandom, .mathAdd: .integer
        case .jsonMerge: .object
        }
    }

    /// `States.Hash`'s algorithms, spelled as AWS requires.
    public static let hashAlgorithms = ["MD5", "SHA-1", "SHA-256", "SHA-384", "SHA-512"]

    /// "exactly 2 arguments", "at least 1 argument", "2 to 3 arguments" — for messages.
    public var arityDescription: String {
        let plural: (Int) -> String = { $0 == 1 ? "argument" : "arguments" }
        guard let maximum = maximumArguments else {
            return "at least \(minimumArguments) \(plural(minimumArguments))"
        }
        if maximum == minimumArguments {
            return maximum == 0 ? "no arguments" : "exactly \(maximum) \(plural(maximum))"
        }
        return "\(minimumArguments) to \(maximum) arguments"
    }
}
