public import Diagnostics
import Git
import Revisions
public import Workspace

/// What an environment should run: its workflows rendered from the working tree (HEAD's commit
/// recorded) or from a commit read through libgit2, and which of them have uncommitted sources.
public struct DesiredState: Sendable {
    public var project: Project
    public var environment: ResolvedEnvironment
    /// The rendered workflows asked for (all the environment includes when none were named), by id.
    public var workflows: [RenderedWorkflow]
    /// Every problem found loading and rendering; errors mean no plan.
    public var diagnostics: [Diagnostic]
    public var source: PlanSource
    /// For each workflow id whose sources differ from the recorded commit, those sources.
    public var dirtySources: [String: [String]]
    /// Workflow ids asked for (empty: all).
    public var selection: [String]

    /// Loads the repository at `root` and renders `environment`.
    /// - Parameters:
    ///   - revision: a commit to read (`--rev`); nil for the working tree.
    ///   - workflows: workflow ids to render; empty for every workflow the environment includes.
    public static func load(
        root: String, environment name: String, workflows selection: [String] = [], revision: String? = nil
    ) async throws(DeploymentError) -> DesiredState {
        let versioned = try? VersionedRepository.open(root: root)
        let tree: any SourceTree
        var source: PlanSource
        var status: WorkingTreeStatus?
        if let revision {
            guard let versioned else {
                throw DeploymentError(.plan, "--rev \(revision) needs a git repository, and \(root) is not in one")
            }
            do {
                let commit = try versioned.commit(revision)
                tree = try versioned.tree(at: commit)
                source = PlanSource(commit: commit.sha, subject: commit.summary, revision: revision, dirty: false)
            } catch {
                throw DeploymentError(.plan, error.description)
            }
        } else {
            tree = DirectorySourceTree(root: root)
            let head = try? versioned?.commit("HEAD")
            source = PlanSource(commit: head?.sha ?? "", subject: head?.summary ?? "", revision: nil, dirty: head == nil)
            status = try? versioned?.workingTreeStatus()
        }
        let loaded = await ProjectLoader.load(from: tree)
        let project = loaded.project
        guard project.environments[name] != nil else {
            let known = project.deployableEnvironmentNames
            throw DeploymentError(
                .plan,
                "unknown environment '\(name)'\(Suggestion.didYouMean(name, in: known))"
                    + (known.isEmpty ? "; there are no files in environments/" : "; environments: \(known.joined(separator: ", "))"))
        }
        for id in selection where project.workflow(id) == nil && project.unloadableWorkflowIDs[id] == nil {
            throw DeploymentError(
                .plan,
                "unknown workflow '\(id)'\(Suggestion.didYouMean(id, in: project.workflowIDs)); workflows: \(project.workflowIDs.joined(separator: ", "))")
        }
        let renderer = Renderer(project: project)
        let outcome = await renderer.renderAllConcurrently(environment: name)
        guard let environment = outcome.environment else {
            throw DeploymentError(.plan, "environment '\(name)' cannot be resolved; see the problems above")
        }
        if environment.isAbstract {
            throw DeploymentError(.plan, "environment '\(name)' is abstract: it is only extended by others, never deployed")
        }
        var diagnostics = loaded.diagnostics + outcome.diagnostics
        var workflows: [RenderedWorkflow] = []
        var dirty: [String: [String]] = [:]
        for result in outcome.results where selection.isEmpty || selection.contains(result.workflowID) {
            diagnostics += result.diagnostics
            guard let rendered = result.rendered else { continue }
            workflows.append(rendered)
            if let status {
                let changed = status.status(of: rendered.sources)
                let files = Array(Set(changed.staged + changed.modified + changed.untracked)).sorted()
                if !files.isEmpty || source.commit.isEmpty { dirty[rendered.id] = files }
            } else if source.commit.isEmpty {
                dirty[rendered.id] = rendered.sources
            }
        }
        for id in selection where !outcome.results.contains(where: { $0.workflowID == id }) {
            diagnostics.append(Diagnostic(
                DiagnosticID("deploy", "excluded-workflow"), message: "workflow '\(id)' is not deployed to environment '\(name)' (include/exclude)"))
        }
        source.dirty = !dirty.isEmpty
        return DesiredState(
            project: project, environment: environment, workflows: workflows, diagnostics: diagnostics, source: source,
            dirtySources: dirty, selection: selection)
    }

    /// The revision recorded for `workflow`: the commit, `-dirty` when its sources differ from it.
    public func revision(of workflow: String) -> DeployedRevision {
        DeployedRevision(commit: source.commit, dirty: dirtySources[workflow] != nil)
    }
}

/// Where a plan's desired state came from.
public struct PlanSource: Sendable, Hashable, Codable {
    /// The full sha (HEAD's for the working tree); empty in a repository without commits.
    public var commit: String
    /// The commit's subject line.
    public var subject: String
    /// The `--rev` argument, when the sources were read from a commit.
    public var revision: String?
    /// Whether any planned workflow's sources differ from `commit`.
    public var dirty: Bool

    public init(commit: String, subject: String, revision: String?, dirty: Bool) {
        self.commit = commit
        self.subject = subject
        self.revision = revision
        self.dirty = dirty
    }

    public var shortCommit: String { commit.isEmpty ? "uncommitted" : String(commit.prefix(7)) }
}
