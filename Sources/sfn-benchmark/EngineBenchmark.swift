import Engine
import EngineStore
import Foundation
import StepFunctionsAPI
import JSONValue
import Validation

/// `sfn-benchmark --engine`: runs the workflows of ../shared/bench/workflows in-process on
/// the in-memory engine, one execution at a time and many at once, and prints
/// executions/s and state transitions/s for each; then the straight-Swift floor for
/// pass-chain-100, choice-loop-1000 and map-1000 (`EngineFloor`) and how a Map's cost
/// grows with its size. Figures, not assertions: the README records them.
struct EngineBenchmark {
    var directory = "../shared/bench/workflows"
    /// Wall time each measurement runs for (at least three executions).
    var seconds = 2.0
    /// Executions in flight at once in the concurrent measurement.
    var concurrency = 16
    /// Map sizes for the growth measurement.
    var mapSizes = [1_000, 10_000, 100_000]
    /// `--durable-only`: only the durable row (pass-chain-100 as Standard on SQLite).
    var durableOnly = false

    struct Workflow {
        var name: String
        var compiled: CompiledWorkflow
        /// The same definition as a Standard machine, for the durable run.
        var standard: CompiledWorkflow?
        var input: JSON
        var expected: JSON
        var transitions: Int
    }

    func run() async throws {
        let workflows = try load()
        if durableOnly { return try await runDurable(workflows) }
        let engine = ExecutionEngine()
        print("engine benchmark: in memory (Express-style, virtual clock), \(ProcessInfo.processInfo.activeProcessorCount) cores, release build")
        print("")
        print(Self.row("workflow", "trans", "mode", "exec/s", "trans/s", "µs/exec"))
        var sequentialRates: [String: Double] = [:]
        for workflow in workflows {
            let check = await engine.run(workflow.compiled, input: workflow.input)
            let ok = check.description.status == .succeeded && check.description.output == workflow.expected
                && check.transitions == workflow.transitions
            guard ok else {
                print("\(workflow.name): WRONG RESULT (\(check.description.status.rawValue), \(check.transitions) transitions)")
                continue
            }
            let sequential = await measure { _ = await engine.run(workflow.compiled, input: workflow.input); return 1 }
            sequentialRates[workflow.name] = sequential
            print(Self.row(workflow.name, workflow.transitions, "one at a time", sequential))
            let batch = concurrency
            let concurrent = await measure {
                await withTaskGroup(of: Void.self) { group in
                    for _ in 0..<batch { group.addTask { _ = await engine.run(workflow.compiled, input: workflow.input) } }
                }
                return batch
            }
            print(Self.row(workflow.name, workflow.transitions, "\(batch) at once", concurrent))
            if let api = try? await throughService(workflow) {
                print(Self.row(workflow.name, workflow.transitions, "service API", api))
            }
        }

        try await runDurable(workflows)

        print("")
        print("floor: the same data work as straight Swift over JSON (no engine), one at a time")
        print(Self.row("workflow", "trans", "", "exec/s", "trans/s", "µs/exec") + "  engine/floor")
        for workflow in workflows {
            guard let floor = EngineFloor(name: workflow.name) else { continue }
            guard floor.run(workflow.input) == workflow.expected else {
                print("\(workflow.name): floor gives a different output")
                continue
            }
            let rate = await measure { _ = floor.run(workflow.input); return 1 }
            let ratio = sequentialRates[workflow.name].map { String(format: "%.1f×", rate / $0) } ?? "-"
            print(Self.row(workflow.name, workflow.transitions, "floor", rate) + "  \(ratio)")
        }

        if let map = workflows.first(where: { $0.name == "map-1000" }) {
            print("")
            print("Map size: map-1000's definition over N items (history limit lifted above AWS's 25,000 events)")
            var unlimited = engine
            unlimited.maximumHistoryEvents = .max
            for size in mapSizes {
                let input = Self.mapInput(size: size, like: map.input)
                let start = ContinuousClock.now
                let report = await unlimited.run(map.compiled, input: input)
                let elapsed = (ContinuousClock.now - start) / .seconds(1)
                // Past about 7,000 items the Map's result exceeds AWS's 256 KiB payload limit: every
                // iteration still runs, then the state fails with States.DataLimitExceeded, as on AWS.
                let status = [report.description.status.rawValue, report.description.error ?? ""].joined(separator: " ")
                print(String(
                    format: "  %7d items: %8.3f s, %6.2f µs/item, %7d events, %@", size, elapsed,
                    elapsed * 1e6 / Double(size), report.history.count, status))
            }
            let input = Self.mapInput(size: 10_000, like: map.input)
            let report = await engine.run(map.compiled, input: input)
            print("  with AWS's limit, 10,000 items: \(report.description.status.rawValue) \(report.description.error ?? ""): \(report.description.cause ?? "")")
        }
    }

