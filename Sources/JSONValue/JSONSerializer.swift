/// Writes `JSON` into a byte buffer. One pass, no intermediate strings except for
/// non-integer numbers in the canonical styles.
struct JSONSerializer {
    let style: JSONStyle
    var out: [UInt8] = []

    init(style: JSONStyle) {
        self.style = style
        out.reserveCapacity(256)
    }

    mutating func write(_ value: JSON, depth: Int) {
        switch value {
        case .null: append("null")
        case .bool(let b): b ? append("true") : append("false")
        case .number(let number): write(number)
        case .string(let string): write(string)
        case .array(let elements):
            guard !elements.isEmpty else { return append("[]") }
            out.append(UInt8(ascii: "["))
            for (position, element) in elements.enumerated() {
                if position > 0 { out.append(UInt8(ascii: ",")) }
                newline(depth + 1)
                write(element, depth: depth + 1)
            }
            newline(depth)
            out.append(UInt8(ascii: "]"))
        case .object(let object):
            guard !object.isEmpty else { return append("{}") }
            out.append(UInt8(ascii: "{"))
            if style.sortsKeys {
                let keys = object.keys
                let values = object.values
                for (position, index) in object.sortedIndices().enumerated() {
                    writeMember(keys[index], values[index], first: position == 0, depth: depth)
                }
            } else {
                let values = object.values
                for (position, key) in object.keys.enumerated() {
                    writeMember(key, values[position], first: position == 0, depth: depth)
                }
            }
            newline(depth)
            out.append(UInt8(ascii: "}"))
        }
    }

    mutating func writeMember(_ key: String, _ value: JSON, first: Bool, depth: Int) {
        if !first { out.append(UInt8(ascii: ",")) }
        newline(depth + 1)
        write(key)
        out.append(UInt8(ascii: ":"))
        if style.isPretty { out.append(UInt8(ascii: " ")) }
        write(value, depth: depth + 1)
    }

    /// A line break and indentation, in the pretty styles only.
    @inline(__always)
    mutating func newline(_ depth: Int) {
        guard style.isPretty else { return }
        out.append(0x0A)
        for _ in 0..<depth { out.append(0x20); out.append(0x20) }
    }

    mutating func write(_ number: JSONNumber) {
        switch number.storage {
        case .integer(let i): writeInteger(i)
        case .literal(let text): style.sortsKeys ? append(number.canonicalLiteral) : append(text)
        }
    }

    /// Decimal digits straight into the buffer.
    mutating func writeInteger(_ value: Int64) {
        if value < 0 { out.append(UInt8(ascii: "-")) }
        var magnitude = value.magnitude
        let start = out.count
        repeat {
            out.append(UInt8(ascii: "0") + UInt8(magnitude % 10))
            magnitude /= 10
        } while magnitude > 0
        out[start...].reverse()
    }

    /// A string with the minimal escapes of RFC 8785 (used by every style): `"`, `\` and
    /// control characters only; `\b \f \n \r \t` by name, others as lowercase `\u00xx`.
    mutating func write(_ string: String) {
        JSON.appendQuoted(string, to: &out)
    }

    @inline(__always)
    mutating func append(_ text: StaticString) {
        out.append(contentsOf: UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    mutating func append(_ text: String) {
        out.append(contentsOf: text.utf8)
    }
}
