import Engine
import Foundation
import Integrations
import JSONValue
import StepFunctionsAPI
import Testing
import Workspace

/// This repository's own example workflows, rendered for `local` through the Workspace API
/// and run on the local engine with exactly the invoker and clock `environments/local.yaml`'s
/// `local:` block describes: handlers/*.sh for the functions, mocks/local.json's test cases.
@Suite struct ExampleRepositoryTests {
    /// The repository root: three levels above this file.
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().path

    struct Example {
        let harness: LocalHarness
        let machines: [String: StateMachineARN]
        let settings: LocalRuntimeSettings
    }

    /// Renders every workflow for `local`, deploys those the test names, and builds the
    /// service from the environment's settings (SFN_MOCK_CONFIG ignored: the file is the one
    /// the settings name).
    static func example(_ workflows: [String]) async throws -> Example {
        let loaded = await ProjectLoader.load(from: DirectorySourceTree(root: root))
        let renderer = Renderer(project: loaded.project)
        let (environment, diagnostics) = renderer.environment("local")
        let local = try #require(environment, "environment 'local': \(diagnostics.map(\.message))")
        let settings = try LocalRuntimeSettings(environment: local)
        let harness = try LocalHarness(options: { services in
            try settings.makeOptions(projectRoot: root, services: services, processEnvironment: [:])
        })
        var machines: [String: StateMachineARN] = [:]
        for id in workflows {
            let result = renderer.render(workflow: id, environment: "local")
            let rendered = try #require(result.rendered, "\(id): \(result.diagnostics.map(\.message))")
            machines[id] = try await harness.deploy(rendered.stateMachineName, rendered.definition.value.serialized(JSONStyle.compact))
        }
        return Example(harness: harness, machines: machines, settings: settings)
    }

    @Test func localSettingsNameTheHandlersMocksAndClock() async throws {
        let example = try await Self.example([])
        #expect(example.settings.mocks == "mocks/local.json")
        #expect(example.settings.clock == .real)
        #expect(example.settings.handlers.contains { $0.pattern == "process-local" })
        let mocks = try #require(try example.settings.mockConfiguration(projectRoot: Self.root, processEnvironment: [:]))
        #expect(mocks.testCase("LowAccuracy", of: "MlTrainingPipeline-local") == ["Evaluate": "PoorModel"])
    }

