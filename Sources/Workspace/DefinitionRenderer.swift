import Diagnostics
import JSONValue

/// Renders one definition: substitutes `${…}`, expands `{$template: …}`, and builds the
/// rendered document's source map as it goes (one entry per node written, so nothing is
/// copied twice), pointing template nodes at the template file with `includedFrom`.
struct DefinitionRenderer {
    let project: Project
    let resolver: VariableResolver
    private(set) var sourceMap = SourceMap()
    private(set) var diagnostics: [Diagnostic] = []
    /// Templates used, in order of first use.
    private(set) var templatesUsed: [String] = []
    /// Set when a substitution failed, even silently (a variable already reported broken).
    private(set) var failed = false
    private var nodeBudget: Int

    /// Far above any real definition (AWS caps definitions at 1 MB); stops a template
    /// that includes another many times over from exhausting memory.
    static let maximumNodes = 10_000_000

    init(project: Project, resolver: VariableResolver) {
        self.project = project
        self.resolver = resolver
        self.nodeBudget = Self.maximumNodes
    }

    /// What a node is rendered with: where it was written, the template arguments in
    /// scope, and the chain of `$template` uses that led to it (innermost first).
    struct Context {
        var origin: Origin
        var locals: [String: JSON]
        var includedFrom: [SourceLocation]
        var templateStack: [String]
    }

    /// Renders `value` to `target`; records source-map entries when `record` is set
    /// (it is not for `with` arguments, which are values, not nodes of the output).
    mutating func render(_ value: JSON, _ context: Context, to target: JSONPointer, record: Bool = true) -> JSON {
        nodeBudget -= 1
        if nodeBudget == 0 {
            diagnostics.append(Diagnostic(
                .render("definition-too-large"),
                message: "the rendered definition has more than \(Self.maximumNodes) nodes; check for a template included many times over",
                at: context.origin.location))
        }
        if nodeBudget < 0 { return .null }
        if record { recordEntry(from: context, to: target) }
        switch value {
        case .string(let text):
            guard Interpolation.mayContainReferences(text) else { return value }
            guard let substituted = resolver.substitute(string: text, at: context.origin.location, locals: context.locals) else {
                failed = true
                return value
            }
            return substituted
        case .array(let array):
            var result: [JSON] = []
            result.reserveCapacity(array.count)
            for (index, element) in array.enumerated() {
                var child = context
                child.origin = context.origin.appending(.index(index))
                result.append(render(element, child, to: target.appending(index), record: record))
            }
            return .array(result)
        case .object(let object):
            if object["$template"] != nil {
                return expandTemplate(object, context, to: target, record: record)
            }
            return .object(renderMembers(object, context, to: target, record: record))
        default:
            return value
        }
    }

    private mutating func renderMembers(_ object: JSONObject, _ context: Context, to target: JSONPointer, record: Bool) -> JSONObject {
        var result = JSONObject()
        for (key, child) in object {
            var childContext = context
            childContext.origin = context.origin.appending(.key(key))
            var outputKey = key
            if Interpolation.mayContainReferences(key) {
                guard let substituted = resolver.substitute(key: key, at: childContext.origin.keyLocation, locals: context.locals) else {
                    failed = true
                    continue
                }
                outputKey = substituted
                if outputKey != key, object[outputKey] != nil || result[outputKey] != nil {
                    diagnostics.append(Diagnostic(
                        .render("duplicate-key"),
                        message: "key '\(key)' renders as '\(outputKey)', which is already a key of this mapping",
                        at: childContext.origin.keyLocation))
                }
            }
            result[outputKey] = render(child, childContext, to: target.appending(outputKey), record: record)
        }
        return result
    }

    private mutating func recordEntry(from context: Context, to target: JSONPointer) {
        guard var entry = context.origin.map[context.origin.pointer] else { return }
        if !context.includedFrom.isEmpty { entry.includedFrom = context.includedFrom }
        sourceMap[target] = entry
    }

    // MARK: templates

