/// Runs independent pieces of loading and rendering on every core.
///
/// Loading and rendering a repository is one pure computation per workflow (parse, check,
/// render); a large repository spends most of its time there, so the async entry points spread
/// those computations over the cooperative pool. The results come back in input order, so a
/// concurrent load or render gives exactly what the sequential one gives.
enum Concurrently {
    /// At most this many pieces in flight: enough to keep every core busy, few enough that a
    /// large repository's intermediate values are not all alive at once.
    static let width = 16

    /// `transform` applied to each element, computed concurrently, in the order of `elements`.
    static func map<Element: Sendable, Result: Sendable>(
        _ elements: [Element], _ transform: @escaping @Sendable (Element) -> Result
    ) async -> [Result] {
        guard elements.count > 1 else { return elements.map(transform) }
        return await withTaskGroup(of: (Int, Result).self) { group in
            var results = [Result?](repeating: nil, count: elements.count)
            var next = 0
            func submit() {
                let index = next
                let element = elements[index]
                next += 1
                group.addTask { (index, transform(element)) }
            }
            while next < min(elements.count, width) { submit() }
            while let (index, result) = await group.next() {
                results[index] = result
                if next < elements.count { submit() }
            }
            // Every index was submitted once and its result stored.
            return results.compactMap { $0 }
        }
    }
}
