/// A coding path kept as its container's path plus the last key, joined only when read.
///
/// The coders here make a child per member, and an error (or a nested container) is the only
/// reader of the child's path: building an array per member cost a good part of coding a small
/// request or response.
struct CodingPathTail {
    let parent: [any CodingKey]
    let key: (any CodingKey)?

    init(_ parent: [any CodingKey], key: (any CodingKey)? = nil) {
        self.parent = parent
        self.key = key
    }

    var path: [any CodingKey] { key.map { parent + [$0] } ?? parent }
}
