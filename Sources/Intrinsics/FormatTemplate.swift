/// A `States.Format` template split into text and `{}` placeholders.
///
/// In a literal template an escaped brace (`\{`, `\}`) is text, so this reads the
/// literal's raw source rather than its unescaped value; a template that comes from a
/// path has no escapes and every `{}` is a placeholder.
///
///     States.Format('Hello, {}! \{not a placeholder\}', $.name)  // "Hello, Ana! {not a placeholder}"
struct FormatTemplate: Sendable, Hashable {
    enum Piece: Sendable, Hashable {
        case text(String)
        case placeholder
    }

    let pieces: [Piece]

    var placeholderCount: Int { pieces.count { $0 == .placeholder } }

    /// From a quoted literal as written (`'…'`, quotes included); nil if `raw` is not one.
    init?(literal raw: String) {
        let scalars = Array(raw.unicodeScalars)
        guard scalars.count >= 2, scalars.first == "'", scalars.last == "'" else { return nil }
        var pieces: [Piece] = []
        var text = String.UnicodeScalarView()
        var i = 1
        let end = scalars.count - 1
        while i < end {
            let c = scalars[i]
            if c == "\\", i + 1 < end, "'{}\\".unicodeScalars.contains(scalars[i + 1]) {
                // The same escapes as the parser: any other backslash stays as written.
                text.append(scalars[i + 1])
                i += 2
            } else if c == "{", i + 1 < end, scalars[i + 1] == "}" {
                if !text.isEmpty { pieces.append(.text(String(text))) }
                text = String.UnicodeScalarView()
                pieces.append(.placeholder)
                i += 2
            } else {
                text.append(c)
                i += 1
            }
        }
        if !text.isEmpty { pieces.append(.text(String(text))) }
        self.pieces = pieces
    }

    /// From a template string that came from the input (no escapes).
    init(value: String) {
        var pieces: [Piece] = []
        var text = String.UnicodeScalarView()
        let scalars = Array(value.unicodeScalars)
        var i = 0
        while i < scalars.count {
            if scalars[i] == "{", i + 1 < scalars.count, scalars[i + 1] == "}" {
                if !text.isEmpty { pieces.append(.text(String(text))) }
                text = String.UnicodeScalarView()
                pieces.append(.placeholder)
                i += 2
            } else {
                text.append(scalars[i])
                i += 1
            }
        }
        if !text.isEmpty { pieces.append(.text(String(text))) }
        self.pieces = pieces
    }

    /// The template with each placeholder replaced by the next value; the caller checks counts.
    func render(_ values: [String]) -> String {
        var out = ""
        var next = values.makeIterator()
        for piece in pieces {
            switch piece {
            case .text(let text): out += text
            case .placeholder: out += next.next() ?? ""
            }
        }
        return out
    }
}
