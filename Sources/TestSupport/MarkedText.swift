public import Diagnostics

/// Source text with position markers, for tests that assert where a diagnostic points.
///
/// Write `1️⃣` … `9️⃣` (as swift-syntax's tests do) immediately before the character a
/// diagnostic should point at; `MarkedText` removes them and records their 1-based
/// line and column:
///
///     let source = MarkedText("""
///         States:
///           A: {Type: Pass, Next: 1️⃣Missing}
///         """)
///     source.text           // the YAML without the marker
///     source["1️⃣"]          // SourceLocation(file: "test.yaml", line: 2, column: 25)
public struct MarkedText: Sendable {
    public let text: String
    public let file: String
    public let markers: [String: SourceLocation]

    public init(_ marked: String, file: String = "test.yaml") {
        self.file = file
        var text = String.UnicodeScalarView()
        var markers: [String: SourceLocation] = [:]
        var line = 1
        var column = 1
        let scalars = Array(marked.unicodeScalars)
        var i = 0
        while i < scalars.count {
            let s = scalars[i]
            // A keycap emoji is <digit> U+FE0F U+20E3.
            if i + 2 < scalars.count, ("1"..."9").contains(s), scalars[i + 1] == "\u{FE0F}", scalars[i + 2] == "\u{20E3}" {
                markers[String(String.UnicodeScalarView([s, scalars[i + 1], scalars[i + 2]]))] =
                    SourceLocation(file: file, line: line, column: column)
                i += 3
                continue
            }
            text.append(s)
            if s == "\n" { line += 1; column = 1 } else { column += 1 }
            i += 1
        }
        self.text = String(text)
        self.markers = markers
    }

    /// The location of a marker; a test that names a missing marker is a broken test.
    public subscript(marker: String) -> SourceLocation {
        guard let location = markers[marker] else {
            preconditionFailure("marker \(marker) is not in the test source")
        }
        return location
    }
}
