import ASLModel
import Diagnostics
import JSONValue

/// One render of one workflow for one resolved environment.
struct WorkflowRender {
    let project: Project
    let environment: ResolvedEnvironment
    let workflow: WorkflowSource

    /// The rendered workflow (nil when anything failed) and the render's own diagnostics.
    func run() -> (RenderedWorkflow?, [Diagnostic]) {
        let override = environment.overrides[workflow.id]
        let scope = environment.overrideScopes[workflow.id] ?? environment.scope
        let resolver = VariableResolver(
            roots: scope.seed, locator: ReferenceLocator(sources: project.sources), probing: false)
        let workflowOrigin = Origin(map: workflow.document.sourceMap, pointer: .root)
        let overrideOrigin = Origin(map: environment.settings.sourceMap, pointer: [.key("overrides"), .key(workflow.id)])
        var failed = false
        var diagnostics: [Diagnostic] = []

        // Built-ins of this workflow: `workflow` (the base name) and `name` (the state machine name).
        if let name = override?.name {
            resolver.setRoot("workflow", .init(raw: name, origin: overrideOrigin.appending(.key("name")), state: .unresolved))
        } else if let name = workflow.name {
            resolver.setRoot("workflow", .init(raw: name, origin: workflowOrigin.appending(.key("name")), state: .unresolved))
        } else {
            resolver.setRoot("workflow", .init(raw: .string(workflow.id), origin: nil, state: .resolved(.string(workflow.id))))
        }
        if let naming = scope.seed[EnvironmentResolver.namingRoot] { resolver.setRoot("name", naming) }

        func string(_ root: String, what: String) -> String? {
            guard let (value, _) = resolver.resolveRoot(root, usedFrom: nil) else {
                failed = true
                return nil
            }
            if let text = value.stringValue, !text.isEmpty { return text }
            if let number = value.numberValue { return number.literal }
            diagnostics.append(Diagnostic(
                .render("invalid-name"),
                message: "\(what) must be a non-empty string, not \(value.stringValue != nil ? "empty" : article(value.typeName))",
                at: resolver.rootOrigin(root)?.location))
            return nil
        }
        let baseName = string("workflow", what: "the workflow's name") ?? workflow.id
        let stateMachineName = string("name", what: "the state machine name (from 'naming')") ?? baseName
        if let problem = StateMachineName.problem(with: stateMachineName) {
            diagnostics.append(Diagnostic(
                .render("invalid-state-machine-name"),
                message: "state machine name '\(stateMachineName)' \(problem)",
                at: resolver.rootOrigin("name")?.location,
                notes: [Diagnostic.Note("it is built from 'naming' with the workflow's name '\(baseName)'")]))
        }

        // The role: the override's, else the envelope's, else the environment's default.
        var role: String?
        let roleValue: JSON?
        if let overrideRole = override?.role {
            roleValue = resolver.substitute(overrideRole, origin: overrideOrigin.appending(.key("role")))
            if roleValue == nil { failed = true }
        } else if let envelopeRole = workflow.role {
            roleValue = resolver.substitute(envelopeRole, origin: workflowOrigin.appending(.key("role")))
            if roleValue == nil { failed = true }
        } else if resolver.rootOrigin(EnvironmentResolver.roleRoot) != nil {
            roleValue = resolver.resolveRoot(EnvironmentResolver.roleRoot, usedFrom: nil)?.value
            if roleValue == nil { failed = true }
        } else {
            roleValue = nil
        }
        if let roleValue {
            if let text = roleValue.stringValue { role = text.isEmpty ? nil : text } else if !roleValue.isNull {
                diagnostics.append(Diagnostic(
                    .render("invalid-role"), message: "'role' must be a string (an IAM role ARN), not \(article(roleValue.typeName))"))
            }
        }

        // Tags: environment, then envelope, then override; later keys win, first positions stay.
        var tags = JSONObject()
        var tagSources: [(JSON, Origin?)] = []
        if resolver.rootOrigin(EnvironmentResolver.tagsRoot) != nil {
            if let value = resolver.resolveRoot(EnvironmentResolver.tagsRoot, usedFrom: nil)?.value {
                tagSources.append((value, nil))
            } else {
                failed = true
            }
        }
        if let envelopeTags = workflow.tags {
            if let value = resolver.substitute(envelopeTags, origin: workflowOrigin.appending(.key("tags"))) {
                tagSources.append((value, workflowOrigin.appending(.key("tags"))))
            } else {
                failed = true
            }
        }
        if let overrideTags = override?.tags {
            if let value = resolver.substitute(.object(overrideTags), origin: overrideOrigin.appending(.key("tags"))) {
                tagSources.append((value, overrideOrigin.appending(.key("tags"))))
            } else {
                failed = true
            }
        }
        for (value, origin) in tagSources {
            guard case .object(let members) = value else {
                diagnostics.append(Diagnostic(
                    .render("invalid-tags"), message: "'tags' must be a mapping of tag keys to values, not \(article(value.typeName))",
                    at: origin?.location ?? resolver.rootOrigin(EnvironmentResolver.tagsRoot)?.location))
                continue
            }
            for (key, tag) in members {
                switch tag {
                case .string, .number, .bool: tags[key] = tag
                default:
                    diagnostics.append(Diagnostic(
                        .render("invalid-tags"), message: "tag '\(key)' must be a string, not \(article(tag.typeName))",
                        at: origin?.appending(.key(key)).location))
                }
            }
        }

        // The definition.
        let sharedMap = project.renderedSourceMaps[workflow.id]
        func renderer(_ mode: DefinitionRenderer.Mode) -> DefinitionRenderer {
            DefinitionRenderer(
                project: project, resolver: resolver, mode: mode,
                definitionOrigin: Origin(map: workflow.document.sourceMap, pointer: workflow.definitionPointer),
                definitionMap: workflow.definitionSourceMap)
        }
        var values = renderer(sharedMap == nil ? .full : .values)
        let value = values.render(workflow.definition, workflow.definitionShape)
        diagnostics += values.diagnostics
        diagnostics = resolver.diagnostics + diagnostics
        if values.failed || failed || diagnostics.hasErrors { return (nil, diagnostics) }

        var sourceMap = sharedMap ?? values.sourceMap
        if sharedMap != nil, values.keysDependOnEnvironment {
            // A substituted key moves entries, so the shared map does not describe this
            // environment's value: rendered again, recording (rare; this render succeeded,
            // so the second reports nothing new).
            var full = renderer(.full)
            _ = full.render(workflow.definition, workflow.definitionShape)
            sourceMap = full.sourceMap
        }
        let definition = SourceDocument(value: value, sourceMap: sourceMap, file: workflow.file)
        let rendered = RenderedWorkflow(
            id: workflow.id, baseName: baseName, stateMachineName: stateMachineName,
            type: override?.type ?? workflow.type ?? .standard, role: role,
            tags: tags.map { RenderedWorkflow.Tag(key: $0.key, value: Self.text(of: $0.value)) },
            environment: environment.name, alias: environment.alias, region: environment.region,
            account: environment.account, definition: definition, sha256: value.canonicalSHA256,
            sources: [workflow.file] + values.templatesUsed.compactMap { project.templates[$0]?.file } + environment.files)
        return (rendered, diagnostics)
    }

    private static func text(of value: JSON) -> String {
        switch value {
        case .string(let s): s
        case .number(let n): n.literal
        case .bool(let b): b ? "true" : "false"
        default: ""
        }
    }
}

/// AWS's rules for state machine names (CreateStateMachine's `name`).
enum StateMachineName {
    static func problem(with name: String) -> String? {
        if name.unicodeScalars.count > 80 { return "is \(name.unicodeScalars.count) characters long; AWS allows at most 80" }
        let forbidden: Set<Unicode.Scalar> = [
            " ", "<", ">", "{", "}", "[", "]", "?", "*", "\"", "#", "%", "\\", "^", "|", "~", "`", "$", "&", ",", ";", ":", "/",
        ]
        if let bad = name.unicodeScalars.first(where: {
            forbidden.contains($0) || $0.properties.isWhitespace || $0.value < 0x20 || (0x7F...0x9F).contains($0.value)
        }) {
            let shown = bad.value < 0x20 || bad.properties.isWhitespace ? "whitespace or a control character" : "'\(bad)'"
            return "contains \(shown), which AWS does not allow in a state machine name"
        }
        return nil
    }
}