    /// The durable rows: pass-chain-100 as a Standard execution on SQLite, one at a time and
    /// `concurrency` at once, each with the process's CPU time per transition (user and
    /// system, every thread: the checkpointer's too), which the machine's load moves less
    /// than the wall-clock rate.
    func runDurable(_ workflows: [Workflow]) async throws {
        guard let chain = workflows.first(where: { $0.name == "pass-chain-100" }) else { return }
        print("")
        print("durable: pass-chain-100 as Standard on SQLite (WAL, one transaction per transition)")
        print(Self.row("workflow", "trans", "mode", "exec/s", "trans/s", "µs/exec") + "  CPU µs/trans")
        // Inline checkpoints (SQLite's default) first, for comparison; then the store's own.
        for background in [false, true] {
            for batch in [1, concurrency] {
                let cpuBefore = Self.processCPUSeconds()
                guard let (rate, executions) = try await durable(chain, batch: batch, backgroundCheckpoints: background)
                else { return }
                let cpu = (Self.processCPUSeconds() - cpuBefore) * 1e6 / Double(executions * chain.transitions)
                let mode = "\(background ? "bg ckpt" : "inline ckpt"), \(batch)"
                print(Self.row(chain.name, chain.transitions, mode, rate) + String(format: "  %12.1f", cpu))
            }
        }
    }

    /// Standard executions, `batch` at a time, with every transition committed to a SQLite
    /// store in a temporary directory: executions per second and how many ran; nil (with a
    /// message) if the result is wrong.
    func durable(_ workflow: Workflow, batch: Int, backgroundCheckpoints: Bool) async throws
        -> (rate: Double, executions: Int)?
    {
        guard let standard = workflow.standard else { return nil }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("sfn-bench-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = try SQLiteExecutionStore(
            path: directory.appendingPathComponent("executions.sqlite").path, backgroundCheckpoints: backgroundCheckpoints)
        defer { store.close() }
        let engine = ExecutionEngine(store: store)
        let check = await engine.run(standard, input: workflow.input, executionName: "check")
        guard check.description.status == .succeeded, check.description.output == workflow.expected else {
            print("\(workflow.name) durable: WRONG RESULT (\(check.description.status.rawValue) \(check.description.cause ?? ""))")
            return nil
        }
        var sequence = 0
        var executions = 0
        let rate = await measure {
            let first = sequence
            sequence += batch
            await withTaskGroup(of: Void.self) { group in
                for index in first..<first + batch {
                    group.addTask { _ = await engine.run(standard, input: workflow.input, executionName: "run-\(index)") }
                }
            }
            executions += batch
            return batch
        }
        return (rate, executions)
    }

