import Diagnostics
import JSONValue

/// Where a raw value was written: the source map that covers it and its pointer there.
struct Origin: Sendable {
    var map: SourceMap
    var pointer: JSONPointer

    func appending(_ token: JSONPointer.Token) -> Origin { Origin(map: map, pointer: pointer.appending(token)) }
    var location: SourceLocation? { map.location(of: pointer) }
    var keyLocation: SourceLocation? { map.keyLocation(of: pointer) }
}

/// Resolves `${…}` references lazily, each variable once, with cycle detection.
///
/// Roots are the environment's `vars` and the built-ins (`env`, `region`, `account`,
/// `alias`, and per workflow `workflow` and `name`). A root's value is substituted the
/// first time it is used, so variables may refer to each other in any order.
///
/// The environment-level pass runs in *probing* mode: the workflow built-ins are not
/// known yet, so a root that uses them is remembered as workflow-dependent (and
/// resolved again per render) while everything else is resolved once per environment.
/// A resolver is used by one render at a time; renders copy the seed they start from.
final class VariableResolver {
    enum State: Sendable {
        case unresolved
        case resolving
        case resolved(JSON)
        case failed
        /// Probing found this root depends on the workflow; the value has placeholders.
        case dependsOnWorkflow(JSON)
    }

    struct Root: Sendable {
        var raw: JSON
        var origin: Origin?
        var state: State
    }

    static let workflowBuiltins: Set<String> = ["workflow", "name"]
    static let builtins = ["env", "region", "account", "alias", "workflow", "name"]

    private(set) var roots: [String: Root]
    let locator: ReferenceLocator
    let probing: Bool
    var diagnostics: [Diagnostic] = []
    private var stack: [String] = []
    private var usedWorkflow = false

    init(roots: [String: Root], locator: ReferenceLocator, probing: Bool) {
        self.roots = roots
        self.locator = locator
        self.probing = probing
    }

    /// The roots to seed a render from: workflow-dependent ones go back to unresolved.
    var seedForRenders: [String: Root] {
        roots.mapValues { root in
            var root = root
            if case .dependsOnWorkflow = root.state { root.state = .unresolved }
            if case .resolving = root.state { root.state = .unresolved }
            return root
        }
    }

    func setRoot(_ name: String, _ root: Root) { roots[name] = root }

    /// Resolves a root by name (used for `region`, `naming` … outside any string).
    /// Returns nil when it failed; `dependsOnWorkflow` tells whether probing met a workflow built-in.
    func resolveRoot(_ name: String, usedFrom location: SourceLocation?) -> (value: JSON, dependsOnWorkflow: Bool)? {
        let saved = usedWorkflow
        usedWorkflow = false
        defer { usedWorkflow = saved || usedWorkflow }
        guard let value = rootValue(name, at: { location }) else { return nil }
        return (value, usedWorkflow)
    }

    // MARK: substitution

    /// Substitutes every string (values and keys) inside `value`; nil when any failed.
    func substitute(_ value: JSON, origin: Origin?, locals: [String: JSON] = [:]) -> JSON? {
        switch value {
        case .string(let text):
            return substitute(string: text, at: { origin?.location }, locals: locals)
        case .array(let array):
            var result: [JSON] = []
            result.reserveCapacity(array.count)
            var ok = true
            for (index, element) in array.enumerated() {
                if let element = substitute(element, origin: origin?.appending(.index(index)), locals: locals) {
                    result.append(element)
                } else {
                    ok = false
                }
            }
            return ok ? .array(result) : nil
        case .object(let object):
            var result = JSONObject()
            var ok = true
            for (key, child) in object {
                let childOrigin = origin?.appending(.key(key))
                let newKey = substitute(key: key, at: { childOrigin?.keyLocation }, locals: locals)
                let newValue = substitute(child, origin: childOrigin, locals: locals)
                if let newKey, let newValue { result[newKey] = newValue } else { ok = false }
            }
            return ok ? .object(result) : nil
        default:
            return value
        }
    }

    /// A string with its references replaced; a string that is exactly `${x}` becomes
    /// x's value with its own type. Nil when a reference failed (diagnosed).
    /// `location` is asked for only when there is a problem to report.
    func substitute(string text: String, at location: () -> SourceLocation?, locals: [String: JSON]) -> JSON? {
        guard Interpolation.mayContainReferences(text) else { return .string(text) }
        let interpolation: Interpolation
        do {
            interpolation = try Interpolation.parse(text)
        } catch {
            report("invalid-reference", error.message, at: locate(error.text, error.scalarOffset, 0, location()))
            return nil
        }
        if let reference = interpolation.soleReference {
            return lookup(reference, occurrence: 0, in: location, locals: locals)
        }
        var result = ""
        var ok = true
        var seen: [String: Int] = [:]
        for part in interpolation.parts {
            switch part {
            case .literal(let literal):
                result += literal
            case .reference(let reference):
                let occurrence = seen[reference.text, default: 0]
                seen[reference.text] = occurrence + 1
                guard let value = lookup(reference, occurrence: occurrence, in: location, locals: locals) else {
                    ok = false
                    continue
                }
                switch value {
                case .string(let s): result += s
                case .number(let n): result += n.literal
                case .bool(let b): result += b ? "true" : "false"
                case .null: result += "null"
                case .array, .object:
                    report("non-scalar-in-string",
                           "'\(reference.name)' is \(article(value.typeName)) and cannot be inserted into a string; make the whole string '\(reference.text)' to insert it as \(article(value.typeName))",
                           at: locate(reference.text, reference.scalarOffset, occurrence, location()))
                    ok = false
                }
            }
        }
        return ok ? .string(result) : nil
    }

