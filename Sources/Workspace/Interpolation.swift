/// The `${…}` references inside one string, parsed.
///
/// Grammar: `${name}` or `${name.key.0}` (dots index into objects and arrays; names
/// are letters, digits, `_` and `-`; spaces inside the braces are ignored); `$${` is a
/// literal `${`. Every other `$` is literal, so ASL's own `$.path` and `$$.Execution`
/// pass through untouched.
struct Interpolation: Sendable {
    enum Part: Sendable {
        case literal(String)
        case reference(Reference)
    }

    struct Reference: Sendable {
        /// `["lambda", "process"]` for `${lambda.process}`.
        var path: [String]
        /// The reference as written, `${lambda.process}`, to find it in the source line.
        var text: String
        /// Offset of the `$` in the string, in Unicode scalars.
        var scalarOffset: Int

        var name: String { path.joined(separator: ".") }
    }

    struct SyntaxError: Error, Sendable {
        var message: String
        var scalarOffset: Int
        var text: String
    }

    var parts: [Part]

    /// The single reference when the string is exactly one `${x}` (it then takes x's type).
    var soleReference: Reference? {
        if parts.count == 1, case .reference(let reference) = parts[0] { return reference }
        return nil
    }

    /// Whether `text` can contain anything to substitute; the fast path of rendering.
    static func mayContainReferences(_ text: String) -> Bool {
        var previousWasDollar = false
        for byte in text.utf8 {
            if previousWasDollar && byte == UInt8(ascii: "{") { return true }
            previousWasDollar = byte == UInt8(ascii: "$")
        }
        return false
    }

    static func parse(_ text: String) throws(SyntaxError) -> Interpolation {
        // Scans UTF-8 bytes: `$`, `{` and `}` are ASCII, so byte positions are safe cut points.
        let utf8 = text.utf8
        var parts: [Part] = []
        var literal = ""
        var literalStart = utf8.startIndex
        var i = utf8.startIndex
        func scalarOffset(_ index: String.Index) -> Int {
            utf8[utf8.startIndex..<index].count { $0 & 0xC0 != 0x80 }
        }
        while i < utf8.endIndex {
            guard utf8[i] == UInt8(ascii: "$") else {
                i = utf8.index(after: i)
                continue
            }
            let next = utf8.index(after: i)
            if next < utf8.endIndex, utf8[next] == UInt8(ascii: "$") {
                let third = utf8.index(after: next)
                if third < utf8.endIndex, utf8[third] == UInt8(ascii: "{") {
                    // `$${` is a literal `${`.
                    literal += text[literalStart..<next]
                    literal += "{"
                    i = utf8.index(after: third)
                    literalStart = i
                    continue
                }
                i = next
                continue
            }
            guard next < utf8.endIndex, utf8[next] == UInt8(ascii: "{") else {
                i = next
                continue
            }
            let nameStart = utf8.index(after: next)
            guard let close = utf8[nameStart...].firstIndex(of: UInt8(ascii: "}")) else {
                throw SyntaxError(
                    message: "'${' is not closed by '}' (write '$${' for a literal '${')",
                    scalarOffset: scalarOffset(i), text: String(text[i...]))
            }
            let afterClose = utf8.index(after: close)
            let written = String(text[i..<afterClose])
            let inner = String(text[nameStart..<close]).trimmingSpaces
            let path = inner.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
            guard !inner.isEmpty, path.allSatisfy(isValidSegment) else {
                let shown = inner.isEmpty ? "an empty reference" : "'\(written)'"
                throw SyntaxError(
                    message: "\(shown) is not a variable reference: use names of letters, digits, '_' and '-', separated by '.'",
                    scalarOffset: scalarOffset(i), text: written)
            }
            literal += text[literalStart..<i]
            if !literal.isEmpty {
                parts.append(.literal(literal))
                literal = ""
            }
            parts.append(.reference(Reference(path: path, text: written, scalarOffset: scalarOffset(i))))
            i = afterClose
            literalStart = i
        }
        literal += text[literalStart...]
        if !literal.isEmpty || parts.isEmpty { parts.append(.literal(literal)) }
        return Interpolation(parts: parts)
    }

    private static func isValidSegment(_ segment: String) -> Bool {
        !segment.isEmpty && segment.utf8.allSatisfy {
            ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x41 && $0 <= 0x5A) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x5F || $0 == 0x2D
        }
    }
}

extension String {
    var trimmingSpaces: String {
        var scalars = Substring(self).unicodeScalars
        while let first = scalars.first, first == " " { scalars.removeFirst() }
        while let last = scalars.last, last == " " { scalars.removeLast() }
        return String(scalars)
    }
}
