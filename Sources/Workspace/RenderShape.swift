import JSONValue

/// Which parts of a parsed value rendering has to visit, worked out once at load.
///
/// Most of a definition is static: no `${…}` in its strings or keys and no
/// `$template`. A static subtree renders to itself, so where no source-map entries are
/// being written, rendering returns it as is (sharing its storage) instead of walking
/// it. `nil` stands for a static subtree; a shape has one child per array element or
/// object member, in order.
final class RenderShape: Sendable {
    let children: [RenderShape?]

    private init(children: [RenderShape?]) { self.children = children }

    /// A dynamic scalar (a string with `${`): nothing below it.
    private static let leaf = RenderShape(children: [])

    func child(_ index: Int) -> RenderShape? { index < children.count ? children[index] : nil }

    /// The shape of `value`, or nil when all of it is static.
    static func of(_ value: JSON) -> RenderShape? {
        switch value {
        case .string(let text):
            return Interpolation.mayContainReferences(text) ? leaf : nil
        case .array(let array):
            let children = array.map(of)
            return children.contains { $0 != nil } ? RenderShape(children: children) : nil
        case .object(let object):
            var dynamic = false
            var children: [RenderShape?] = []
            children.reserveCapacity(object.count)
            for (key, child) in object {
                let shape = of(child)
                children.append(shape)
                if shape != nil || key == "$template" || Interpolation.mayContainReferences(key) { dynamic = true }
            }
            return dynamic ? RenderShape(children: children) : nil
        default:
            return nil
        }
    }
}
