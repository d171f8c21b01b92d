import ASLModel
import Diagnostics
import JSONValue

/// Checks the fields of merged environment settings that have a fixed shape:
/// `target`, `include`/`exclude` and `overrides`.
struct EnvironmentChecker {
    let project: Project
    let environmentName: String

    // MARK: include / exclude

    func checkLists(_ merged: MergedSettings, diagnostics: inout [Diagnostic]) -> (include: [String]?, exclude: [String]) {
        let include = patterns("include", merged, diagnostics: &diagnostics)
        let exclude = patterns("exclude", merged, diagnostics: &diagnostics) ?? []
        return (include, exclude)
    }

    private func patterns(_ key: String, _ merged: MergedSettings, diagnostics: inout [Diagnostic]) -> [String]? {
        guard let value = merged.object[key] else { return nil }
        guard case .array(let items) = value else {
            diagnostics.append(Diagnostic(
                .workspace("invalid-workflow-list"),
                message: "'\(key)' must be a list of workflow ids or globs, not \(article(value.typeName))",
                at: merged.sourceMap.location(of: [.key(key)])))
            return nil
        }
        var result: [String] = []
        for (index, item) in items.enumerated() {
            let at = merged.sourceMap.location(of: [.key(key), .index(index)])
            guard let pattern = item.stringValue else {
                diagnostics.append(Diagnostic(
                    .workspace("invalid-workflow-list"),
                    message: "'\(key)' entries must be workflow ids or globs, not \(article(item.typeName))", at: at))
                continue
            }
            result.append(pattern)
            if !project.workflowIDs.contains(where: { Glob.matches(pattern, $0) }) {
                diagnostics.append(unknownWorkflow(pattern, in: "'\(key)'", at: at))
            }
        }
        return result
    }

    private func unknownWorkflow(_ pattern: String, in context: String, at location: SourceLocation?) -> Diagnostic {
        let what = Glob.isPattern(pattern) ? "pattern '\(pattern)' matches no workflow" : "there is no workflow '\(pattern)'"
        let known = project.workflowIDs + project.unloadableWorkflowIDs.keys.sorted()
        return Diagnostic(
            .workspace("unknown-workflow"), severity: .warning,
            message: "\(context) of environment '\(environmentName)': \(what)\(Glob.isPattern(pattern) ? "" : Suggestion.didYouMean(pattern, in: known))",
            at: location)
    }

    // MARK: overrides

    func checkOverrides(_ merged: MergedSettings, diagnostics: inout [Diagnostic]) -> [String: WorkflowOverride] {
        guard let value = merged.object["overrides"] else { return [:] }
        let map = merged.sourceMap
        guard case .object(let object) = value else {
            diagnostics.append(Diagnostic(
                .workspace("invalid-overrides"),
                message: "'overrides' must map workflow ids to settings, not be \(article(value.typeName))",
                at: map.location(of: [.key("overrides")])))
            return [:]
        }
        var result: [String: WorkflowOverride] = [:]
        for (id, settings) in object {
            let pointer: JSONPointer = [.key("overrides"), .key(id)]
            if project.workflow(id) == nil, project.unloadableWorkflowIDs[id] == nil {
                diagnostics.append(unknownWorkflow(id, in: "'overrides'", at: map.keyLocation(of: pointer)))
            }
            guard case .object(let fields) = settings else {
                diagnostics.append(Diagnostic(
                    .workspace("invalid-overrides"),
                    message: "the override of '\(id)' must be a mapping (of \(WorkflowOverride.keys.joined(separator: ", "))), not \(article(settings.typeName))",
                    at: map.location(of: pointer)))
                continue
            }
            var override = WorkflowOverride(workflowID: id)
            for (key, field) in fields {
                let at = map.location(of: pointer.appending(key))
                switch key {
                case "name": override.name = field
                case "naming": override.naming = field
                case "role": override.role = field
                case "type": override.type = StateMachineTypeField.parse(field, at: at, diagnostics: &diagnostics)
                case "tags", "vars":
                    guard case .object(let members) = field else {
                        diagnostics.append(Diagnostic(
                            .workspace("invalid-overrides"),
                            message: "'\(key)' in the override of '\(id)' must be a mapping, not \(article(field.typeName))", at: at))
                        continue
                    }
                    if key == "tags" { override.tags = members } else { override.vars = members }
                default:
                    diagnostics.append(Diagnostic(
                        .workspace("unknown-key"),
                        message: "unknown key '\(key)' in the override of '\(id)'\(Suggestion.didYouMean(key, in: WorkflowOverride.keys))",
                        at: map.keyLocation(of: pointer.appending(key)),
                        notes: [Diagnostic.Note("allowed keys: \(WorkflowOverride.keys.joined(separator: ", "))")]))
                }
            }
            for key in ["name", "naming", "role"] {
                if let field = fields[key], field.stringValue == nil {
                    diagnostics.append(Diagnostic(
                        .workspace("invalid-overrides"),
                        message: "'\(key)' in the override of '\(id)' must be a string, not \(article(field.typeName))",
                        at: map.location(of: pointer.appending(key))))
                }
            }
            result[id] = override
        }
        return result
    }

