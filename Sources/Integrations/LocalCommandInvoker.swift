public import Engine
import JSONValue
import Foundation

/// Runs a Task state's work as a local program, with Lambda's conventions:
///
/// - the task's input (`TaskRequest.parameters`, compact JSON) on stdin;
/// - stdout parsed as JSON is the result (empty stdout is `null`);
/// - a non-zero exit whose stdout or stderr holds `{"errorType": …, "errorMessage": …}`
///   fails with that error (the payload as cause), so Retry and Catch on custom errors work;
///   any other failure is `States.TaskFailed` with the end of stderr as the cause;
/// - `TimeoutSeconds` kills the whole process group and fails with `States.Timeout`;
///   cancelling the task kills it too.
///
/// As a `FunctionRunner` it is also the local body of a Lambda function (see `LambdaInvoker`).
public struct LocalCommandInvoker: TaskInvoking, FunctionRunner {
    public var command: LocalCommand
    /// How much of stderr a failure's cause keeps: its last 4 KiB.
    static let stderrTail = 4 * 1024

    public init(_ command: LocalCommand) {
        self.command = command
    }

    public func invoke(_ request: TaskRequest) async -> TaskOutcome {
        switch await run(input: request.parameters, timeoutSeconds: request.timeoutSeconds, stateName: request.stateName) {
        case .success(let value): .success(value)
        case .failure(let failure): .failure(failure)
        }
    }

    public func invoke(_ call: FunctionCall) async -> Result<FunctionResponse, ExecutionFailure> {
        let outcome = await run(input: call.payload, timeoutSeconds: call.timeoutSeconds, stateName: call.functionName)
        return outcome.map { payload in
            let requestId = UUID().uuidString.lowercased()
            let version = call.qualifier ?? "$LATEST"
            let length = payload.serialized(.compact).utf8.count
            return FunctionResponse(
                payload: payload, executedVersion: version, statusCode: 200,
                headers: [
                    .init("Connection", "keep-alive"), .init("Content-Length", "\(length)"),
                    .init("Content-Type", "application/json"), .init("X-Amz-Executed-Version", version),
                    .init("x-amzn-Remapped-Content-Length", "0"), .init("x-amzn-RequestId", requestId),
                ],
                requestId: requestId)
        }
    }

    /// Runs the command once on `input`; `stateName` names the task in a size-limit cause.
    func run(input: JSON, timeoutSeconds: Int64?, stateName: String) async -> Result<JSON, ExecutionFailure> {
        let name = command.displayName
        var environment = command.inheritEnvironment ? ProcessInfo.processInfo.environment : [:]
        environment.merge(command.environment) { _, set in set }
        let executable: String
        let arguments: [String]
        if command.shell {
            executable = "/bin/sh"
            arguments = ["-c", command.executable, "sh"] + command.arguments
        } else {
            guard let found = Self.locate(command.executable, in: command.workingDirectory, path: environment["PATH"]) else {
                return .failure(ExecutionFailure(
                    error: StatesError.taskFailed,
                    cause: "The command '\(command.executable)' was not found (searched PATH and the working directory)"))
            }
            executable = found
            arguments = command.arguments
        }
        let process = ProcessRun(
            executable: executable, arguments: arguments, workingDirectory: command.workingDirectory,
            environment: environment, input: Array(input.serialized(.compact).utf8), timeoutSeconds: timeoutSeconds,
            outputLimit: command.outputLimit)
        let result: ProcessRun.Result
        do {
            result = try await process.run()
        } catch {
            guard case .failed(let reason) = error else { return .failure(ExecutionFailure(error: StatesError.taskFailed)) }
            return .failure(ExecutionFailure(
                error: StatesError.taskFailed, cause: "The command '\(name)' could not be started: \(reason)"))
        }
        if result.timedOut {
            return .failure(ExecutionFailure(
                error: StatesError.timeout, cause: "The command '\(name)' ran longer than \(timeoutSeconds ?? 0) seconds"))
        }
        if result.outputExceeded {
            return .failure(ExecutionFailure(
                error: StatesError.dataLimitExceeded,
                cause: "The state/task '\(stateName)' returned a result with a size exceeding the maximum number of bytes service limit."))
        }
        if Task.isCancelled {
            return .failure(ExecutionFailure(error: StatesError.taskFailed, cause: "The command '\(name)' was stopped"))
        }
        guard result.status == 0 else {
            if let failure = LambdaErrors.functionError(in: result.stdout) ?? LambdaErrors.functionError(in: result.stderr) {
                return .failure(failure)
            }
            let tail = String(decoding: result.stderr.suffix(Self.stderrTail), as: UTF8.self)
            let trimmed = tail.trimmingCharacters(in: .whitespacesAndNewlines)
            return .failure(ExecutionFailure(
                error: StatesError.taskFailed,
                cause: trimmed.isEmpty
                    ? "The command '\(name)' exited with status \(result.status)"
                    : "The command '\(name)' exited with status \(result.status): \(trimmed)"))
        }
        if result.stdout.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) { return .success(.null) }
        do {
            return .success(try JSON.parse(utf8: result.stdout))
        } catch {
            return .failure(ExecutionFailure(
                error: StatesError.taskFailed,
                cause: "The command '\(name)' printed output that is not JSON: \(error.message)"))
        }
    }

    /// The executable's path: as given when it holds a slash (relative to the working
    /// directory), else the first executable of that name on `path`.
    static func locate(_ executable: String, in workingDirectory: String?, path: String?) -> String? {
        let files = FileManager.default
        if executable.contains("/") {
            if executable.hasPrefix("/") { return files.isExecutableFile(atPath: executable) ? executable : nil }
            let base = workingDirectory ?? files.currentDirectoryPath
            let full = URL(fileURLWithPath: base).appendingPathComponent(executable).path
            return files.isExecutableFile(atPath: full) ? full : nil
        }
        for directory in (path ?? "/usr/local/bin:/usr/bin:/bin").split(separator: ":") {
            let candidate = "\(directory)/\(executable)"
            if files.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }
}
