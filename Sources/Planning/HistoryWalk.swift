import Foundation
import Git
import Revisions
import Workspace

/// The mutable part of a history walk: the render cache and what was seen.
///
/// Scanning a commit reads only trees; rendering happens in batches, every distinct
/// (context, workflow file) once, concurrently on every core.
struct HistoryWalk {
    let repository: VersionedRepository
    let environments: [String]
    let selected: Set<String>?
    /// Cache key → outcome per environment.
    private var cache: [String: [String: PairOutcome]] = [:]
    /// Context key → the repository's environments, templates and settings (no workflows).
    private var contexts: [String: Project] = [:]
    private(set) var loads = 0
    private(set) var seen: Set<String> = []

    init(repository: VersionedRepository, environments: [String], selected: Set<String>?) {
        self.repository = repository
        self.environments = environments
        self.selected = selected
    }

    /// Reads the commit's top-level tree and `workflows/` listing.
    mutating func scan(_ commit: CommitInfo) throws(RevisionError) -> CommitScan {
        let tree = try repository.tree(at: commit)
        do {
            var top: [GitTreeEntry] = []
            if let root = tree.root { top = try repository.git.entries(of: root) }
            var ids: [String: GitObjectID] = [:]
            for entry in top { ids[entry.name] = entry.id }
            let context = ([ProjectLoader.environmentsDirectory, ProjectLoader.templatesDirectory] + ProjectLoader.settingsFiles)
                .map { ids[$0]?.hex ?? "-" }.joined(separator: ":")
            var files: [String: CommitScan.WorkflowFile] = [:]
            if let workflowsTree = ids[ProjectLoader.workflowsDirectory] {
                for entry in try repository.git.entries(of: workflowsTree).sorted(by: { $0.name < $1.name })
                where entry.kind == .file && !entry.name.hasPrefix(".") && SourceFormat(path: entry.name) != nil {
                    let id = HistoryWalk.stem(entry.name)
                    guard files[id] == nil, selected?.contains(id) ?? true else { continue }
                    let path = ProjectLoader.workflowsDirectory + "/" + entry.name
                    files[id] = CommitScan.WorkflowFile(
                        path: path, cacheKey: context + ":" + path + ":" + entry.id.hex, blob: entry.id.hex)
                    seen.insert(id)
                }
            }
            return CommitScan(
                commit: commit, tree: tree, context: context,
                key: context + ":" + (ids[ProjectLoader.workflowsDirectory]?.hex ?? "-"), files: files)
        } catch {
            throw RevisionError(error, path: repository.root)
        }
    }

    /// One workflow file to render in every followed environment.
    private struct Job: Sendable {
        var id: String
        var file: CommitScan.WorkflowFile
        var shared: Project
        var tree: GitSourceTree
    }

    /// Renders every workflow file of `scans` the cache does not hold yet.
    mutating func render(_ scans: ArraySlice<CommitScan>) async {
        var jobs: [Job] = []
        var queued: Set<String> = []
        for scan in scans {
            for (id, file) in scan.files.sorted(by: { $0.key < $1.key })
            where cache[file.cacheKey] == nil && queued.insert(file.cacheKey).inserted {
                let shared: Project
                if let cached = contexts[scan.context] {
                    shared = cached
                } else {
                    shared = await ProjectLoader.load(from: WorkflowSubsetTree(base: scan.tree, keep: [])).project
                    contexts[scan.context] = shared
                }
                jobs.append(Job(id: id, file: file, shared: shared, tree: scan.tree))
            }
        }
        loads += jobs.count
        let environments = self.environments
        let results = await withTaskGroup(of: (String, [String: PairOutcome]).self) { group in
            var results: [(String, [String: PairOutcome])] = []
            let width = max(1, ProcessInfo.processInfo.activeProcessorCount)
            var next = 0
            func submit() {
                let job = jobs[next]
                next += 1
                group.addTask { (job.file.cacheKey, HistoryWalk.render(job, environments: environments)) }
            }
            while next < min(width * 2, jobs.count) { submit() }
            while let result = await group.next() {
                results.append(result)
                if next < jobs.count { submit() }
            }
            return results
        }
        for (key, outcome) in results { cache[key] = outcome }
    }

