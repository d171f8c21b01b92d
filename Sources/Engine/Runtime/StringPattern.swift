/// `StringMatches` patterns: `*` matches any run of characters; `\*` is a literal star
/// and `\\` a literal backslash.
struct StringPattern {
    enum Piece: Equatable { case literal(Character), star }
    let pieces: [Piece]

    init(_ pattern: String) {
        var pieces: [Piece] = []
        var escaped = false
        for c in pattern {
            if escaped {
                pieces.append(.literal(c))
                escaped = false
            } else if c == "\\" {
                escaped = true
            } else if c == "*" {
                pieces.append(.star)
            } else {
                pieces.append(.literal(c))
            }
        }
        if escaped { pieces.append(.literal("\\")) }
        self.pieces = pieces
    }

    /// Greedy matching with backtracking to the last star: linear in practice.
    func matches(_ text: String) -> Bool {
        let chars = Array(text)
        var p = 0, t = 0
        var starP = -1, starT = 0
        while t < chars.count {
            if p < pieces.count, case .literal(let c) = pieces[p], c == chars[t] {
                p += 1
                t += 1
            } else if p < pieces.count, pieces[p] == .star {
                starP = p
                starT = t
                p += 1
            } else if starP >= 0 {
                p = starP + 1
                starT += 1
                t = starT
            } else {
                return false
            }
        }
        while p < pieces.count, pieces[p] == .star { p += 1 }
        return p == pieces.count
    }
}
