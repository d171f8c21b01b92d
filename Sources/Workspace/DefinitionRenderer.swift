import Diagnostics
import JSONValue

/// Renders one definition: substitutes `${…}`, expands `{$template: …}`, and builds the
/// rendered document's source map.
///
/// Speed matters here (thousands of renders per run), so the map starts as the
/// workflow's own definition map, computed once at load, and a render only touches the
/// entries it changes: nodes spliced in from templates (which point at the template
/// file, with `includedFrom`), and nodes under keys that substitution renamed. Paths
/// are kept as stacks and turned into pointers only when an entry is written or a
/// problem is reported.
///
/// Entries of source nodes that do not reach the output (the `$template` and `with`
/// keys, a key before renaming) are left in the map rather than removed: their
/// pointers name no node of the rendered value, so no lookup of a node meets them,
/// and every node that is in the value has its entry written or kept.
struct DefinitionRenderer {
    /// What a pass computes. A definition's map does not depend on the environment unless a
    /// key is substituted, so the loader computes it once (`structure`) and each render then
    /// substitutes values only (`values`); `full` does both, for definitions with `${…}` keys.
    enum Mode {
        case full
        case values
        case structure
    }

    let project: Project
    /// Nil in `structure` mode, which substitutes nothing.
    let resolver: VariableResolver?
    let mode: Mode
    private(set) var sourceMap: SourceMap
    private(set) var diagnostics: [Diagnostic] = []
    /// Templates used, in order of first use.
    private(set) var templatesUsed: [String] = []
    /// Set when a substitution failed, even silently (a variable already reported broken).
    private(set) var failed = false
    /// Set when a key contains `${`: the map then depends on the environment.
    private(set) var keysDependOnEnvironment = false
    private var nodeBudget = Self.maximumNodes
    /// In `values` mode, a template used again with the same arguments in this render
    /// gives the same value (the scope of one render is fixed), so it is expanded once.
    private var expansions: [Expansion: JSON] = [:]

    private struct Expansion: Hashable {
        var name: String
        var arguments: [String: JSON]
    }

    /// Far above any real definition (AWS caps definitions at 1 MB); stops a template
    /// that includes another many times over from exhausting memory.
    static let maximumNodes = 10_000_000

    // The place being rendered: the document it was written in, the path inside it,
    // and the path in the output. `recording` is true where output entries must be
    // written (inside templates and renamed keys), false where the workflow's own map
    // already holds them.
    private var origin: Origin
    private var sourcePath: [JSONPointer.Token] = []
    private var targetPath: [JSONPointer.Token] = []
    private var recording = false
    private var locals: [String: JSON] = [:]
    /// Where enclosing templates were used, innermost first.
    private var includedFrom: [SourceLocation] = []
    private var templateStack: [String] = []

    /// - Parameters:
    ///   - definitionOrigin: where the definition sits in the workflow file.
    ///   - definitionMap: the workflow file's map re-rooted at the definition.
    init(project: Project, resolver: VariableResolver?, mode: Mode, definitionOrigin: Origin, definitionMap: SourceMap) {
        self.project = project
        self.resolver = resolver
        self.mode = mode
        self.origin = definitionOrigin
        self.sourceMap = definitionMap
    }

    private var sourcePointer: JSONPointer { origin.pointer.appending(JSONPointer(sourcePath)) }
    private var sourceLocation: SourceLocation? { origin.map.location(of: sourcePointer) }
    private var sourceKeyLocation: SourceLocation? { origin.map.keyLocation(of: sourcePointer) }

    /// Renders `value`, whose shape (from `RenderShape.of`) is `shape`.
    mutating func render(_ value: JSON, _ shape: RenderShape?) -> JSON {
        // A static subtree is its own rendering, unless its entries must be written.
        if shape == nil, !recording { return value }
        nodeBudget -= 1
        if nodeBudget <= 0 {
            if nodeBudget == 0 {
                diagnostics.append(Diagnostic(
                    .render("definition-too-large"),
                    message: "the rendered definition has more than \(Self.maximumNodes) nodes; check for a template included many times over",
                    at: sourceLocation))
            }
            failed = true
            return .null
        }
        if recording { recordEntry() }
        switch value {
        case .string(let text):
            guard Interpolation.mayContainReferences(text), let resolver else { return value }
            guard let substituted = resolver.substitute(string: text, at: { sourceLocation }, locals: locals) else {
                failed = true
                return value
            }
            return substituted
        case .array(let array):
            var result: [JSON] = []
            result.reserveCapacity(array.count)
            for (index, element) in array.enumerated() {
                sourcePath.append(.index(index))
                targetPath.append(.index(index))
                result.append(render(element, shape?.child(index)))
                sourcePath.removeLast()
                targetPath.removeLast()
            }
            return .array(result)
        case .object(let object):
            if object["$template"] != nil { return expandTemplate(object, shape) }
            var result = JSONObject()
            for (index, (key, child)) in object.enumerated() {
                guard let (outputKey, value) = renderMember(key, child, shape?.child(index), in: object, existing: result) else { continue }
                result[outputKey] = value
            }
            return .object(result)
        default:
            return value
        }
    }

