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
        let scalars = Array(text.unicodeScalars)
        var parts: [Part] = []
        var literal = String.UnicodeScalarView()
        var i = 0
        while i < scalars.count {
            let scalar = scalars[i]
            if scalar == "$", i + 2 < scalars.count, scalars[i + 1] == "$", scalars[i + 2] == "{" {
                literal.append(contentsOf: ["$", "{"])
                i += 3
                continue
            }
            guard scalar == "$", i + 1 < scalars.count, scalars[i + 1] == "{" else {
                literal.append(scalar)
                i += 1
                continue
            }
            guard let close = scalars[(i + 2)...].firstIndex(of: "}") else {
                throw SyntaxError(
                    message: "'${' is not closed by '}' (write '$${' for a literal '${')",
                    scalarOffset: i, text: String(String.UnicodeScalarView(scalars[i...])))
            }
            let written = String(String.UnicodeScalarView(scalars[i...close]))
            let inner = String(String.UnicodeScalarView(scalars[(i + 2)..<close])).trimmingSpaces
            let path = inner.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
            guard !inner.isEmpty, path.allSatisfy(isValidSegment) else {
                let shown = inner.isEmpty ? "an empty reference" : "'\(written)'"
                throw SyntaxError(
                    message: "\(shown) is not a variable reference: use names of letters, digits, '_' and '-', separated by '.'",
                    scalarOffset: i, text: written)
            }
            if !literal.isEmpty {
                parts.append(.literal(String(literal)))
                literal = String.UnicodeScalarView()
            }
            parts.append(.reference(Reference(path: path, text: written, scalarOffset: i)))
            i = close + 1
        }
        if !literal.isEmpty || parts.isEmpty { parts.append(.literal(String(literal))) }
        return Interpolation(parts: parts)
    }

    private static func isValidSegment(_ segment: String) -> Bool {
        !segment.isEmpty && segment.unicodeScalars.allSatisfy {
            ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) || $0 == "_" || $0 == "-"
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
