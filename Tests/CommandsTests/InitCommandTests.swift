import Foundation
import Testing

@Suite struct InitCommandTests {
    @Test func scaffoldsAWorkingRepositoryAndNeverOverwrites() async throws {
        let dir = try CommandHarness.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let target = dir.appendingPathComponent("my-flows").path

        let first = await CommandHarness.run(["init", target])
        #expect(first.exitCode == 0)
        #expect(first.out.contains("workflows/data-processing.yaml"))
        for path in ["sfn.yaml", ".gitignore", "workflows/data-processing.yaml", "environments/local.yaml",
                     "environments/dev.yaml", "templates/retry-transient.yaml"] {
            #expect(FileManager.default.fileExists(atPath: target + "/" + path), "missing \(path)")
        }

        try Data("mine".utf8).write(to: URL(fileURLWithPath: target + "/sfn.yaml"))
        let second = await CommandHarness.run(["init", target])
        #expect(second.exitCode == 1)
        #expect(second.err.contains("already has 'sfn.yaml'"))
        #expect(try String(contentsOfFile: target + "/sfn.yaml", encoding: .utf8) == "mine")
    }

    @Test func theScaffoldValidatesAndRendersAsWritten() async throws {
        let dir = try CommandHarness.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        #expect(await CommandHarness.run(["init", dir.path]).exitCode == 0)
        let validate = await CommandHarness.run(["validate", "-C", dir.path])
        #expect(validate.exitCode == 0, "\(validate.out)")
        #expect(validate.out == "no problems in 1 workflow (2 environments)\n")
        let render = await CommandHarness.run(["render", "data-processing", "--env", "dev", "-C", dir.path])
        #expect(render.out.contains("arn:aws:lambda:us-east-1:123456789012:function:process-dev"))
        #expect(render.out.contains("\"MaxAttempts\": 3"))
    }

    @Test func appendsToAnExistingGitignore() async throws {
        let dir = try CommandHarness.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try Data("node_modules/\n.sfn/\n".utf8).write(to: dir.appendingPathComponent(".gitignore"))
        let outcome = await CommandHarness.run(["init", dir.path])
        #expect(outcome.exitCode == 0)
        #expect(try String(contentsOf: dir.appendingPathComponent(".gitignore"), encoding: .utf8) == "node_modules/\n.sfn/\nbuild/\n")
    }

    @Test func refusesAFileAsTheDirectory() async throws {
        let dir = try CommandHarness.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("file")
        try Data().write(to: file)
        let outcome = await CommandHarness.run(["init", file.path])
        #expect(outcome.exitCode == 1)
        #expect(outcome.err.contains("it is a file"))
    }
}