    @Test func dataProcessingRunsOnTheHandlers() async throws {
        let example = try await Self.example(["data-processing"])
        let machine = try #require(example.machines["data-processing"])
        let run = try await example.harness.run(machine, input: ["file": "orders.csv"])
        #expect(run.status == .succeeded, "\(run.error ?? "") \(run.cause ?? "")")
        #expect(run.json == [
            "saved": true, "location": "local://results/latest.json",
            "record": ["processed": true, "source": ["file": "orders.csv"]],
        ])
    }

    @Test func dataProcessingRetriesAMockedServiceException() async throws {
        let example = try await Self.example(["data-processing"])
        let machine = try #require(example.machines["data-processing"])
        let run = try await example.harness.run(machine, input: ["file": "orders.csv"], testCase: "SaveRetried")
        #expect(run.status == .succeeded, "\(run.error ?? "") \(run.cause ?? "")")
        // ProcessData answered from the mock (after one retry); SaveResults by its handler.
        #expect(run.json?["record"] == ["processed": true, "source": "mocked"])
        let failed = try await example.harness.history(run.executionArn).filter { $0.type.rawValue == "TaskFailed" }
        #expect(failed.count == 1)
    }

    @Test func etlTransformsEveryPartitionAndLoads() async throws {
        let example = try await Self.example(["etl"])
        let machine = try #require(example.machines["etl"])
        let run = try await example.harness.run(machine, input: ["date": "2026-11-28"])
        #expect(run.status == .succeeded, "\(run.error ?? "") \(run.cause ?? "")")
        #expect(run.json == ["status": "loaded", "summary": "Loaded 3 partitions for 2026-11-28"])
    }

    @Test func etlWithoutPartitionsEndsEarly() async throws {
        let example = try await Self.example(["etl"])
        let machine = try #require(example.machines["etl"])
        let run = try await example.harness.run(machine, input: ["date": "2026-11-28"], testCase: "NoPartitions")
        #expect(run.status == .succeeded)
        #expect(run.json?["listing"] == ["partitions": []])
    }

    @Test func etlMocksOneMapIteration() async throws {
        let example = try await Self.example(["etl", "data-processing"])
        let machine = try #require(example.machines["etl"])
        let run = try await example.harness.run(machine, input: ["date": "d"], testCase: "FlakyTransform")
        #expect(run.status == .succeeded, "\(run.error ?? "") \(run.cause ?? "")")
        let events = try await example.harness.history(run.executionArn)
        let outputs = events.compactMap { $0.taskSucceededEventDetails?.output }.compactMap { try? JSON.parse($0) }
        // Iteration 1 answered from the mock after its retry; 0 and 2 by the handler.
        #expect(outputs.contains(["file": "transformed/mocked-part-1.parquet"]))
        #expect(outputs.contains(["file": "transformed/d/part-0.parquet"]))
        #expect(outputs.contains(["file": "transformed/d/part-2.parquet"]))
        #expect(events.filter { $0.type.rawValue == "TaskFailed" }.count == 1)
    }

    @Test func etlLoadFailureIsCaughtAndNotified() async throws {
        let example = try await Self.example(["etl"])
        let machine = try #require(example.machines["etl"])
        let run = try await example.harness.run(machine, input: ["date": "2026-11-28"], testCase: "LoadFails")
        // Catch → HandleFailure (sns:publish through its handler) → Failed with the mocked error.
        #expect(run.status == .failed)
        #expect(run.error == "LoadError")
        #expect(run.cause == "the warehouse refused the load")
    }

    @Test func mlTrainingRegistersAGoodModel() async throws {
        let example = try await Self.example(["ml-training"])
        let machine = try #require(example.machines["ml-training"])
        let run = try await example.harness.run(machine, input: ["dataset": "churn"])
        #expect(run.status == .succeeded, "\(run.error ?? "") \(run.cause ?? "")")
        #expect(run.json?["registered"] == true)
        #expect(run.json?["candidate"]?["evaluation"] == ["accuracy": 0.93])
        #expect(run.json?["candidate"]?["prepared"]?["validation"] == ["valid": true, "rejected_rows": 0])
    }

    @Test func mlTrainingDiscardsAPoorModel() async throws {
        let example = try await Self.example(["ml-training"])
        let machine = try #require(example.machines["ml-training"])
        let run = try await example.harness.run(machine, input: ["dataset": "churn"], testCase: "LowAccuracy")
        #expect(run.status == .succeeded)
        #expect(run.json == ["registered": false, "reason": "accuracy below threshold"])
    }

    /// Step Functions Local's behaviour: a mocked `.waitForTaskToken` state answers at once
    /// with its mocked response (no token is awaited).
    @Test func approvalRunsWithAMockedDecision() async throws {
        let example = try await Self.example(["approval"])
        let machine = try #require(example.machines["approval"])
        let approved = try await example.harness.run(machine, input: ["request": ["change": "resize"]], testCase: "Approved")
        #expect(approved.status == .succeeded, "\(approved.error ?? "") \(approved.cause ?? "")")
        #expect(approved.json?["applied"] == ["applied": true, "change": ["change": "resize"]])
        let rejected = try await example.harness.run(machine, input: ["request": ["change": "resize"]], testCase: "Rejected")
        #expect(rejected.status == .failed)
        #expect(rejected.error == "ApprovalRejected")
    }

    @Test func everyTaskOfTheExamplesRunsLocally() async throws {
        let example = try await Self.example([])
        let mocks = try example.settings.mockConfiguration(projectRoot: Self.root, processEnvironment: [:])
        let renderer = Renderer(project: await ProjectLoader.load(from: DirectorySourceTree(root: Self.root)).project)
        for id in ["approval", "data-processing", "etl", "ml-training"] {
            let rendered = try #require(renderer.render(workflow: id, environment: "local").rendered)
            let uncovered = example.settings.uncoveredTasks(
                in: rendered.definition.value, stateMachineName: rendered.stateMachineName, mocks: mocks)
            #expect(uncovered == [], "\(id)")
        }
        // Without handlers, every Task state is reported, nested ones included.
        let etl = try #require(renderer.render(workflow: "etl", environment: "local").rendered)
        let bare = LocalRuntimeSettings().uncoveredTasks(in: etl.definition.value, stateMachineName: etl.stateMachineName, mocks: nil)
        #expect(Set(bare.map(\.stateName)) == ["ListPartitions", "Transform", "Load", "HandleFailure"])
        let transform = try #require(bare.first { $0.stateName == "Transform" })
        #expect(transform.pointer == ["States", "TransformPartitions", "ItemProcessor", "States", "Transform", "Resource"])
        #expect(transform.message.contains("local.handlers"))
    }

    @Test func mockFileMatchesTheWorkflowsStates() async throws {
        let example = try await Self.example([])
        let mocks = try #require(try example.settings.mockConfiguration(projectRoot: Self.root, processEnvironment: [:]))
        let loaded = await ProjectLoader.load(from: DirectorySourceTree(root: Self.root))
        let renderer = Renderer(project: loaded.project)
        for id in ["approval", "data-processing", "etl", "ml-training"] {
            let rendered = try #require(renderer.render(workflow: id, environment: "local").rendered)
            #expect(mocks.unknownStates(of: rendered.stateMachineName, in: rendered.definition.value) == [])
        }
    }
}
