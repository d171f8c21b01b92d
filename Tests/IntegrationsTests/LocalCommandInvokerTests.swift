import Engine
import Foundation
import Integrations
import JSONValue
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// Real programs through `LocalCommandInvoker`: results, Lambda-style errors, timeouts that
/// kill the process group, working directory and environment, and the output limit.
@Suite struct LocalCommandInvokerTests {
    func request(_ input: JSON, timeout: Int64? = nil) -> TaskRequest {
        TaskRequest(resource: "arn:aws:lambda:us-east-1:123456789012:function:f", parameters: input, stateName: "Call", timeoutSeconds: timeout)
    }

    func python(_ scratch: Scratch, _ body: String, environment: [String: String] = [:]) throws -> LocalCommandInvoker {
        let file = try scratch.script("handler.py", body)
        return LocalCommandInvoker(LocalCommand(executable: "python3", arguments: [file], workingDirectory: scratch.path, environment: environment))
    }

    @Test func stdinInputAndStdoutResult() async throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let invoker = try python(scratch, """
            import json, sys
            event = json.load(sys.stdin)
            print(json.dumps({"doubled": event["n"] * 2}))
            """)
        #expect(await invoker.invoke(request(["n": 21])) == .success(["doubled": 42]))
    }

    @Test func emptyStdoutIsNull() async throws {
        let invoker = LocalCommandInvoker(LocalCommand(executable: "true"))
        #expect(await invoker.invoke(request([:])) == .success(.null))
    }

    @Test func errorTypeOnStdoutBecomesTheError() async throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let invoker = try python(scratch, """
            import json, sys
            print(json.dumps({"errorType": "CardDeclined", "errorMessage": "insufficient funds"}))
            sys.exit(1)
            """)
        guard case .failure(let failure) = await invoker.invoke(request([:])) else {
            Issue.record("expected a failure")
            return
        }
        #expect(failure.error == "CardDeclined")
        #expect(failure.cause.flatMap { try? JSON.parse($0) } == ["errorType": "CardDeclined", "errorMessage": "insufficient funds"])
    }

    @Test func errorTypeOnStderrAfterLogLines() async throws {
        let invoker = LocalCommandInvoker(LocalCommand(
            executable: #"echo "starting" >&2; echo '{"errorType": "Lambda.ServiceException", "errorMessage": "down"}' >&2; exit 3"#,
            shell: true))
        guard case .failure(let failure) = await invoker.invoke(request([:])) else {
            Issue.record("expected a failure")
            return
        }
        #expect(failure.error == "Lambda.ServiceException")
        #expect(failure.cause?.contains("down") == true)
    }

    @Test func plainNonZeroExitKeepsTheStderrTail() async throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let invoker = try python(scratch, """
            import sys
            sys.stderr.write("x" * 10000 + "\\nTraceback: the real reason\\n")
            sys.exit(2)
            """)
        guard case .failure(let failure) = await invoker.invoke(request([:])) else {
            Issue.record("expected a failure")
            return
        }
        #expect(failure.error == "States.TaskFailed")
        let cause = failure.cause ?? ""
        #expect(cause.contains("exited with status 2"))
        #expect(cause.hasSuffix("Traceback: the real reason"))
        #expect(cause.utf8.count < 4 * 1024 + 300)
    }

    @Test func nonJSONStdoutNamesTheCommand() async throws {
        let invoker = LocalCommandInvoker(LocalCommand(executable: "echo", arguments: ["hello there"]))
        guard case .failure(let failure) = await invoker.invoke(request([:])) else {
            Issue.record("expected a failure")
            return
        }
        #expect(failure.error == "States.TaskFailed")
        #expect(failure.cause?.contains("'echo hello there'") == true)
        #expect(failure.cause?.contains("not JSON") == true)
    }

    @Test func missingCommandFailsClearly() async throws {
        let invoker = LocalCommandInvoker(LocalCommand(executable: "no-such-handler-sfn"))
        #expect(await invoker.invoke(request([:])) == .failure(ExecutionFailure(
            error: "States.TaskFailed",
            cause: "The command 'no-such-handler-sfn' was not found (searched PATH and the working directory)")))
    }

    @Test func timeoutKillsTheProcessGroupWithItsChildren() async throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let invoker = LocalCommandInvoker(LocalCommand(
            executable: "sleep 60 & echo $! > child.pid; wait", workingDirectory: scratch.path, shell: true))
        let started = ContinuousClock.now
        let outcome = await invoker.invoke(request([:], timeout: 1))
        // Far below the 60 seconds the program would sleep, with room for a loaded machine.
        #expect(ContinuousClock.now - started < .seconds(45))
        guard case .failure(let failure) = outcome else {
            Issue.record("expected a timeout")
            return
        }
        #expect(failure.error == "States.Timeout")
        let pid = try #require(scratch.read("child.pid").flatMap { Int32($0.trimmingCharacters(in: .whitespacesAndNewlines)) })
        var gone = false
        for _ in 0..<50 where !gone {
            gone = kill(pid, 0) != 0 && errno == ESRCH
            if !gone { try await Task.sleep(for: .milliseconds(100)) }
        }
        #expect(gone, "the child \(pid) outlived the timeout")
    }

    @Test func cancellationKillsTheProcess() async throws {
        let invoker = LocalCommandInvoker(LocalCommand(executable: "sleep", arguments: ["60"]))
        let started = ContinuousClock.now
        let task = Task { await invoker.invoke(request([:])) }
        try await Task.sleep(for: .milliseconds(300))
        task.cancel()
        guard case .failure = await task.value else {
            Issue.record("expected a failure")
            return
        }
        // Far below the 60 seconds the program would sleep, with room for a loaded machine.
        #expect(ContinuousClock.now - started < .seconds(45))
    }

    @Test func workingDirectoryAndEnvironmentArePassed() async throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let invoker = try python(scratch, """
            import json, os
            print(json.dumps({"cwd": os.path.realpath(os.getcwd()), "stage": os.environ.get("STAGE")}))
            """, environment: ["STAGE": "local"])
        let expected = URL(fileURLWithPath: scratch.path).resolvingSymlinksInPath().path
        #expect(await invoker.invoke(request([:])) == .success(["cwd": .string(expected), "stage": "local"]))
    }

    @Test func argumentsAreNotShellInterpreted() async throws {
        let invoker = LocalCommandInvoker(LocalCommand(executable: "printf", arguments: [#""%s""#, "$HOME;*"]))
        #expect(await invoker.invoke(request([:])) == .success("$HOME;*"))
    }

    @Test func outputOverTheLimitIsDataLimitExceeded() async throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let invoker = try python(scratch, """
            import json
            print(json.dumps({"blob": "x" * 300000}))
            """)
        guard case .failure(let failure) = await invoker.invoke(request([:])) else {
            Issue.record("expected a failure")
            return
        }
        #expect(failure.error == "States.DataLimitExceeded")
        #expect(failure.cause?.contains("'Call'") == true)
    }
}
