import Foundation

/// A plain-text table as the record commands print it: a header row, columns two spaces
/// apart, text columns left-aligned and number columns right-aligned, no trailing blanks.
///
/// ```
/// revision  deployed          runs  succeeded
/// a1b2c3d   2026-11-28 10:02    14         14
/// ```
struct ColumnTable {
    enum Alignment { case left, right }

    struct Column {
        var title: String
        var alignment: Alignment = .left
    }

    var columns: [Column]
    var rows: [[String]] = []

    init(_ columns: [Column]) { self.columns = columns }

    mutating func add(_ row: [String]) { rows.append(row) }

    var text: String {
        let widths = columns.indices.map { index in
            ([columns[index].title] + rows.map { index < $0.count ? $0[index] : "" }).map(\.count).max() ?? 0
        }
        func line(_ cells: [String]) -> String {
            var text = ""
            for (index, column) in columns.enumerated() {
                let cell = index < cells.count ? cells[index] : ""
                let pad = String(repeating: " ", count: max(0, widths[index] - cell.count))
                if index > 0 { text += "  " }
                text += column.alignment == .left ? cell + pad : pad + cell
            }
            while text.hasSuffix(" ") { text.removeLast() }
            return text + "\n"
        }
        return line(columns.map(\.title)) + rows.map(line).joined()
    }

    /// `2026-11-28 10:02` in the local time zone, as people read a log.
    static func minute(_ date: Date, timeZone: TimeZone = .current) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = timeZone
        formatter.dateFormat = "yyyy-MM-dd HH:mm"
        return formatter.string(from: date)
    }
}