    /// Loads one workflow file over its context and renders it for every followed
    /// environment; environments that do not exist or exclude it are absent.
    private static func render(_ job: Job, environments: [String]) -> [String: PairOutcome] {
        let single = ProjectLoader.load(from: WorkflowSubsetTree(base: job.tree, keep: [job.file.path], workflowsOnly: true))
        var project = job.shared
        project.workflows = single.project.workflows
        project.unloadableWorkflowIDs = single.project.unloadableWorkflowIDs
        let renderer = Renderer(project: project)
        var result: [String: PairOutcome] = [:]
        for environment in environments where project.environments[environment] != nil {
            let (resolved, environmentDiagnostics) = renderer.environment(environment)
            if let resolved, !resolved.includes(job.id) { continue }
            guard project.workflow(job.id) != nil else {
                result[environment] = .failed(errors: max(1, single.diagnostics.errorCount))
                continue
            }
            let render = renderer.render(workflow: job.id, environment: environment)
            if let rendered = render.rendered {
                result[environment] = .rendered(RenderedDefinition(rendered))
            } else {
                result[environment] = .failed(errors: max(1, render.diagnostics.errorCount + (resolved == nil ? environmentDiagnostics.errorCount : 0)))
            }
        }
        return result
    }

    /// The commit's outcomes, from the cache (`render` must have covered the scan).
    func state(of scan: CommitScan) -> CommitState {
        var outcomes: [String: [String: PairOutcome]] = [:]
        var keys: [String: String] = [:]
        var blobs: [String: String] = [:]
        for (id, file) in scan.files {
            outcomes[id] = cache[file.cacheKey] ?? [:]
            keys[id] = file.cacheKey
            blobs[id] = file.blob
        }
        return CommitState(key: scan.key, outcomes: outcomes, renderKeys: keys, blobs: blobs)
    }

    /// What changed from `old` (the parent) to `new` (the commit).
    func changes(from old: CommitState, to new: CommitState) -> [HistoryChange] {
        if !old.key.isEmpty && old.key == new.key { return [] }
        var changes: [HistoryChange] = []
        // A file that moved with its content: the new id, from the old one.
        var renamedFrom: [String: String] = [:]
        let gone = Set(old.outcomes.keys).subtracting(new.outcomes.keys)
        for id in Set(new.outcomes.keys).subtracting(old.outcomes.keys).sorted() {
            if let from = gone.sorted().first(where: { old.blobs[$0] == new.blobs[id] && !renamedFrom.values.contains($0) }) {
                renamedFrom[id] = from
            }
        }
        let renamedAway = Set(renamedFrom.values)
        for workflow in Set(old.outcomes.keys).union(new.outcomes.keys).sorted() where !renamedAway.contains(workflow) {
            // Same sources, same renders: nothing to compare.
            if let key = new.renderKeys[workflow], old.renderKeys[workflow] == key { continue }
            if let from = renamedFrom[workflow] {
                for environment in environments {
                    let before = old.outcomes[from]?[environment], after = new.outcomes[workflow]?[environment]
                    if case .rendered(let a)? = before, case .rendered(let b)? = after {
                        let diff = WorkflowDiff(old: a, new: b)
                        changes.append(HistoryChange(
                            workflow: workflow, previousWorkflow: from, environment: environment, kind: .renamed,
                            sha256: b.sha256, previousSHA256: a.sha256, diff: diff, errorCount: 0))
                    } else {
                        changes += [HistoryWalk.change(from, environment, before, nil), HistoryWalk.change(workflow, environment, nil, after)]
                            .compactMap { $0 }
                    }
                }
                continue
            }
            for environment in environments {
                if let change = HistoryWalk.change(
                    workflow, environment, old.outcomes[workflow]?[environment], new.outcomes[workflow]?[environment]) {
                    changes.append(change)
                }
            }
        }
        return changes
    }

    private static func change(_ workflow: String, _ environment: String, _ before: PairOutcome?, _ after: PairOutcome?) -> HistoryChange? {
        var change = HistoryChange(
            workflow: workflow, environment: environment, kind: .changed, sha256: nil,
            previousSHA256: nil, diff: nil, errorCount: 0)
        switch (before, after) {
        case (nil, nil), (.failed, .failed):
            return nil
        case (nil, .rendered(let rendered)?):
            change.kind = .added
            change.sha256 = rendered.sha256
        case (.rendered(let rendered)?, nil):
            change.kind = .removed
            change.previousSHA256 = rendered.sha256
        case (.rendered(let a)?, .rendered(let b)?):
            if a.isSameDeployment(as: b) { return nil }
            change.diff = WorkflowDiff(old: a, new: b)
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
        return change
    }

    static func stem(_ name: String) -> String {
        for suffix in [".yaml", ".yml", ".json"] where name.hasSuffix(suffix) { return String(name.dropLast(suffix.count)) }
        return name
    }
}
