import Workspace

/// A source tree that shows only some of `workflows/`: everything else (environments,
/// templates, `sfn.yaml`) as the base tree has it.
///
/// Rendering one workflow needs only its own file, so a history walk loads one
/// workflow per changed file instead of the whole repository at every commit.
struct WorkflowSubsetTree: SourceTree {
    let base: any SourceTree
    /// Repository-relative paths of the workflow files to keep.
    let keep: Set<String>

    func list(directory: String) throws -> [SourceEntry] {
        let entries = try base.list(directory: directory)
        guard directory == ProjectLoader.workflowsDirectory else { return entries }
        return entries.filter { keep.contains($0.path) }
    }

    func read(_ path: String) throws -> [UInt8] {
        try base.read(path)
    }
}