    /// A key with its references replaced; keys stay strings whatever the variable's type.
    func substitute(key: String, at location: () -> SourceLocation?, locals: [String: JSON]) -> String? {
        guard Interpolation.mayContainReferences(key) else { return key }
        switch substitute(string: key, at: location, locals: locals) {
        case .string(let s)?: return s
        case .number(let n)?: return n.literal
        case .bool(let b)?: return b ? "true" : "false"
        case .null?: return "null"
        case let value?:
            report("non-scalar-in-string", "a key cannot be \(article(value.typeName)); '\(key)' must give a string", at: location())
            return nil
        case nil: return nil
        }
    }

    // MARK: lookup

    private func lookup(_ reference: Interpolation.Reference, occurrence: Int, in location: () -> SourceLocation?, locals: [String: JSON]) -> JSON? {
        func at() -> SourceLocation? { locate(reference.text, reference.scalarOffset, occurrence, location()) }
        let rootName = reference.path[0]
        var value: JSON
        if let local = locals[rootName] {
            value = local
        } else if probing, Self.workflowBuiltins.contains(rootName), roots[rootName] == nil {
            usedWorkflow = true
            value = .string("${\(rootName)}")
        } else if roots[rootName] != nil {
            guard let resolved = rootValue(rootName, at: at) else { return nil }
            value = resolved
        } else {
            var known = Set(roots.keys).union(locals.keys)
            if probing { known.formUnion(Self.workflowBuiltins) }
            let sorted = known.sorted()
            report("unknown-variable",
                   "unknown variable '\(rootName)'\(Suggestion.didYouMean(rootName, in: sorted))",
                   at: at(), notes: [Diagnostic.Note("known names: \(sorted.joined(separator: ", "))")])
            return nil
        }
        for (depth, segment) in reference.path.enumerated().dropFirst() {
            let prefix = reference.path[..<depth].joined(separator: ".")
            switch value {
            case .object(let object):
                guard let next = object[segment] else {
                    report("unknown-variable",
                           "'\(prefix)' has no key '\(segment)'\(Suggestion.didYouMean(segment, in: object.keys))",
                           at: at(), notes: [Diagnostic.Note("keys of '\(prefix)': \(object.keys.joined(separator: ", "))")])
                    return nil
                }
                value = next
            case .array(let array):
                guard let index = Int(segment), array.indices.contains(index) else {
                    report("unknown-variable",
                           "'\(prefix)' is a list of \(array.count) items; '\(segment)' is not an index in it", at: at())
                    return nil
                }
                value = array[index]
            default:
                report("index-into-scalar",
                       "'\(prefix)' is \(article(value.typeName)), so '\(reference.text)' cannot look up '\(segment)' in it",
                       at: at())
                return nil
            }
        }
        return value
    }

    private func rootValue(_ name: String, at location: () -> SourceLocation?) -> JSON? {
        guard let root = roots[name] else { return nil }
        switch root.state {
        case .resolved(let value):
            return value
        case .dependsOnWorkflow(let value):
            usedWorkflow = true
            return value
        case .failed:
            // A reference in a string gets a note; settings (`naming`, `role` …) already have their error.
            if !probing, let location = location() {
                report("broken-variable", "'\(name)' could not be resolved (see its error)", severity: .note, at: location)
            }
            return nil
        case .resolving:
            let cycle = (stack.drop { $0 != name } + [name]).joined(separator: " → ")
            report("variable-cycle", "variables refer to each other in a cycle: \(cycle)", at: location())
            return nil
        case .unresolved:
            roots[name]?.state = .resolving
            stack.append(name)
            let saved = usedWorkflow
            usedWorkflow = false
            let value = substitute(root.raw, origin: root.origin)
            let dependent = usedWorkflow
            usedWorkflow = saved || dependent
            stack.removeLast()
            if let value {
                roots[name]?.state = dependent && probing ? .dependsOnWorkflow(value) : .resolved(value)
            } else {
                roots[name]?.state = .failed
            }
            return value
        }
    }

    // MARK: diagnostics

    private func locate(_ text: String, _ offset: Int, _ occurrence: Int, _ location: SourceLocation?) -> SourceLocation? {
        locator.locate(text, offset: offset, occurrence: occurrence, inStringAt: location)
    }

    func report(_ name: String, _ message: String, severity: Severity = .error, at location: SourceLocation?, notes: [Diagnostic.Note] = []) {
        diagnostics.append(Diagnostic(.render(name), severity: severity, message: message, at: location, notes: notes))
    }
}

extension VariableResolver {
    /// Adds `note` to every diagnostic reported since `index` (a template adds where it was used).
    func addNote(_ note: Diagnostic.Note, toDiagnosticsFrom index: Int) {
        for i in index..<diagnostics.count { diagnostics[i].notes.append(note) }
    }

    /// Where a root's value was written, for diagnostics about the value as a whole.
    func rootOrigin(_ name: String) -> Origin? { roots[name]?.origin }
}