    /// Renders one member; a key that substitution renames moves its entries along.
    private mutating func renderMember(
        _ key: String, _ child: JSON, _ shape: RenderShape?, in object: JSONObject, existing: JSONObject
    ) -> (String, JSON)? {
        sourcePath.append(.key(key))
        defer { sourcePath.removeLast() }
        var outputKey = key
        if Interpolation.mayContainReferences(key) {
            keysDependOnEnvironment = true
            guard let resolver else { return (key, render(child, shape)) }
            guard let substituted = resolver.substitute(key: key, at: { sourceKeyLocation }, locals: locals) else {
                failed = true
                return nil
            }
            outputKey = substituted
            if outputKey != key, object[outputKey] != nil || existing[outputKey] != nil {
                diagnostics.append(Diagnostic(
                    .render("duplicate-key"),
                    message: "key '\(key)' renders as '\(outputKey)', which is already a key of this mapping",
                    at: sourceKeyLocation))
            }
        }
        targetPath.append(.key(outputKey))
        defer { targetPath.removeLast() }
        guard outputKey != key, !recording, mode == .full else { return (outputKey, render(child, shape)) }
        // Renamed where entries came from the workflow's map: record them at the new key.
        recording = true
        defer { recording = false }
        return (outputKey, render(child, shape))
    }

    private mutating func recordEntry() {
        guard var entry = origin.map[sourcePointer] else { return }
        if !includedFrom.isEmpty { entry.includedFrom = includedFrom }
        sourceMap[JSONPointer(targetPath)] = entry
    }

    // MARK: templates

