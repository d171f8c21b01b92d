import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// An exclusive lock on one environment of the embedded engine for the length of an apply,
/// so two applies to the same environment cannot interleave. Remote targets rely on the
/// stale-plan check instead: their state is not on this machine.
///
/// An advisory `flock` on `.sfn/locks/<env>.lock`: the kernel releases it when the process
/// ends, so a crashed apply never leaves the environment locked.
public final class EnvironmentLock: Sendable {
    public let path: String
    // Invariant: set once in `init`, closed once in `deinit`; never shared mutable state.
    private let descriptor: Int32

    /// Takes the lock, or throws at once when another apply holds it.
    public init(root: String, environment: String) throws(DeploymentError) {
        let directory = URL(fileURLWithPath: root).appendingPathComponent(".sfn/locks")
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        } catch {
            throw DeploymentError(.locked, "cannot create \(directory.path): \(error.localizedDescription)")
        }
        path = directory.appendingPathComponent("\(environment).lock").path
        descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw DeploymentError(.locked, "cannot open the lock file \(path): \(String(cString: strerror(errno)))")
        }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            close(descriptor)
            throw DeploymentError(
                .locked,
                "another sfn apply to environment '\(environment)' is running (it holds \(path)); wait for it to finish")
        }
    }

    deinit {
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }
}
