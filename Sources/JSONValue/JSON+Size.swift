extension JSON {
    /// Whether the compact serialization (`serialized(.compact)`) is longer than `limit`
    /// UTF-8 bytes. Counts what the serializer would write — escapes included — without
    /// writing it, and stops as soon as the budget is spent: the engine asks this of
    /// every state result (AWS's 256 KiB payload limit).
    public func exceedsCompactSize(_ limit: Int) -> Bool {
        var budget = limit
        return !fits(&budget)
    }

    /// The compact serialization's length in UTF-8 bytes.
    public var compactSize: Int {
        var budget = Int.max
        _ = fits(&budget)
        return Int.max - budget
    }

    private func fits(_ budget: inout Int) -> Bool {
        switch self {
        case .null: budget -= 4
        case .bool(let b): budget -= b ? 4 : 5
        case .number(let n): budget -= n.compactLength
        case .string(let s): budget -= JSON.serializedLength(of: s)
        case .array(let items):
            // Brackets and commas.
            budget -= items.isEmpty ? 2 : 1 + items.count
            for item in items {
                guard budget >= 0, item.fits(&budget) else { return false }
            }
        case .object(let object):
            // Braces, commas and colons.
            budget -= object.isEmpty ? 2 : 1 + 2 * object.count
            let keys = object.keys
            let values = object.values
            for position in keys.indices {
                budget -= JSON.serializedLength(of: keys[position])
                guard budget >= 0, values[position].fits(&budget) else { return false }
            }
        }
        return budget >= 0
    }

    /// A string's length as `JSONSerializer` writes it: quotes, and the escapes of `"`,
    /// `\` and control characters (`\n` is two bytes, `\u001f` six).
    static func serializedLength(of string: String) -> Int {
        let counted = string.utf8.withContiguousStorageIfAvailable { bytes in
            var length = bytes.count + 2
            for byte in bytes where byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") {
                length += escapeExtra(byte)
            }
            return length
        }
        if let counted { return counted }
        var length = 2
        for byte in string.utf8 {
            length += 1
            if byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") { length += escapeExtra(byte) }
        }
        return length
    }

    /// The bytes an escaped byte adds beyond itself.
    private static func escapeExtra(_ byte: UInt8) -> Int {
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), 0x08, 0x0C, 0x0A, 0x0D, 0x09: 1
        default: 5
        }
    }
}

extension JSONNumber {
    /// The length of the number as the compact serializer writes it.
    var compactLength: Int {
        switch storage {
        case .integer(let i):
            var digits = i < 0 ? 2 : 1
            var magnitude = i.magnitude
            while magnitude >= 10 {
                magnitude /= 10
                digits += 1
            }
            return digits
        case .literal(let text):
            return text.utf8.count
        }
    }
}