    /// `{$template: name, with: {...}, <siblings>}` → the template's value rendered with
    /// `with` as its variables, siblings set over it (when it is a mapping).
    private mutating func expandTemplate(_ object: JSONObject, _ shape: RenderShape?) -> JSON {
        func shapeOf(_ key: String) -> RenderShape? { object.position(of: key).flatMap { shape?.child($0) } }
        // Positions of the use are needed only where entries are written (a `values` pass
        // reuses the map the loader built) or a problem is reported.
        let records = mode != .values
        let useEntry = records ? origin.map[sourcePointer] : nil
        let useLocation = records ? useEntry?.location ?? sourceLocation : nil
        let target = records ? JSONPointer(targetPath) : .root
        let usePath = sourcePath
        let nameLocation = { [origin] in
            origin.map.location(of: origin.pointer.appending(JSONPointer(usePath + [.key("$template")])))
        }
        guard let name = object["$template"]?.stringValue else {
            diagnostics.append(Diagnostic(
                .render("invalid-template-use"),
                message: "'$template' must name a template, not be \(article(object["$template"]?.typeName ?? "null"))",
                at: nameLocation()))
            failed = true
            return .object(object)
        }
        guard let template = lookupTemplate(name, at: nameLocation) else {
            failed = true
            return .object(object)
        }
        if !templatesUsed.contains(name) { templatesUsed.append(name) }

        // Arguments are values rendered where the template is used; they are not output nodes.
        var arguments: [String: JSON] = [:]
        if let with = object["with"] {
            sourcePath.append(.key("with"))
            if mode == .structure {
                // Arguments are values; they shape no node of the output.
            } else if case .object = with {
                let wasRecording = recording
                recording = false
                let savedMap = sourceMap
                for (key, value) in render(with, shapeOf("with")).objectValue ?? [:] { arguments[key] = value }
                sourceMap = savedMap
                recording = wasRecording
            } else {
                diagnostics.append(Diagnostic(
                    .render("invalid-template-use"),
                    message: "'with' must be a mapping of template variables, not \(article(with.typeName))",
                    at: sourceLocation))
                failed = true
            }
            sourcePath.removeLast()
        }

        let expansion = Expansion(name: name, arguments: arguments)
        if mode == .values, object.count <= 2, let cached = expansions[expansion] { return cached }
        let diagnosticsBefore = diagnostics.count, failedBefore = failed
        let resolverDiagnosticsBefore = resolver?.diagnostics.count ?? 0
        let saved = (origin, sourcePath, recording, locals, includedFrom, templateStack)
        origin = Origin(map: template.document.sourceMap, pointer: .root)
        sourcePath = []
        recording = mode != .values
        locals = arguments
        if records { includedFrom = [useLocation].compactMap { $0 } + includedFrom }
        templateStack.append(name)
        var value = render(template.document.value, template.shape)
        (origin, sourcePath, recording, locals, includedFrom, templateStack) = saved
        if diagnostics.count > diagnosticsBefore || (resolver?.diagnostics.count ?? 0) > resolverDiagnosticsBefore {
            // Problems inside the template also say where it was used.
            let note = Diagnostic.Note("in template '\(name)', used here", at: useLocation ?? sourceLocation)
            for index in diagnosticsBefore..<diagnostics.count { diagnostics[index].notes.append(note) }
            resolver?.addNote(note, toDiagnosticsFrom: resolverDiagnosticsBefore)
        }
        if mode != .values, var rootEntry = sourceMap[target] {
            // The node is named by the key written where the template is used.
            rootEntry.keyLocation = useEntry?.keyLocation
            sourceMap[target] = rootEntry
        }

        let siblings = object.keys.filter { $0 != "$template" && $0 != "with" }
        guard !siblings.isEmpty else {
            if mode == .values, diagnostics.count == diagnosticsBefore, failed == failedBefore { expansions[expansion] = value }
            return value
        }
        guard case .object(var merged) = value else {
            sourcePath.append(.key(siblings[0]))
            diagnostics.append(Diagnostic(
                .render("template-not-a-mapping"),
                message: "template '\(name)' is \(article(value.typeName)), so the keys beside '$template' (\(siblings.map { "'\($0)'" }.joined(separator: ", "))) cannot be merged over it",
                at: sourceKeyLocation))
            sourcePath.removeLast()
            failed = true
            return value
        }
        // Siblings are written where the template is used; record their entries there.
        let wasRecording = recording
        recording = mode != .values
        for key in siblings {
            guard let child = object[key] else { continue }
            guard let (outputKey, rendered) = renderMember(key, child, shapeOf(key), in: object, existing: [:]) else { continue }
            merged[outputKey] = rendered
        }
        recording = wasRecording
        value = .object(merged)
        return value
    }

    private mutating func lookupTemplate(_ name: String, at location: () -> SourceLocation?) -> TemplateSource? {
        if name.hasPrefix("/") || name.hasPrefix("~") || name.contains("\\")
            || (name.contains("..") && name.split(separator: "/").contains("..")) {
            diagnostics.append(Diagnostic(
                .render("template-outside-templates"),
                message: "template '\(name)' is outside templates/: name templates by their path below templates/, without '..'",
                at: location()))
            return nil
        }
        if templateStack.contains(name) {
            let cycle = (templateStack.drop { $0 != name } + [name]).joined(separator: " → ")
            diagnostics.append(Diagnostic(
                .render("template-cycle"),
                message: "template '\(name)' includes itself: \(cycle)",
                at: location(),
                notes: includedFrom.map { Diagnostic.Note("included from here", at: $0) }))
            return nil
        }
        if project.templates[name] == nil, let file = project.unloadableTemplates[name] {
            diagnostics.append(Diagnostic(
                .render("unloadable-template"), severity: .note,
                message: "template '\(name)' could not be loaded; fix the errors in '\(file)'", at: location()))
            return nil
        }
        guard let template = project.templates[name] else {
            let known = project.templates.keys.sorted()
            diagnostics.append(Diagnostic(
                .render("unknown-template"),
                message: "unknown template '\(name)'\(Suggestion.didYouMean(name, in: known))",
                at: location(),
                notes: [Diagnostic.Note(known.isEmpty
                    ? "there are no templates: add templates/\(name).yaml"
                    : "templates: \(known.joined(separator: ", "))")]))
            return nil
        }
        return template
    }
}