    // MARK: target

    func target(_ merged: MergedSettings, resolver: VariableResolver, diagnostics: inout [Diagnostic]) -> DeploymentTarget {
        let fallback = DeploymentTarget(kind: .local, raw: ["kind": "local"])
        guard let raw = merged.object["target"] else { return fallback }
        let at = merged.sourceMap.location(of: [.key("target")])
        guard let value = resolver.substitute(raw, origin: Origin(map: merged.sourceMap, pointer: [.key("target")])) else { return fallback }
        guard case .object(let object) = value else {
            diagnostics.append(Diagnostic(
                .workspace("invalid-target"),
                message: "'target' must be a mapping like {kind: local}, not \(article(value.typeName))", at: at))
            return fallback
        }
        let kinds = DeploymentTarget.Kind.allCases.map(\.rawValue)
        guard let kindText = object["kind"]?.stringValue, let kind = DeploymentTarget.Kind(rawValue: kindText) else {
            let written = object["kind"]?.stringValue
            diagnostics.append(Diagnostic(
                .workspace("invalid-target"),
                message: written.map { "target kind '\($0)' is not one of \(kinds.joined(separator: ", "))\(Suggestion.didYouMean($0, in: kinds))" }
                    ?? "'target' needs a 'kind': one of \(kinds.joined(separator: ", "))",
                at: merged.sourceMap.location(of: [.key("target"), .key("kind")])))
            return fallback
        }
        let target = DeploymentTarget(
            kind: kind, url: object["url"]?.stringValue, region: object["region"]?.stringValue,
            profile: object["profile"]?.stringValue,
            keepVersions: keepVersions(object["keep_versions"], merged: merged, diagnostics: &diagnostics), raw: value)
        if kind == .endpoint, target.url == nil {
            diagnostics.append(Diagnostic(
                .workspace("invalid-target"),
                message: "an 'endpoint' target needs a 'url' (for example http://localhost:8083)", at: at))
        }
        return target
    }

    /// `keep_versions`: a whole number from 1 to 1,000 (AWS's limit of versions per machine).
    func keepVersions(_ value: JSON?, merged: MergedSettings, diagnostics: inout [Diagnostic]) -> Int? {
        guard let value else { return nil }
        if let number = value.numberValue, let count = Int(exactly: number.doubleValue), (1...1000).contains(count) {
            return count
        }
        diagnostics.append(Diagnostic(
            .workspace("invalid-target"),
            message: "'keep_versions' must be a whole number from 1 to 1000 (AWS keeps at most 1,000 versions of a machine), not \(value.serialized())",
            at: merged.sourceMap.location(of: [.key("target"), .key("keep_versions")])))
        return nil
    }
}
