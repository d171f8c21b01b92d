import ASLModel
import Diagnostics
import JSONValue

/// Follows an environment's `extends` chain, merges its layers, checks its fields and
/// resolves what does not depend on the workflow, once per environment.
struct EnvironmentResolver {
    let project: Project
    let locator: ReferenceLocator

    init(project: Project) {
        self.project = project
        self.locator = ReferenceLocator(sources: project.sources)
    }

    /// Roots that are not user-visible names (a `:` cannot appear in a reference).
    static let namingRoot = ":naming", roleRoot = ":role", tagsRoot = ":tags"

    func resolve(_ name: String, overrides: [String: JSON] = [:]) -> (ResolvedEnvironment?, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        guard let environment = project.environments[name] else {
            if let file = project.unloadableEnvironments[name] {
                diagnostics.append(Diagnostic(
                    .render("unloadable-environment"), severity: .note,
                    message: "environment '\(name)' could not be loaded; fix the errors in '\(file)'",
                    at: SourceLocation(file: file, line: 1, column: 1)))
                return (nil, diagnostics)
            }
            let known = project.environmentNames
            diagnostics.append(Diagnostic(
                .render("unknown-environment"),
                message: "unknown environment '\(name)'\(Suggestion.didYouMean(name, in: known))",
                notes: [Diagnostic.Note(known.isEmpty
                    ? "there are no environments: add one as environments/\(name).yaml"
                    : "environments: \(known.joined(separator: ", "))")]))
            return (nil, diagnostics)
        }
        guard let chain = chain(from: environment, diagnostics: &diagnostics) else { return (nil, diagnostics) }

        var merged = MergedSettings(object: ProjectSettings.defaults)
        if let settings = project.settings.document, case .object(let object) = settings.value {
            merged.merge(object, map: settings.sourceMap)
        }
        for source in chain.reversed() {
            if case .object(let object) = source.document.value {
                merged.merge(object, map: source.document.sourceMap, skipping: ["extends", "abstract", "description"])
            }
        }
        applyCommandLine(overrides, to: &merged, diagnostics: &diagnostics)
        let checked = EnvironmentChecker(project: project, environmentName: name)
        let lists = checked.checkLists(merged, diagnostics: &diagnostics)
        let workflowOverrides = checked.checkOverrides(merged, diagnostics: &diagnostics)

        let resolver = makeResolver(for: merged, environment: name, diagnostics: &diagnostics)
        func text(_ root: String) -> String {
            guard let (value, dependent) = resolver.resolveRoot(root, usedFrom: nil) else { return "" }
            if dependent {
                diagnostics.append(Diagnostic(
                    .render("depends-on-workflow"),
                    message: "'\(root)' cannot depend on the workflow ('${workflow}' or '${name}'): it is the same for every workflow of the environment",
                    at: merged.sourceMap.location(of: [.key(root)])))
            } else if value.stringValue == nil, value.numberValue == nil {
                diagnostics.append(Diagnostic(
                    .render("invalid-setting"),
                    message: "'\(root)' must be a string, not \(article(value.typeName))",
                    at: merged.sourceMap.location(of: [.key(root)])))
            }
            return value.stringValue ?? value.numberValue?.literal ?? ""
        }
        let region = text("region"), account = text("account"), alias = text("alias")
        for root in [Self.namingRoot, Self.roleRoot, Self.tagsRoot] { _ = resolver.resolveRoot(root, usedFrom: nil) }
        let target = checked.target(merged, resolver: resolver, diagnostics: &diagnostics)
        var local: JSON?
        if let raw = merged.object["local"] {
            local = resolver.substitute(raw, origin: Origin(map: merged.sourceMap, pointer: [.key("local")]))
        }
        diagnostics += resolver.diagnostics
        let scope = EnvironmentScope(settings: merged, seed: resolver.seedForRenders)

        var overrideScopes: [String: EnvironmentScope] = [:]
        for id in workflowOverrides.keys.sorted() {
            var layered = merged
            var layer = JSONObject()
            for key in ["vars", "naming"] {
                if let value = merged.object["overrides"]?[id]?[key] { layer[key] = value }
            }
            let prefix: JSONPointer = [.key("overrides"), .key(id)]
            layered.merge(layer, map: merged.sourceMap.subtree(at: prefix))
            var overrideDiagnostics: [Diagnostic] = []
            let overrideResolver = makeResolver(for: layered, environment: name, diagnostics: &overrideDiagnostics)
            for root in [Self.namingRoot, Self.roleRoot, Self.tagsRoot] + (layered.object["vars"]?.objectValue?.keys ?? []) {
                _ = overrideResolver.resolveRoot(root, usedFrom: nil)
            }
            // Only new problems: those in shared values were reported above.
            overrideDiagnostics += overrideResolver.diagnostics
            diagnostics += overrideDiagnostics.filter { !diagnostics.contains($0) }
            overrideScopes[id] = EnvironmentScope(settings: layered, seed: overrideResolver.seedForRenders)
        }

        var settingsDocument = SourceDocument(value: .object(merged.object), sourceMap: merged.sourceMap, file: environment.file)
        settingsDocument.sourceMap[.root] = environment.document.sourceMap[.root]
        let resolved = ResolvedEnvironment(
            name: name, isAbstract: environment.isAbstract, chain: chain.map(\.name),
            files: chain.map(\.file) + (project.settings.file.map { [$0] } ?? []),
            target: target, region: region, account: account, alias: alias,
            naming: merged.object["naming"]?.stringValue ?? "",
            role: merged.object["role"], tags: merged.object["tags"]?.objectValue ?? [:],
            vars: merged.object["vars"]?.objectValue ?? [:], local: local,
            include: lists.include, exclude: lists.exclude, overrides: workflowOverrides,
            settings: settingsDocument, scope: scope, overrideScopes: overrideScopes)
        return (resolved, diagnostics)
    }

