/// A task token: what `$$.Task.Token` holds for a `.waitForTaskToken` task and what
/// GetActivityTask hands a worker, and what SendTaskSuccess/Failure/Heartbeat name.
///
/// AWS's tokens are opaque text of at most 1,024 characters. Ours carry the execution's
/// ARN and a UUID drawn from the execution's seeded generator, hex-encoded behind a
/// version prefix: unique across executions even when two share a seed, reproducible
/// for one seed (so histories that show a token are stable), and recognisable, so that
/// text that was never a token is AWS's `InvalidToken` while a token of ours that is no
/// longer open is `TaskTimedOut`.
///
///     TaskToken(executionArn: "arn:…:execution:M:e1", nonce: "6f1c…").text  // "AAAA…"
public struct TaskToken: Hashable, Sendable, CustomStringConvertible {
    /// The execution that issued the token.
    public let executionArn: String
    /// Distinguishes the tokens of one execution (a UUID from its generator).
    public let nonce: String

    static let prefix = "SFNTOKEN1"
    /// AWS's limit on a token's length.
    static let maximumLength = 1024

    public init(executionArn: String, nonce: String) {
        self.executionArn = executionArn
        self.nonce = nonce
    }

    /// Parses a token's text; nil when the text is not a token this engine issues.
    public init?(text: String) {
        guard text.count <= Self.maximumLength, text.hasPrefix(Self.prefix) else { return nil }
        let hex = Array(text.utf8.dropFirst(Self.prefix.utf8.count))
        guard hex.count.isMultiple(of: 2) else { return nil }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(hex.count / 2)
        var index = 0
        while index < hex.count {
            guard let high = Self.nibble(hex[index]), let low = Self.nibble(hex[index + 1]) else { return nil }
            bytes.append(high << 4 | low)
            index += 2
        }
        let decoded = String(decoding: bytes, as: UTF8.self)
        let parts = decoded.split(separator: "\n", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else { return nil }
        self.init(executionArn: String(parts[0]), nonce: String(parts[1]))
    }

    /// The token as callers see and send it.
    public var text: String {
        let digits = Array("0123456789abcdef".utf8)
        var out = Array(Self.prefix.utf8)
        for byte in "\(executionArn)\n\(nonce)".utf8 {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: out, as: UTF8.self)
    }

    public var description: String { text }

    private static func nibble(_ c: UInt8) -> UInt8? {
        switch c {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): c - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): c - UInt8(ascii: "a") + 10
        default: nil
        }
    }
}
