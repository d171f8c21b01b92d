import ASLModel
import Diagnostics
import JSONValue

/// An environment after `extends` is merged (defaults, then `sfn.yaml`, then the chain
/// from its root down to this environment): what every render for it starts from.
///
/// `region`, `account`, `alias` and `target` are substituted; `vars`, `naming`, `role`
/// and `tags` are kept as merged, before substitution, since they may depend on the
/// workflow (`${workflow}`) and are substituted per render.
public struct ResolvedEnvironment: Sendable {
    public var name: String
    /// `abstract: true`: only extended by others, never deployed itself.
    public var isAbstract: Bool
    /// This environment, then the one it extends, and so on: `["prod", "base"]`.
    public var chain: [String]
    /// Every file that contributed: the chain's files (child first), then `sfn.yaml`.
    public var files: [String]
    public var target: DeploymentTarget
    public var region: String
    public var account: String
    public var alias: String
    /// The state machine name pattern, e.g. `${workflow}-${env}`.
    public var naming: String
    /// The default execution role as merged, before substitution.
    public var role: JSON?
    /// Tags applied to every workflow, as merged, before substitution.
    public var tags: JSONObject
    public var vars: JSONObject
    /// Settings for the local engine, substituted; read by a later stage.
    public var local: JSON?
    /// When present, only workflows matching one of these ids or globs are deployed here.
    public var include: [String]?
    /// Workflows matching one of these ids or globs are not deployed here.
    public var exclude: [String]
    /// Per-workflow overrides, by workflow id.
    public var overrides: [String: WorkflowOverride]
    /// The merged settings with a source map pointing into the file each value came from.
    public var settings: SourceDocument

    /// Everything a render needs that was worked out once for the environment.
    var scope: EnvironmentScope
    var overrideScopes: [String: EnvironmentScope]

    /// Whether the include/exclude lists let `workflowID` be rendered and deployed here;
    /// when not, the pattern that excludes it.
    public func excludingPattern(for workflowID: String) -> String? {
        if let include, !include.contains(where: { Glob.matches($0, workflowID) }) {
            return "include"
        }
        return exclude.first { Glob.matches($0, workflowID) }
    }

    public func includes(_ workflowID: String) -> Bool { excludingPattern(for: workflowID) == nil }
}

/// Where an environment deploys: `target: {kind: local | endpoint | aws, …}`.
public struct DeploymentTarget: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        case local
        case endpoint
        case aws
    }

    public var kind: Kind
    /// For `endpoint`: the Step Functions-compatible endpoint's URL.
    public var url: String?
    /// For `aws`: overrides the environment's region for the API endpoint, when given.
    public var region: String?
    /// For `aws`: the named credentials profile.
    public var profile: String?
    /// `keep_versions`: how many of each machine's newest versions apply keeps; older ones no
    /// alias routes to are deleted after a deployment. Nil keeps every version (AWS allows
    /// 1,000 per machine, after which publishing fails).
    public var keepVersions: Int?
    /// The whole `target` mapping, substituted, for fields a later stage reads.
    public var raw: JSON
}

/// Per-workflow settings in an environment: `overrides: {<workflow id>: {...}}`.
public struct WorkflowOverride: Sendable {
    public var workflowID: String
    /// Replaces the envelope's `name` (the base name that `naming` builds on).
    public var name: JSON?
    /// Replaces `naming` for this workflow (an exact state machine name, say).
    public var naming: JSON?
    public var type: StateMachineType?
    public var role: JSON?
    public var tags: JSONObject?
    /// Merged over the environment's `vars` for this workflow.
    public var vars: JSONObject?

    public static let keys = ["name", "naming", "type", "role", "tags", "vars"]
}

/// The merged settings of an environment (or of one workflow's override of it) and the
/// variable roots resolved once from them.
struct EnvironmentScope: Sendable {
    var settings: MergedSettings
    var seed: [String: VariableResolver.Root]
}

/// `*` and `?` globs over workflow ids (no `/` in ids, so no `**`).
enum Glob {
    static func isPattern(_ text: String) -> Bool { text.contains("*") || text.contains("?") }

    static func matches(_ pattern: String, _ text: String) -> Bool {
        let p = Array(pattern.unicodeScalars)
        let t = Array(text.unicodeScalars)
        var pi = 0, ti = 0
        var star = -1, mark = 0
        while ti < t.count {
            if pi < p.count, p[pi] == "?" || p[pi] == t[ti] {
                pi += 1; ti += 1
            } else if pi < p.count, p[pi] == "*" {
                star = pi; mark = ti; pi += 1
            } else if star >= 0 {
                pi = star + 1; mark += 1; ti = mark
            } else {
                return false
            }
        }
        while pi < p.count, p[pi] == "*" { pi += 1 }
        return pi == p.count
    }
}