    /// `{$template: name, with: {...}, <siblings>}` → the template's value rendered with
    /// `with` as its variables, siblings set over it (when it is a mapping).
    private mutating func expandTemplate(_ object: JSONObject, _ context: Context, to target: JSONPointer, record: Bool) -> JSON {
        let useLocation = context.origin.location
        let nameOrigin = context.origin.appending(.key("$template"))
        guard let name = object["$template"]?.stringValue else {
            diagnostics.append(Diagnostic(
                .render("invalid-template-use"),
                message: "'$template' must name a template, not be \(article(object["$template"]?.typeName ?? "null"))",
                at: nameOrigin.location))
            return .object(object)
        }
        guard let template = lookupTemplate(name, at: nameOrigin.location, context) else { return .object(object) }
        if !templatesUsed.contains(name) { templatesUsed.append(name) }

        var locals: [String: JSON] = [:]
        if let with = object["with"] {
            let withOrigin = context.origin.appending(.key("with"))
            var withContext = context
            withContext.origin = withOrigin
            if case .object = with {
                let arguments = render(with, withContext, to: target, record: false)
                for (key, value) in arguments.objectValue ?? [:] { locals[key] = value }
            } else {
                diagnostics.append(Diagnostic(
                    .render("invalid-template-use"),
                    message: "'with' must be a mapping of template variables, not \(article(with.typeName))",
                    at: withOrigin.location))
            }
        }

        let inner = Context(
            origin: Origin(map: template.document.sourceMap, pointer: .root), locals: locals,
            includedFrom: [useLocation].compactMap { $0 } + context.includedFrom,
            templateStack: context.templateStack + [name])
        var value = render(template.document.value, inner, to: target, record: record)
        if record, var rootEntry = sourceMap[target] {
            // The node is named by the key written where the template is used.
            rootEntry.keyLocation = context.origin.map[context.origin.pointer]?.keyLocation
            sourceMap[target] = rootEntry
        }

        let siblings = object.keys.filter { $0 != "$template" && $0 != "with" }
        guard !siblings.isEmpty else { return value }
        guard case .object(var merged) = value else {
            diagnostics.append(Diagnostic(
                .render("template-not-a-mapping"),
                message: "template '\(name)' is \(article(value.typeName)), so the keys beside '$template' (\(siblings.map { "'\($0)'" }.joined(separator: ", "))) cannot be merged over it",
                at: context.origin.appending(.key(siblings[0])).keyLocation))
            return value
        }
        for key in siblings {
            var memberContext = context
            memberContext.origin = context.origin.appending(.key(key))
            guard let outputKey = resolver.substitute(key: key, at: memberContext.origin.keyLocation, locals: context.locals) else {
                failed = true
                continue
            }
            if record, let old = merged[outputKey] { removeEntries(of: old, at: target.appending(outputKey)) }
            merged[outputKey] = render(object[key] ?? .null, memberContext, to: target.appending(outputKey), record: record)
        }
        value = .object(merged)
        return value
    }

    private mutating func lookupTemplate(_ name: String, at location: SourceLocation?, _ context: Context) -> TemplateSource? {
        if name.hasPrefix("/") || name.hasPrefix("~") || name.contains("\\") || name.split(separator: "/").contains("..") {
            diagnostics.append(Diagnostic(
                .render("template-outside-templates"),
                message: "template '\(name)' is outside templates/: name templates by their path below templates/, without '..'",
                at: location))
            return nil
        }
        if context.templateStack.contains(name) {
            let cycle = (context.templateStack.drop { $0 != name } + [name]).joined(separator: " → ")
            diagnostics.append(Diagnostic(
                .render("template-cycle"),
                message: "template '\(name)' includes itself: \(cycle)",
                at: location,
                notes: context.includedFrom.map { Diagnostic.Note("included from here", at: $0) }))
            return nil
        }
        guard let template = project.templates[name] else {
            let known = project.templates.keys.sorted()
            diagnostics.append(Diagnostic(
                .render("unknown-template"),
                message: "unknown template '\(name)'\(Suggestion.didYouMean(name, in: known))",
                at: location,
                notes: [Diagnostic.Note(known.isEmpty
                    ? "there are no templates: add templates/\(name).yaml"
                    : "templates: \(known.joined(separator: ", "))")]))
            return nil
        }
        return template
    }

    private mutating func removeEntries(of value: JSON, at pointer: JSONPointer) {
        sourceMap[pointer] = nil
        switch value {
        case .object(let object):
            for (key, child) in object { removeEntries(of: child, at: pointer.appending(key)) }
        case .array(let array):
            for (index, child) in array.enumerated() { removeEntries(of: child, at: pointer.appending(index)) }
        default:
            break
        }
    }
}
