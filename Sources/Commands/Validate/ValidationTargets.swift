import Foundation
import Workspace

/// Sorts the PATHs given to `sfn validate` into workflows of the repository and
/// standalone ASL files.
///
/// `sfn validate workflows/etl.yaml` inside a repository means "validate the etl
/// workflow as it renders for my environments" (templates and variables resolved), not
/// "read this envelope as bare ASL"; any other file is validated as it stands.
struct ValidationTargets {
    /// Ids of repository workflows named by path.
    var workflows: [String] = []
    /// Files validated as standalone ASL.
    var standalone: [String] = []

    init(paths: [String], repositoryRoot: String?) {
        guard let repositoryRoot else {
            standalone = paths
            return
        }
        let workflowsDirectory = URL(fileURLWithPath: repositoryRoot)
            .appendingPathComponent(ProjectLoader.workflowsDirectory).standardizedFileURL.path + "/"
        for path in paths {
            let absolute = URL(fileURLWithPath: path).standardizedFileURL
            let inWorkflows = absolute.path.hasPrefix(workflowsDirectory)
                && !absolute.path.dropFirst(workflowsDirectory.count).contains("/")
            let ext = absolute.pathExtension.lowercased()
            if inWorkflows, ["yaml", "yml", "json"].contains(ext) {
                workflows.append(absolute.deletingPathExtension().lastPathComponent)
            } else {
                standalone.append(path)
            }
        }
    }
}