    /// The environment, the one it extends, and so on; nil after a cycle or a missing parent.
    private func chain(from environment: EnvironmentSource, diagnostics: inout [Diagnostic]) -> [EnvironmentSource]? {
        var chain = [environment]
        var current = environment
        while let parent = current.document.value["extends"] {
            let at = current.document.location(of: [.key("extends")])
            guard let parentName = parent.stringValue else {
                diagnostics.append(Diagnostic(
                    .workspace("invalid-extends"),
                    message: "'extends' must name an environment, not be \(article(parent.typeName))", at: at))
                return nil
            }
            if chain.contains(where: { $0.name == parentName }) {
                let cycle = (chain.map(\.name).drop { $0 != parentName } + [parentName]).joined(separator: " → ")
                diagnostics.append(Diagnostic(
                    .workspace("extends-cycle"),
                    message: "environments extend each other in a cycle: \(cycle)", at: at))
                return nil
            }
            guard let next = project.environments[parentName] else {
                if let file = project.unloadableEnvironments[parentName] {
                    diagnostics.append(Diagnostic(
                        .workspace("unloadable-environment"), severity: .note,
                        message: "environment '\(current.name)' extends '\(parentName)', which could not be loaded; fix the errors in '\(file)'",
                        at: at))
                    return nil
                }
                let known = project.environmentNames.filter { $0 != current.name }
                diagnostics.append(Diagnostic(
                    .workspace("unknown-environment"),
                    message: "environment '\(current.name)' extends '\(parentName)', which does not exist\(Suggestion.didYouMean(parentName, in: known))",
                    at: at,
                    notes: [Diagnostic.Note(known.isEmpty ? "there are no other environments" : "environments: \(known.joined(separator: ", "))")]))
                return nil
            }
            chain.append(next)
            current = next
        }
        return chain
    }

    /// `--var key=value`: a key whose first part is `region`, `account`, `alias`, `naming`
    /// or `role` sets that setting; any other key sets a (dotted) path inside `vars`.
    private func applyCommandLine(_ overrides: [String: JSON], to merged: inout MergedSettings, diagnostics: inout [Diagnostic]) {
        for (key, value) in overrides.sorted(by: { $0.key < $1.key }) {
            let path = key.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
            guard !path.contains(where: \.isEmpty) else {
                diagnostics.append(Diagnostic(.render("invalid-override"), message: "--var '\(key)' is not a variable name"))
                continue
            }
            if ["env", "workflow", "name"].contains(path[0]) {
                diagnostics.append(Diagnostic(
                    .render("invalid-override"),
                    message: "--var cannot set the built-in '\(path[0])'; it follows from the environment and the workflow"))
            } else if ["region", "account", "alias", "naming", "role"].contains(path[0]) {
                guard path.count == 1 else {
                    diagnostics.append(Diagnostic(.render("invalid-override"), message: "--var '\(key)': '\(path[0])' is a string"))
                    continue
                }
                merged.set(value, at: path)
            } else {
                merged.set(value, at: ["vars"] + path)
            }
        }
    }

    /// A probing resolver over one set of merged settings, with the roots of `vars` and the built-ins.
    func makeResolver(for merged: MergedSettings, environment: String, diagnostics: inout [Diagnostic]) -> VariableResolver {
        var roots: [String: VariableResolver.Root] = [
            "env": VariableResolver.Root(raw: .string(environment), origin: nil, state: .resolved(.string(environment)))
        ]
        func raw(_ key: String, as root: String) {
            guard let value = merged.object[key] else { return }
            roots[root] = VariableResolver.Root(raw: value, origin: Origin(map: merged.sourceMap, pointer: [.key(key)]), state: .unresolved)
        }
        raw("region", as: "region")
        raw("account", as: "account")
        raw("alias", as: "alias")
        raw("naming", as: Self.namingRoot)
        raw("role", as: Self.roleRoot)
        raw("tags", as: Self.tagsRoot)
        if let vars = merged.object["vars"] {
            if case .object(let object) = vars {
                for (key, value) in object {
                    let pointer: JSONPointer = [.key("vars"), .key(key)]
                    if VariableResolver.builtins.contains(key) {
                        diagnostics.append(Diagnostic(
                            .workspace("variable-shadows-builtin"),
                            message: "'vars.\(key)' would hide the built-in '${\(key)}'; rename the variable\(["region", "account", "alias"].contains(key) ? " or set the top-level '\(key)'" : "")",
                            at: merged.sourceMap.keyLocation(of: pointer)))
                        continue
                    }
                    roots[key] = VariableResolver.Root(raw: value, origin: Origin(map: merged.sourceMap, pointer: pointer), state: .unresolved)
                }
            } else {
                diagnostics.append(Diagnostic(
                    .workspace("invalid-vars"),
                    message: "'vars' must be a mapping of names to values, not \(article(vars.typeName))",
                    at: merged.sourceMap.location(of: [.key("vars")])))
            }
        }
        let resolver = VariableResolver(roots: roots, locator: locator, probing: true)
        for key in merged.object["vars"]?.objectValue?.keys ?? [] where roots[key] != nil {
            _ = resolver.resolveRoot(key, usedFrom: nil)
        }
        return resolver
    }
}
