import Foundation
import JSONValue
import Testing

@Suite struct ExecCommandTests {
    static let greeting = """
        StartAt: Greet
        States:
          Greet:
            Type: Pass
            Parameters:
              message.$: States.Format('Hello, {}!', $.who)
            Next: Pause
          Pause: {Type: Wait, Seconds: 3600, Next: Done}
          Done: {Type: Succeed}

        """

    /// Writes `files` into a fresh directory and passes its path to `body`.
    func withFiles(_ files: [String: String], _ body: (URL) async throws -> Void) async throws {
        let directory = try CommandHarness.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        for (name, text) in files {
            try text.write(to: directory.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        try await body(directory)
    }

    @Test func runsAYAMLDefinitionAndPrintsItsOutput() async throws {
        try await withFiles(["greet.yaml": Self.greeting]) { directory in
            let path = directory.appendingPathComponent("greet.yaml").path
            let outcome = await CommandHarness.run(["exec", path, "--input", #"{"who":"world"}"#])
            #expect(outcome.exitCode == 0, "\(outcome.err)")
            #expect(outcome.out == "{\n  \"message\": \"Hello, world!\"\n}\n")
            #expect(outcome.err.isEmpty)
        }
    }

    @Test func historyIsATableOfEventsWithVirtualTime() async throws {
        try await withFiles(["greet.yaml": Self.greeting, "input.json": #"{"who":"file"}"#]) { directory in
            let path = directory.appendingPathComponent("greet.yaml").path
            let input = "@" + directory.appendingPathComponent("input.json").path
            let outcome = await CommandHarness.run(["exec", path, "--input", input, "--history"])
            #expect(outcome.exitCode == 0, "\(outcome.err)")
            let lines = outcome.out.split(separator: "\n").map(String.init)
            #expect(lines.first == "ID  PREV     ELAPSED  TYPE                 DETAIL")
            #expect(lines.contains(" 4     3     +0.000s  WaitStateEntered     Pause"))
            #expect(lines.contains(" 5     4  +3600.000s  WaitStateExited      Pause"))
            #expect(lines.contains(" 8     7  +3600.000s  ExecutionSucceeded"))
            #expect(outcome.out.hasSuffix("\"Hello, file!\"\n}\n"))
        }
    }

    @Test func aFailedExecutionPrintsErrorAndCauseAndExitsOne() async throws {
        let failing = #"{"StartAt":"Boom","States":{"Boom":{"Type":"Fail","Error":"Custom.Error","Cause":"it broke"}}}"#
        try await withFiles(["boom.asl.json": failing]) { directory in
            let outcome = await CommandHarness.run(["exec", directory.appendingPathComponent("boom.asl.json").path])
            #expect(outcome.exitCode == 1)
            #expect(outcome.out.isEmpty)
            #expect(outcome.err == "execution FAILED\nerror: Custom.Error\ncause: it broke\n")
        }
    }

    @Test func jsonOutputHasDescribeExecutionFieldsAndEvents() async throws {
        try await withFiles(["greet.yaml": Self.greeting]) { directory in
            let path = directory.appendingPathComponent("greet.yaml").path
            let outcome = await CommandHarness.run([
                "exec", path, "--input", #"{"who":"json"}"#, "--name", "Greeter", "--execution-name", "run1",
                "--output", "json", "--history",
            ])
            #expect(outcome.exitCode == 0, "\(outcome.err)")
            let json = try JSON.parse(outcome.out)
            guard case .object(let object) = json else {
                Issue.record("not an object: \(outcome.out)")
                return
            }
            #expect(object["executionArn"] == "arn:aws:states:us-east-1:123456789012:execution:Greeter:run1")
            #expect(object["status"] == "SUCCEEDED")
            #expect(object["output"] == #"{"message":"Hello, json!"}"#)
            guard case .array(let events)? = object["events"] else {
                Issue.record("no events")
                return
            }
            #expect(events.count == 8)
            if case .object(let first)? = events.first {
                #expect(first["type"] == "ExecutionStarted")
                #expect(first["id"] == 1)
            }
        }
    }

    @Test func anInvalidDefinitionIsReportedLikeValidateAndNothingRuns() async throws {
        let bad = "StartAt: A\nStates:\n  A: {Type: Pass, Next: B}\n"
        try await withFiles(["bad.yaml": bad]) { directory in
            let outcome = await CommandHarness.run(["exec", directory.appendingPathComponent("bad.yaml").path])
            #expect(outcome.exitCode == 1)
            #expect(outcome.out.contains("bad.yaml:3:25: error[MISSING_TRANSITION_TARGET/next-unknown-state]"), "\(outcome.out)")
            #expect(outcome.out.contains("nothing was run"))
        }
    }

    @Test func badInputAndBadNamesAreTheUsersToFix() async throws {
        try await withFiles(["greet.yaml": Self.greeting]) { directory in
            let path = directory.appendingPathComponent("greet.yaml").path
            let notJSON = await CommandHarness.run(["exec", path, "--input", "{oops"])
            #expect(notJSON.exitCode == 1)
            #expect(notJSON.err.hasPrefix("error: the input is not JSON: "))
            let badName = await CommandHarness.run(["exec", path, "--execution-name", "a b"])
            #expect(badName.exitCode == 1)
            #expect(badName.err.contains("InvalidName: Invalid Name: 'a b'"))
            let missing = await CommandHarness.run(["exec", directory.appendingPathComponent("none.json").path])
            #expect(missing.exitCode == 1)
            #expect(missing.out.contains("cannot read"))
        }
    }
}
