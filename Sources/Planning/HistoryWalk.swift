import Git
import Revisions
import Workspace

/// What one commit renders to, for the workflows and environments followed.
struct CommitState: Sendable {
    /// Object ids of `workflows/`, `environments/`, `templates/` and the settings files:
    /// two commits with the same key render the same.
    var key: String
    /// Outcome per workflow id, then per environment.
    var outcomes: [String: [String: PairOutcome]]
    /// Per workflow id, the cache key its outcome came from: equal keys, equal outcomes.
    var renderKeys: [String: String]

    static let empty = CommitState(key: "", outcomes: [:], renderKeys: [:])
}

/// One workflow in one environment at one commit.
enum PairOutcome: Sendable {
    case rendered(RenderedWorkflow)
    case failed(errors: Int)
}

/// The mutable part of a history walk: the render cache and what was seen.
struct HistoryWalk {
    let repository: VersionedRepository
    let environments: [String]
    let selected: Set<String>?
    /// Per workflow: (context key + file blob id) → outcome per environment.
    private var cache: [String: [String: PairOutcome]] = [:]
    private var previous: CommitState?
    /// Per context key: the repository's environments, templates and settings, loaded
    /// once (no workflows).
    private var contexts: [String: Project] = [:]
    private(set) var loads = 0
    private(set) var seen: Set<String> = []

    init(repository: VersionedRepository, environments: [String], selected: Set<String>?) {
        self.repository = repository
        self.environments = environments
        self.selected = selected
    }

    mutating func state(of commit: CommitInfo) throws(RevisionError) -> CommitState {
        let tree = try repository.tree(at: commit)
        do {
            var top: [GitTreeEntry] = []
            if let root = tree.root { top = try repository.git.entries(of: root) }
            var ids: [String: GitObjectID] = [:]
            for entry in top { ids[entry.name] = entry.id }
            let context = ([ProjectLoader.environmentsDirectory, ProjectLoader.templatesDirectory] + ProjectLoader.settingsFiles)
                .map { ids[$0]?.hex ?? "-" }.joined(separator: ":")
            let key = context + ":" + (ids[ProjectLoader.workflowsDirectory]?.hex ?? "-")
            if let previous, previous.key == key { return previous }

            var outcomes: [String: [String: PairOutcome]] = [:]
            var renderKeys: [String: String] = [:]
            var files: [String: (path: String, blob: GitObjectID)] = [:]
            if let workflowsTree = ids[ProjectLoader.workflowsDirectory] {
                for entry in try repository.git.entries(of: workflowsTree).sorted(by: { $0.name < $1.name })
                where entry.kind == .file && !entry.name.hasPrefix(".") && SourceFormat(path: entry.name) != nil {
                    let id = HistoryWalk.stem(entry.name)
                    guard files[id] == nil, selected?.contains(id) ?? true else { continue }
                    files[id] = (ProjectLoader.workflowsDirectory + "/" + entry.name, entry.id)
                }
            }
            for (id, file) in files {
                seen.insert(id)
                let cacheKey = context + ":" + file.path + ":" + file.blob.hex
                renderKeys[id] = cacheKey
                if let cached = cache[cacheKey] {
                    outcomes[id] = cached
                    continue
                }
                let rendered = render(id, file: file.path, context: context, tree: tree)
                cache[cacheKey] = rendered
                outcomes[id] = rendered
            }
            let state = CommitState(key: key, outcomes: outcomes, renderKeys: renderKeys)
            previous = state
            return state
        } catch {
            throw RevisionError(error, path: repository.root)
        }
    }

    /// Loads the one-workflow tree and renders it for every followed environment;
    /// environments that do not exist or exclude it are absent from the result.
    private mutating func render(_ id: String, file: String, context: String, tree: GitSourceTree) -> [String: PairOutcome] {
        loads += 1
        let shared = contexts[context] ?? ProjectLoader.load(from: WorkflowSubsetTree(base: tree, keep: [])).project
        contexts[context] = shared
        let single = ProjectLoader.load(from: WorkflowSubsetTree(base: tree, keep: [file], workflowsOnly: true))
        var project = shared
        project.workflows = single.project.workflows
        project.unloadableWorkflowIDs = single.project.unloadableWorkflowIDs
        for source in single.project.sources.files.values { project.sources.add(source) }
        let renderer = Renderer(project: project)
        var result: [String: PairOutcome] = [:]
        for environment in environments where project.environments[environment] != nil {
            let (resolved, environmentDiagnostics) = renderer.environment(environment)
            if let resolved, !resolved.includes(id) { continue }
            guard project.workflow(id) != nil else {
                result[environment] = .failed(errors: max(1, single.diagnostics.errorCount))
                continue
            }
            let render = renderer.render(workflow: id, environment: environment)
            if let rendered = render.rendered {
                result[environment] = .rendered(rendered)
            } else {
                result[environment] = .failed(errors: max(1, render.diagnostics.errorCount + (resolved == nil ? environmentDiagnostics.errorCount : 0)))
            }
        }
        return result
    }

    /// What changed from `old` (the parent) to `new` (the commit).
    func changes(from old: CommitState, to new: CommitState) -> [HistoryChange] {
        if !old.key.isEmpty && old.key == new.key { return [] }
        var changes: [HistoryChange] = []
        for workflow in Set(old.outcomes.keys).union(new.outcomes.keys).sorted() {
            // Same sources, same renders: nothing to compare.
            if let key = new.renderKeys[workflow], old.renderKeys[workflow] == key { continue }
            for environment in environments {
                let before = old.outcomes[workflow]?[environment]
                let after = new.outcomes[workflow]?[environment]
                var change = HistoryChange(
                    workflow: workflow, environment: environment, kind: .changed, sha256: nil,
                    previousSHA256: nil, diff: nil, errorCount: 0)
                switch (before, after) {
                case (nil, nil), (.failed, .failed):
                    continue
                case (nil, .rendered(let rendered)?):
                    change.kind = .added
                    change.sha256 = rendered.sha256
                case (.rendered(let rendered)?, nil):
                    change.kind = .removed
                    change.previousSHA256 = rendered.sha256
                case (.rendered(let a)?, .rendered(let b)?):
                    if a.sha256 == b.sha256 && a.stateMachineName == b.stateMachineName && a.type == b.type
                        && a.role == b.role && a.tags == b.tags {
                        continue
                    }
                    let diff = WorkflowDiff(old: a, new: b)
                    guard !diff.isEmpty else { continue }
                    change.diff = diff
                    change.sha256 = b.sha256
                    change.previousSHA256 = a.sha256
                case (.failed?, .rendered(let rendered)?):
                    change.kind = .fixed
                    change.sha256 = rendered.sha256
                case (.rendered(let rendered)?, .failed(let errors)?):
                    change.kind = .broken
                    change.previousSHA256 = rendered.sha256
                    change.errorCount = errors
                case (nil, .failed(let errors)?):
                    change.kind = .broken
                    change.errorCount = errors
                case (.failed?, nil):
                    change.kind = .removed
                }
                changes.append(change)
            }
        }
        return changes
    }

    static func stem(_ name: String) -> String {
        for suffix in [".yaml", ".yml", ".json"] where name.hasSuffix(suffix) { return String(name.dropLast(suffix.count)) }
        return name
    }
}
