import Workspace

/// A source tree that shows only some of `workflows/`, and, when `workflowsOnly`,
/// nothing else: how a history walk loads a repository in parts.
///
/// Rendering one workflow needs only its own file plus the shared context
/// (environments, templates, `sfn.yaml`). A walk loads the context once per distinct
/// context and each workflow file once per distinct blob, instead of the whole
/// repository at every commit.
struct WorkflowSubsetTree: SourceTree {
    let base: any SourceTree
    /// Repository-relative paths of the workflow files to keep.
    let keep: Set<String>
    /// Hide everything outside `workflows/` (the context is loaded separately).
    var workflowsOnly = false

    func list(directory: String) throws -> [SourceEntry] {
        if directory == ProjectLoader.workflowsDirectory {
            return try base.list(directory: directory).filter { keep.contains($0.path) }
        }
        if workflowsOnly {
            return directory.isEmpty ? [SourceEntry(path: ProjectLoader.workflowsDirectory, kind: .directory)] : []
        }
        return try base.list(directory: directory)
    }

    func read(_ path: String) throws -> [UInt8] {
        try base.read(path)
    }
}
