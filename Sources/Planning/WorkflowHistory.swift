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

    /// Commits scanned and rendered together: enough to keep every core busy, few
    /// enough that `--max-count 1` does not render far past the entries it shows.
    static let batchSize = 32

    /// Walks from `start` (a revision) back to the root commit, the shallow boundary,
    /// or `maxCount` entries.
    public func run(from start: String = "HEAD") async throws(RevisionError) -> WorkflowLog {
        let head = try repository.commit(start)
        var environments = self.environments
        if environments.isEmpty {
            let tree = try repository.tree(at: head)
            environments = await ProjectLoader.load(from: tree).project.deployableEnvironmentNames
        }
        var walk = HistoryWalk(
            repository: repository, environments: environments,
            selected: workflows.isEmpty ? nil : Set(workflows))
        var log = WorkflowLog(
            entries: [], workflows: workflows, environments: environments, commitsWalked: 0, renders: 0,
            shallowBoundary: nil, neverSeen: [])
        // chain[i + 1] is the first parent of chain[i].
        var chain = [try walk.scan(head)]
        var position = 0
        var reachedRoot = false
        walking: while true {
            while log.shallowBoundary == nil && !reachedRoot && chain.count < position + WorkflowHistory.batchSize + 1 {
                let last = chain[chain.count - 1].commit
                guard let parentID = last.parentIDs.first else {
                    reachedRoot = true
                    break
                }
                guard repository.git.contains(parentID) else {
                    log.shallowBoundary = last
                    break
                }
                chain.append(try walk.scan(try repository.commit(id: parentID)))
            }
            await walk.render(chain[position...])
            let ended = reachedRoot || log.shallowBoundary != nil
            while position < (ended ? chain.count : chain.count - 1) {
                log.commitsWalked += 1
                let parentState: CommitState
                if position + 1 < chain.count {
                    parentState = walk.state(of: chain[position + 1])
                } else if reachedRoot {
                    parentState = .empty
                } else {
                    break walking  // the shallow boundary: what it changed is unknown
                }
                let changes = walk.changes(from: parentState, to: walk.state(of: chain[position]))
                if !changes.isEmpty {
                    log.entries.append(HistoryEntry(commit: chain[position].commit, changes: changes))
                    if let maxCount, log.entries.count >= maxCount { break walking }
                }
                position += 1
            }
            if ended { break }
        }
        log.renders = walk.loads
        log.neverSeen = workflows.filter { !walk.seen.contains($0) }
        return log
    }
}
