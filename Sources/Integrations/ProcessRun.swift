import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// One run of an external program: input on stdin, stdout and stderr collected, a deadline,
/// and the whole process group killed when the deadline passes, the task is cancelled, the
/// output grows past its limit, or the program exits leaving children behind.
///
/// Built on Foundation's `Process` rather than swift-subprocess: the package cache here holds
/// no swift-subprocess checkout, and on Linux `Process` already starts each child as the
/// leader of a new process group (pgid = pid), which is all the group kill needs.
struct ProcessRun: Sendable {
    var executable: String
    var arguments: [String]
    var workingDirectory: String?
    var environment: [String: String]
    var input: [UInt8]
    var timeoutSeconds: Int64?
    /// The most stdout bytes kept; one byte more kills the run and sets `outputExceeded`.
    var outputLimit: Int

    struct Result: Sendable {
        var status: Int32
        var stdout: [UInt8]
        var stderr: [UInt8]
        var timedOut: Bool
        var outputExceeded: Bool
    }

    enum LaunchError: Error { case failed(String) }

    func run() async throws(LaunchError) -> Result {
        ProcessRun.ignoreBrokenPipes
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.environment = environment
        if let workingDirectory { process.currentDirectoryURL = URL(fileURLWithPath: workingDirectory) }
        let stdin = Pipe(), stdout = Pipe(), stderr = Pipe()
        // Other programs started meanwhile (by other tasks) must not inherit these pipes: a
        // stray write end would keep our readers from ever seeing end-of-file. The child gets
        // its own copies through dup2, which clears the flag.
        for pipe in [stdin, stdout, stderr] {
            _ = fcntl(pipe.fileHandleForReading.fileDescriptor, F_SETFD, FD_CLOEXEC)
            _ = fcntl(pipe.fileHandleForWriting.fileDescriptor, F_SETFD, FD_CLOEXEC)
        }
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stderr
        let state = RunState()
        let exited = AsyncSignal()
        process.terminationHandler = { _ in exited.fire() }
        do {
            try process.run()
        } catch {
            throw .failed("\(error)")
        }
        let group = process.processIdentifier
        let killGroup: @Sendable () -> Void = { _ = kill(-group, SIGKILL) }

        let input = self.input
        DispatchQueue.global().async {
            // The program may exit without reading; EPIPE is expected then.
            try? stdin.fileHandleForWriting.write(contentsOf: Data(input))
            try? stdin.fileHandleForWriting.close()
        }
        let limit = outputLimit
        async let out = ProcessRun.drain(stdout.fileHandleForReading, limit: limit) {
            state.markExceeded()
            killGroup()
        }
        async let err = ProcessRun.drain(stderr.fileHandleForReading, limit: nil, onExceed: {})

        let timer = timeoutSeconds.map { seconds in
            Task {
                try await Task.sleep(for: .seconds(seconds))
                state.markTimedOut()
                killGroup()
            }
        }
        await withTaskCancellationHandler {
            await exited.wait()
        } onCancel: {
            killGroup()
        }
        timer?.cancel()
        // Children left behind would hold the pipes open; a function's environment ends with it.
        killGroup()
        let (stdoutBytes, stderrBytes) = await (out, err)
        return Result(
            status: process.terminationStatus, stdout: stdoutBytes, stderr: stderrBytes,
            timedOut: state.timedOut, outputExceeded: state.exceeded)
    }

    /// Reads a pipe to its end on a worker thread, keeping at most `limit` bytes.
    private static func drain(_ handle: FileHandle, limit: Int?, onExceed: @escaping @Sendable () -> Void) async
        -> [UInt8]
    {
        await withCheckedContinuation { continuation in
            DispatchQueue.global().async {
                var bytes: [UInt8] = []
                var exceeded = false
                while true {
                    let chunk = handle.availableData
                    if chunk.isEmpty { break }
                    if exceeded { continue }
                    bytes.append(contentsOf: chunk)
                    if let limit, bytes.count > limit {
                        exceeded = true
                        bytes.removeAll()
                        onExceed()
                    }
                }
                try? handle.close()
                continuation.resume(returning: bytes)
            }
        }
    }

    /// Writing to a program that exited must fail with EPIPE, not end this process.
    private static let ignoreBrokenPipes: Void = {
        _ = signal(SIGPIPE, SIG_IGN)
    }()
}

/// Flags set from timer and reader threads, read after the run.
private final class RunState: @unchecked Sendable {
    private let lock = NSLock()
    private var _timedOut = false
    private var _exceeded = false

    var timedOut: Bool { lock.withLock { _timedOut } }
    var exceeded: Bool { lock.withLock { _exceeded } }
    func markTimedOut() { lock.withLock { _timedOut = true } }
    func markExceeded() { lock.withLock { _exceeded = true } }
}

/// A one-shot event an async caller can wait for, fired from any thread (before or after the wait).
final class AsyncSignal: @unchecked Sendable {
    private let lock = NSLock()
    private var fired = false
    private var waiter: CheckedContinuation<Void, Never>?

    func fire() {
        let resume: CheckedContinuation<Void, Never>? = lock.withLock {
            fired = true
            defer { waiter = nil }
            return waiter
        }
        resume?.resume()
    }

    func wait() async {
        await withCheckedContinuation { continuation in
            let now: Bool = lock.withLock {
                if fired { return true }
                waiter = continuation
                return false
            }
            if now { continuation.resume() }
        }
    }
}
