/// The shortest edit script between two sequences of lines (Myers' O((N+M)·D)
/// algorithm), for `sfn diff --unified`.
///
/// Definitions differ in a few places between revisions, so D is small and the
/// greedy forward search with a saved frontier per step is fast and simple.
public struct LineDiff: Sendable, Equatable {
    public enum Edit: Sendable, Equatable {
        /// `old[oldIndex]` equals `new[newIndex]`.
        case keep(oldIndex: Int, newIndex: Int)
        case delete(oldIndex: Int)
        case insert(newIndex: Int)
    }

    /// Every line of both sides in order: kept, deleted (old only), inserted (new only).
    public let edits: [Edit]

    public init(old: [Substring], new: [Substring]) {
        edits = LineDiff.script(old, new)
    }

    public var hasChanges: Bool {
        edits.contains { if case .keep = $0 { false } else { true } }
    }

    private static func script(_ a: [Substring], _ b: [Substring]) -> [Edit] {
        let n = a.count, m = b.count
        let max = n + m
        if max == 0 { return [] }
        let offset = max + 1
        var frontier = [Int](repeating: 0, count: 2 * max + 3)
        var trace: [[Int]] = []
        search: for d in 0...max {
            trace.append(frontier)
            for k in stride(from: -d, through: d, by: 2) {
                var x: Int
                if k == -d || (k != d && frontier[offset + k - 1] < frontier[offset + k + 1]) {
                    x = frontier[offset + k + 1]
                } else {
                    x = frontier[offset + k - 1] + 1
                }
                var y = x - k
                while x < n && y < m && a[x] == b[y] {
                    x += 1
                    y += 1
                }
                frontier[offset + k] = x
                if x >= n && y >= m { break search }
            }
        }
        // Walk back through the saved frontiers from (n, m) to (0, 0).
        var edits: [Edit] = []
        var x = n, y = m
        for d in stride(from: trace.count - 1, through: 0, by: -1) {
            let v = trace[d]
            let k = x - y
            let previousK: Int
            if k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1]) {
                previousK = k + 1
            } else {
                previousK = k - 1
            }
            let previousX = d == 0 ? 0 : v[offset + previousK]
            let previousY = previousX - previousK
            while x > previousX && y > previousY {
                x -= 1
                y -= 1
                edits.append(.keep(oldIndex: x, newIndex: y))
            }
            if d > 0 {
                if x == previousX {
                    edits.append(.insert(newIndex: previousY))
                } else {
                    edits.append(.delete(oldIndex: previousX))
                }
            }
            x = previousX
            y = previousY
        }
        return edits.reversed()
    }
}
