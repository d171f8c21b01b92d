import Engine
import Integrations
import JSONValue
import Testing
import Workspace

/// The `local:` block: every form it accepts, and problems named by JSON path and by the
/// place in the environment file they came from (after `extends` is merged).
@Suite struct LocalRuntimeSettingsTests {
    @Test func readsEveryField() throws {
        let settings = try LocalRuntimeSettings(parsing: [
            "handlers": [
                "process": ["command": ["sh", "handlers/process.sh", 3], "cwd": "src", "env": ["A": 1, "B": true], "timeout": 20],
                "arn:aws:states:::sns:*": ["command": "echo {}", "shell": true],
                "remote-*": ["url": "http://127.0.0.1:3001"],
            ],
            "mocks": "mocks/dev.json", "test_case": "Happy", "clock": ["scale": 0.01],
        ])
        #expect(settings.mocks == "mocks/dev.json")
        #expect(settings.testCase == "Happy")
        #expect(settings.clock == .scaled(0.01))
        #expect(settings.handlers.map(\.pattern) == ["process", "arn:aws:states:::sns:*", "remote-*"])
        #expect(settings.handlers[0].target == .command(
            LocalCommand(executable: "sh", arguments: ["handlers/process.sh", "3"], workingDirectory: "src", environment: ["A": "1", "B": "true"]),
            timeoutSeconds: 20))
        #expect(settings.handlers[1].target == .command(LocalCommand(executable: "echo {}", shell: true), timeoutSeconds: nil))
        #expect(settings.handlers[2].target == .endpoint(url: "http://127.0.0.1:3001"))
    }

    @Test func readsConnections() throws {
        let settings = try LocalRuntimeSettings(parsing: [
            "connections": ["arn:aws:events:*:*:connection/pay/*": ["headers": ["Authorization": "Bearer t", "X-Retries": 3]]]
        ])
        #expect(settings.connections == [.init(pattern: "arn:aws:events:*:*:connection/pay/*", headers: ["Authorization": "Bearer t", "X-Retries": "3"])])
        let error = #expect(throws: LocalRuntimeError.self) { try LocalRuntimeSettings(parsing: ["connections": ["x": ["header": [:]]]]) }
        #expect(error?.problems.map(\.path) == [#"local.connections.x"#])
    }

    @Test func absentBlockIsAllDefaults() throws {
        let settings = try LocalRuntimeSettings(parsing: nil)
        #expect(settings == LocalRuntimeSettings())
        #expect(settings.clock == .real)
        #expect(try LocalRuntimeSettings(parsing: ["clock": "virtual"]).makeClock().isVirtual)
    }

    @Test func everyProblemIsNamedByItsPath() throws {
        let error = #expect(throws: LocalRuntimeError.self) {
            try LocalRuntimeSettings(parsing: [
                "handler": [:],
                "handlers": [
                    "a": ["command": ["x"], "timeout": -1],
                    "d": ["command": []],
                    "b": ["url": "ftp://x"],
                    "c": ["command": ["x"], "url": "http://y"],
                ],
                "clock": "fast",
            ])
        }
        let problems = try #require(error).problems.map { "\($0.path): \($0.message)" }
        #expect(problems.contains("local.handler: unknown setting 'handler' (did you mean \"handlers\"?)"))
        #expect(problems.contains { $0.hasPrefix("local.handlers.d.command: ") })
        #expect(problems.contains { $0.hasPrefix("local.handlers.a.timeout: ") })
        #expect(problems.contains { $0.hasPrefix("local.handlers.b.url: ") })
        #expect(problems.contains("local.handlers.c: a handler has either 'command' or 'url', not both"))
        #expect(problems.contains { $0.hasPrefix("local.clock: ") })
        #expect(problems.count == 6)
    }

    @Test func problemsPointIntoTheEnvironmentFile() throws {
        let tree = InMemorySourceTree([
            "sfn.yaml": "region: us-east-1\naccount: \"123456789012\"\n",
            "environments/base.yaml": "abstract: true\nlocal:\n  clock: real\n",
            "environments/dev.yaml": """
                extends: base
                target: {kind: local}
                local:
                  handlers:
                    "arn:aws:lambda:*:*:function:etl-*":
                      command: [sh, etl.sh]
                      timeout: soon
                """,
            "workflows/w.yaml": "StartAt: A\nStates:\n  A: {Type: Succeed}\n",
        ])
        let renderer = Renderer(project: ProjectLoader.load(from: tree).project)
        let environment = try #require(renderer.environment("dev").environment)
        let error = #expect(throws: LocalRuntimeError.self) { try LocalRuntimeSettings(environment: environment) }
        let problem = try #require(error?.problems.first)
        #expect(problem.path == #"local.handlers["arn:aws:lambda:*:*:function:etl-*"].timeout"#)
        #expect(problem.location?.file == "environments/dev.yaml")
        #expect(problem.location?.line == 7)
        #expect(error?.problems.count == 1)
    }

    @Test func mocksFileProblemsNameTheFileAndPath() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        try scratch.script("mocks.json", #"{"StateMachines": {"M": {"TestCases": {"T": {"A": "Missing"}}}}, "MockedResponses": {"Ok": {"x": {"Return": 1}}}}"#)
        let settings = LocalRuntimeSettings(mocks: "mocks.json")
        let error = #expect(throws: LocalRuntimeError.self) {
            try settings.mockConfiguration(projectRoot: scratch.path, processEnvironment: [:])
        }
        let messages = try #require(error).problems.map { "\($0.path): \($0.message)" }
        #expect(messages.contains { $0.hasSuffix("$.MockedResponses.Ok.x: 'x' is not an invocation index or range such as \"0\" or \"1-2\"") })
        #expect(messages.contains { $0.contains("$.StateMachines.M.TestCases.T.A: the mocked response 'Missing' is not defined") })
        let missing = #expect(throws: LocalRuntimeError.self) {
            try LocalRuntimeSettings(mocks: "nope.json").mockConfiguration(projectRoot: scratch.path, processEnvironment: [:])
        }
        #expect(missing?.problems.first?.path == "local.mocks")
    }

    @Test func environmentVariableNamesTheMockFile() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let file = try scratch.script("sfl.json", #"{"StateMachines": {}, "MockedResponses": {}}"#)
        let settings = LocalRuntimeSettings(mocks: "does-not-exist.json")
        let mocks = try settings.mockConfiguration(projectRoot: scratch.path, processEnvironment: ["SFN_MOCK_CONFIG": file])
        #expect(mocks != nil)
        #expect(try LocalRuntimeSettings().mockConfiguration(projectRoot: scratch.path, processEnvironment: [:]) == nil)
    }
}
