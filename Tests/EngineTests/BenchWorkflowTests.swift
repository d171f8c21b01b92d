import Foundation
import JSONValue
import Testing

@testable import Engine

/// The benchmark workflows of ../shared/bench run to their expected outputs with the
/// documented transition counts (skipped when the folder is absent). Also prints a
/// rough rate; the real benchmark is a release-build command in a later step.
@Suite struct BenchWorkflowTests {
    static let directory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().appendingPathComponent("../../../shared/bench/workflows").standardized

    @Test(arguments: [
        ("pass-chain-100", 100), ("choice-loop-1000", 2002), ("map-1000", 1002), ("parallel-10", 101),
        ("intrinsics-heavy", 352),
    ])
    func runsToTheExpectedOutput(name: String, transitions: Int) async throws {
        // SFN_BENCH_ONLY=<name> runs one workflow (for profiling).
        if let only = ProcessInfo.processInfo.environment["SFN_BENCH_ONLY"], only != name { return }
        let base = Self.directory.appendingPathComponent(name)
        guard FileManager.default.fileExists(atPath: base.path + ".asl.json") else { return }
        let definition = try String(contentsOfFile: base.path + ".asl.json", encoding: .utf8)
        let input = try JSON.parse(String(contentsOfFile: base.path + ".input.json", encoding: .utf8))
        let expected = try JSON.parse(String(contentsOfFile: base.path + ".expected.json", encoding: .utf8))
        let harness = EngineHarness()
        let workflow = try harness.workflow(definition)
        let report = await harness.engine.run(workflow, input: input)
        #expect(report.status == .succeeded, "\(report.description.error ?? ""): \(report.description.cause ?? "")")
        #expect(report.output == expected)
        #expect(report.transitions == transitions)

        let runs = ProcessInfo.processInfo.environment["SFN_BENCH_RUNS"].flatMap { Int($0) } ?? 20
        let start = ContinuousClock.now
        for _ in 0..<runs { _ = await harness.engine.run(workflow, input: input) }
        let seconds = (ContinuousClock.now - start) / .seconds(1)
        print("bench \(name): \(Int(Double(runs * transitions) / seconds)) transitions/s (this build)")
    }
}
