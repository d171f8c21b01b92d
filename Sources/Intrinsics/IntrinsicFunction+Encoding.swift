import Crypto
import JSONValue

extension IntrinsicFunction {
    /// AWS limits the input of `States.Base64Encode`, `States.Base64Decode` and `States.Hash` to 10,000 characters.
    static let maximumEncodingInput = 10_000

    /// `States.Base64Encode('Data to encode')` is `"RGF0YSB0byBlbmNvZGU="` (UTF-8 bytes).
    func base64Encode(_ arguments: EvaluatedArguments) throws(IntrinsicFailure) -> JSON {
        let text = try arguments.string(0)
        try checkLength(text, arguments)
        return .string(Base64.encode(Array(text.utf8)))
    }

    /// `States.Base64Decode('RGF0YSB0byBlbmNvZGU=')` is `"Data to encode"`; the bytes must be UTF-8.
    func base64Decode(_ arguments: EvaluatedArguments) throws(IntrinsicFailure) -> JSON {
        let text = try arguments.string(0)
        try checkLength(text, arguments)
        guard let bytes = Base64.decode(text) else {
            throw arguments.failure("'\(text)' is not valid base64")
        }
        guard let decoded = String(validating: bytes, as: UTF8.self) else {
            throw arguments.failure("the decoded bytes of '\(text)' are not UTF-8 text")
        }
        return .string(decoded)
    }

    /// `States.Hash('input data', 'SHA-1')` is the lower-case hex digest of the UTF-8 bytes.
    /// A value that is not a string is hashed as its compact JSON text.
    func hash(_ arguments: EvaluatedArguments) throws(IntrinsicFailure) -> JSON {
        let data = arguments[0].stringValue ?? arguments[0].compactText
        try checkLength(data, arguments)
        let algorithm = try arguments.string(1)
        let bytes = Array(data.utf8)
        let digest: [UInt8]
        switch algorithm {
        case "MD5": digest = Array(Insecure.MD5.hash(data: bytes))
        case "SHA-1": digest = Array(Insecure.SHA1.hash(data: bytes))
        case "SHA-256": digest = Array(SHA256.hash(data: bytes))
        case "SHA-384": digest = Array(SHA384.hash(data: bytes))
        case "SHA-512": digest = Array(SHA512.hash(data: bytes))
        default:
            throw arguments.failure(
                "'\(algorithm)' is not a supported algorithm; use one of " + IntrinsicFunction.hashAlgorithms.joined(separator: ", "))
        }
        let hex = Array("0123456789abcdef")
        return .string(String(digest.flatMap { [hex[Int($0 >> 4)], hex[Int($0 & 0x0F)]] }))
    }

    private func checkLength(_ text: String, _ arguments: EvaluatedArguments) throws(IntrinsicFailure) {
        guard text.count <= IntrinsicFunction.maximumEncodingInput else {
            throw arguments.failure(
                "the input has \(text.count) characters, more than the maximum of \(IntrinsicFunction.maximumEncodingInput)")
        }
    }
}
