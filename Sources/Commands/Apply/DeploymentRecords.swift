import Deployment
import JSONValue
import Records
import Synchronization

/// Where apply, promote and rollback record deployments: `.sfn/records.sqlite`, written
/// through this one type so the store is wired in one place.
enum DeploymentRecords {
    /// A recorder writing to the repository's record store, opened on the first deployment
    /// (a plan with nothing to apply creates no file), and, when `sfn.yaml` (`projectFile`)
    /// says `records: {git_notes: true}`, a git note on the deployed commit.
    static func recorder(root: String, projectFile: JSON?) -> DeploymentRecorder {
        let opened = OpenedStore(directory: root + "/.sfn")
        return DeploymentRecorder { entry in
            let applied = entry.applied
            let record = DeploymentRecord(
                environment: entry.environment, workflow: applied.workflow, stateMachineArn: applied.stateMachineArn,
                versionArn: applied.versionArn, aliasArn: applied.aliasArn, commit: applied.revision.commit,
                dirty: applied.revision.dirty, definitionSHA256: applied.definitionSHA256, target: entry.target,
                planId: entry.planId, action: entry.action, deployedAt: entry.deployedAt)
            try opened.store().insert(record)
            // A deletion or a dirty tree names no commit a note could sit on.
            if !applied.revision.commit.isEmpty && !applied.revision.dirty && applied.action != .delete {
                try DeploymentNote.appendIfEnabled(record, projectFile: projectFile, repositoryAt: root)
            }
        }
    }

    /// The store, opened once by whichever deployment needs it first.
    final class OpenedStore: Sendable {
        let directory: String
        private let opened = Mutex<RecordStore?>(nil)

        init(directory: String) { self.directory = directory }

        func store() throws -> RecordStore {
            try opened.withLock { current in
                if let current { return current }
                let store = try RecordStore.open(directory: directory)
                current = store
                return store
            }
        }
    }
}
