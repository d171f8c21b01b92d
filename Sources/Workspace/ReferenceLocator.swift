import Diagnostics

/// Finds the exact column of a `${…}` inside a string's source text.
///
/// Source maps know where a string starts; a diagnostic about one reference should
/// point at its `$`. On one line the column is the string's column plus the offset
/// (plus one for an opening quote); when the string is quoted with escapes or spans
/// lines, the reference is looked up in the source text itself.
struct ReferenceLocator: Sendable {
    let sources: SourceFileSet

    /// The location of the `occurrence`-th (0-based) appearance of `reference` in the
    /// string value that starts at `start`; `start` itself when it cannot be found.
    func locate(_ reference: String, offset: Int, occurrence: Int, inStringAt start: SourceLocation?) -> SourceLocation? {
        guard let start else { return nil }
        guard let file = sources.sourceFile(named: start.file), let firstLine = file.line(start.line) else { return start }
        let head = Array(firstLine.unicodeScalars.dropFirst(start.column - 1))
        let quoted = head.first == "\"" || head.first == "'"
        let contentStart = quoted ? 1 : 0
        let needle = Array(reference.unicodeScalars)
        // The common case: the reference sits at its offset on the string's first line.
        if contentStart + offset + needle.count <= head.count,
           Array(head[(contentStart + offset)..<(contentStart + offset + needle.count)]) == needle {
            return SourceLocation(file: start.file, line: start.line, column: start.column + contentStart + offset)
        }
        // Otherwise search forward from the string's start for the reference as written.
        var remaining = occurrence
        var lineNumber = start.line
        var columnBase = start.column
        var line = head
        while lineNumber <= min(file.lineCount, start.line + 2000) {
            var from = 0
            while let found = firstIndex(of: needle, in: line, from: from) {
                if remaining == 0 {
                    return SourceLocation(file: start.file, line: lineNumber, column: columnBase + found)
                }
                remaining -= 1
                from = found + 1
            }
            lineNumber += 1
            columnBase = 1
            guard let next = file.line(lineNumber) else { break }
            line = Array(next.unicodeScalars)
        }
        return start
    }

    private func firstIndex(of needle: [Unicode.Scalar], in haystack: [Unicode.Scalar], from: Int) -> Int? {
        guard !needle.isEmpty, haystack.count >= needle.count, from <= haystack.count - needle.count else { return nil }
        for i in from...(haystack.count - needle.count) where haystack[i] == needle[0] {
            if haystack[i..<(i + needle.count)].elementsEqual(needle) { return i }
        }
        return nil
    }
}