    /// User and system CPU time of the whole process (every thread) so far, in seconds.
    static func processCPUSeconds() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }

    /// One at a time through `LocalStepFunctionsService` (StartExecution with the input as
    /// text, wait, DescribeExecution with the output as text), as `sfn exec` and the facade run.
    func throughService(_ workflow: Workflow) async throws -> Double {
        let service = LocalStepFunctionsService()
        let definition = try String(
            contentsOf: URL(fileURLWithPath: directory).appendingPathComponent("\(workflow.name).asl.json"), encoding: .utf8)
        let machine = try await service.createStateMachine(
            CreateStateMachineInput(
                name: workflow.name, definition: definition, roleArn: "arn:aws:iam::123456789012:role/Bench"))
        let input = workflow.input.serialized(.compact)
        return await measure {
            guard let started = try? await service.startExecution(
                StartExecutionInput(stateMachineArn: machine.stateMachineArn, input: input)),
                (try? await service.waitForExecution(started.executionArn))?.status == .succeeded
            else { return 0 }
            return 1
        }
    }

    /// Runs `body` repeatedly for about `seconds` (at least three times) and returns items per second.
    func measure(_ body: () async -> Int) async -> Double {
        var count = 0
        var rounds = 0
        let start = ContinuousClock.now
        var elapsed = 0.0
        while rounds < 3 || elapsed < seconds {
            count += await body()
            rounds += 1
            elapsed = (ContinuousClock.now - start) / .seconds(1)
        }
        return Double(count) / elapsed
    }

    func load() throws -> [Workflow] {
        let manifestURL = URL(fileURLWithPath: directory).appendingPathComponent("manifest.json")
        let manifest = try JSON.parse(String(contentsOf: manifestURL, encoding: .utf8))
        guard case .object(let root) = manifest, case .array(let entries)? = root["workflows"] else {
            throw BenchmarkError("\(manifestURL.path) has no \"workflows\" list")
        }
        var workflows: [Workflow] = []
        for case .object(let entry) in entries {
            guard case .string(let name)? = entry["name"], case .string(let definition)? = entry["definition"],
                case .string(let input)? = entry["input"], case .string(let expected)? = entry["expected_output"],
                case .number(let transitions)? = entry["transitions"]
            else { continue }
            if case .string(let language)? = entry["query_language"], language != "JSONPath" {
                print("\(name): skipped (\(language) is a later issue)")
                continue
            }
            let base = URL(fileURLWithPath: directory)
            let document = try JSONParser.parseDocument(
                String(contentsOf: base.appendingPathComponent(definition), encoding: .utf8), file: definition)
            guard let validated = Validator().validate(document, options: ValidationOptions(type: .express)).workflow else {
                throw BenchmarkError("\(definition) does not validate")
            }
            let standard = Validator().validate(document, options: ValidationOptions(type: .standard)).workflow
            workflows.append(Workflow(
                name: name, compiled: CompiledWorkflow(validated), standard: standard.map(CompiledWorkflow.init),
                input: try JSON.parse(String(contentsOf: base.appendingPathComponent(input), encoding: .utf8)),
                expected: try JSON.parse(String(contentsOf: base.appendingPathComponent(expected), encoding: .utf8)),
                transitions: Int(transitions.int64Value ?? 0)))
        }
        return workflows
    }

    /// map-1000's input with `size` items of the same shape.
    static func mapInput(size: Int, like input: JSON) -> JSON {
        var object = JSONObject()
        if case .object(let original) = input, let factor = original["factor"] { object["factor"] = factor }
        object["items"] = .array((0..<size).map { index in
            var item = JSONObject()
            item["id"] = .number(JSONNumber(index))
            item["label"] = .string("item-\(index)")
            return .object(item)
        })
        return .object(object)
    }

    static func row(_ name: String, _ transitions: Int, _ mode: String, _ rate: Double) -> String {
        row(
            name, String(transitions), mode, String(format: "%.1f", rate), String(format: "%.0f", rate * Double(transitions)),
            String(format: "%.1f", 1e6 / rate))
    }

    static func row(_ columns: String...) -> String {
        let widths = [18, 6, 14, 11, 13, 10]
        return zip(columns, widths).enumerated().map { index, pair in
            let padding = String(repeating: " ", count: max(0, pair.1 - pair.0.count))
            return index == 0 || index == 2 ? pair.0 + padding : padding + pair.0
        }.joined(separator: "  ")
    }
}

struct BenchmarkError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
