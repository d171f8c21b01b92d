/// A text diff in the unified format (`---`/`+++` headers, `@@` hunks with context
/// lines), as `git diff` prints it: the `--unified` view of canonical pretty JSON.
public struct UnifiedDiff: Sendable {
    public var oldLabel: String
    public var newLabel: String
    /// Unchanged lines shown around each change.
    public var context: Int

    public init(oldLabel: String, newLabel: String, context: Int = 3) {
        self.oldLabel = oldLabel
        self.newLabel = newLabel
        self.context = context
    }

    /// The diff of `old` and `new` (either may be empty: an added or removed file), or
    /// `""` when they are equal. Every line ends with a newline.
    public func render(old: String, new: String) -> String {
        let a = UnifiedDiff.lines(old)
        let b = UnifiedDiff.lines(new)
        let edits = LineDiff(old: a, new: b).edits
        let changed = edits.indices.filter { if case .keep = edits[$0] { false } else { true } }
        guard let firstChange = changed.first else { return "" }
        var text = "--- \(oldLabel)\n+++ \(newLabel)\n"
        // Group changes whose context would touch or overlap into one hunk.
        var groups: [(Int, Int)] = []
        var start = firstChange, end = firstChange
        for index in changed.dropFirst() {
            if index - end > 2 * context {
                groups.append((start, end))
                start = index
            }
            end = index
        }
        groups.append((start, end))
        for (first, last) in groups {
            let from = max(0, first - context)
            let to = min(edits.count - 1, last + context)
            text += hunk(edits[from...to], before: edits[..<from], a: a, b: b)
        }
        return text
    }

    private func hunk(_ slice: ArraySlice<LineDiff.Edit>, before: ArraySlice<LineDiff.Edit>, a: [Substring], b: [Substring]) -> String {
        var oldBefore = 0, newBefore = 0
        for edit in before {
            switch edit {
            case .keep: oldBefore += 1; newBefore += 1
            case .delete: oldBefore += 1
            case .insert: newBefore += 1
            }
        }
        var body = ""
        var oldCount = 0, newCount = 0
        for edit in slice {
            switch edit {
            case .keep(let i, _): body += " \(a[i])\n"; oldCount += 1; newCount += 1
            case .delete(let i): body += "-\(a[i])\n"; oldCount += 1
            case .insert(let j): body += "+\(b[j])\n"; newCount += 1
            }
        }
        func range(_ before: Int, _ count: Int) -> String {
            let start = count == 0 ? before : before + 1
            return count == 1 ? "\(start)" : "\(start),\(count)"
        }
        return "@@ -\(range(oldBefore, oldCount)) +\(range(newBefore, newCount)) @@\n" + body
    }

    /// Lines without their terminators; a final newline does not make an empty line.
    static func lines(_ text: String) -> [Substring] {
        if text.isEmpty { return [] }
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        if lines.last?.isEmpty == true { lines.removeLast() }
        return lines
    }
}
