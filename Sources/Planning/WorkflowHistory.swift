import Git
import Revisions
import Workspace

/// Walks a branch's history newest first and finds the commits at which the rendered
/// definitions of some workflows changed: the core of `sfn log`.
///
/// The walk follows first parents (as `git log --first-parent`): a merged branch
/// shows as its merge commit, compared with the branch it was merged into.
///
/// Rendering is cached by git object ids. A commit whose `workflows/`,
/// `environments/`, `templates/` and `sfn.yaml` are the trees and blobs its parent
/// had is not looked at further; otherwise only the workflows whose file (or shared
/// context) changed are loaded and rendered, one workflow at a time.
public struct WorkflowHistory: Sendable {
    public let repository: VersionedRepository
    /// Workflow ids to follow; empty follows every workflow.
    public var workflows: [String]
    /// Environments to render; empty means the deployable environments at `start`.
    public var environments: [String]
    /// At most this many entries (nil: the whole history).
    public var maxCount: Int?

    public init(repository: VersionedRepository, workflows: [String] = [], environments: [String] = [], maxCount: Int? = nil) {
        self.repository = repository
        self.workflows = workflows
        self.environments = environments
        self.maxCount = maxCount
    }

    /// Walks from `start` (a revision) back to the root commit, the shallow boundary,
    /// or `maxCount` entries.
    public func run(from start: String = "HEAD") throws(RevisionError) -> WorkflowLog {
        let head = try repository.commit(start)
        var environments = self.environments
        if environments.isEmpty {
            environments = ProjectLoader.load(from: try repository.tree(at: head)).project.deployableEnvironmentNames
        }
        var walk = HistoryWalk(
            repository: repository, environments: environments,
            selected: workflows.isEmpty ? nil : Set(workflows))
        var log = WorkflowLog(
            entries: [], workflows: workflows, environments: environments, commitsWalked: 0, renders: 0,
            shallowBoundary: nil, neverSeen: [])
        var current = head
        var currentState = try walk.state(of: current)
        while true {
            log.commitsWalked += 1
            var parentState = CommitState.empty
            var parent: CommitInfo?
            if let parentID = current.parentIDs.first {
                guard repository.git.contains(parentID) else {
                    log.shallowBoundary = current
                    break
                }
                let commit = try repository.commit(id: parentID)
                parentState = try walk.state(of: commit)
                parent = commit
            }
            let changes = walk.changes(from: parentState, to: currentState)
            if !changes.isEmpty {
                log.entries.append(HistoryEntry(commit: current, changes: changes))
                if let maxCount, log.entries.count >= maxCount { break }
            }
            guard let parent else { break }
            current = parent
            currentState = parentState
        }
        log.renders = walk.loads
        log.neverSeen = workflows.filter { !walk.seen.contains($0) }
        return log
    }
}
