import Foundation
import Records

/// The commit each workflow ran before its current one, read from this machine's deployment
/// records (`.sfn/records.sqlite`): how `sfn rollback` goes back on a target that keeps no
/// versions (AWS Step Functions Local, older emulators), where the target itself cannot say.
///
/// Deployments made by a rollback are left out of the walk, so rolling back twice goes two
/// commits back (as it does with versions) instead of toggling between the last two.
struct PreviousCommits {
    let store: RecordStore

    /// The repository's records, or nil when this machine never deployed from it.
    static func open(root: String) throws(DeploymentError) -> PreviousCommits? {
        let path = root + "/.sfn/" + RecordStore.fileName
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        do {
            return PreviousCommits(store: try RecordStore.open(path: path))
        } catch {
            throw DeploymentError(.records, error.message)
        }
    }

    /// The newest commit deployed to `environment` before the deployment of `current` that is
    /// now in place; nil when there is none.
    func before(_ current: DeployedRevision, workflow: String, environment: String) throws(DeploymentError) -> String? {
        let deployments: [DeploymentRecord]
        do {
            deployments = try store.deployments(environment: environment, workflow: workflow)
        } catch {
            throw DeploymentError(.records, error.message)
        }
        let forward = deployments.filter { $0.action != "rollback" && $0.action != "delete" }
        guard let currentIndex = forward.firstIndex(where: { $0.commit == current.commit && $0.dirty == current.dirty })
        else { return nil }
        return forward[(currentIndex + 1)...].first { !$0.dirty && !$0.commit.isEmpty && $0.commit != current.commit }?.commit
    }
}
