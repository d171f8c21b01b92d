import Foundation
import Testing

/// The conformance corpus (../shared/conformance: cases recorded against AWS) replayed over HTTP
/// by its own boto3 runner, `run_cases.py --endpoint`, against `sfn serve`: the server must pass
/// at least the share of JSONPath cases the engine passes in process (EngineTests'
/// ConformanceTests, whose failures are listed in Tests/EngineTests/conformance-failures.txt).
///
/// Skipped where the corpus or boto3 is absent. It replays ~900 executions (a minute or so), so
/// it runs once, with Waits shortened by `--wait-time-scale`.
@Suite struct ServeConformanceClientTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    static let corpus = repository.appendingPathComponent("../shared/conformance").standardized
    static let runner = corpus.appendingPathComponent("run_cases.py")
    static let inProcessFailures = repository.appendingPathComponent("Tests/EngineTests/conformance-failures.txt")

    static let runnable = FileManager.default.fileExists(atPath: runner.path) && ServeClientTests.boto3Available

    @Test(.enabled(if: runnable, "../shared/conformance/run_cases.py or boto3 is missing"))
    func runCasesPassesAtLeastTheInProcessShareOfJSONPathCases() async throws {
        let report = FileManager.default.temporaryDirectory.appendingPathComponent("sfn-conformance-\(UUID().uuidString).json")
        defer { try? FileManager.default.removeItem(at: report) }
        let result = try await ServeClientTests.withServer(["--wait-time-scale", "0.1"]) { served in
            try await ClientProcess.run(
                ["python3", Self.runner.path, "--endpoint", served.endpoint, "--json-report", report.path, "--quiet",
                 "--jobs", "8", "--timeout", "60"],
                timeout: .seconds(900))
        }
        let summary = result.output.split(separator: "\n").last.map(String.init) ?? ""
        let data = try Data(contentsOf: report)
        let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any], "\(result.output)")
        let cases = try #require(json["cases"] as? [[String: Any]])

        var jsonPathTotal = 0
        var jsonPathPassed = 0
        var serverOnlyFailures: [String] = []
        let inProcessFailing = try Self.inProcessFailingIDs()
        for entry in cases {
            guard let id = entry["id"] as? String, try !Self.usesJSONata(id) else { continue }
            jsonPathTotal += 1
            if entry["outcome"] as? String == "pass" {
                jsonPathPassed += 1
            } else if !inProcessFailing.contains(id) {
                serverOnlyFailures.append("\(id): \(entry["reason"] as? String ?? "?")")
            }
        }
        let inProcessPassed = jsonPathTotal - inProcessFailing.count
        print("run_cases.py over sfn serve: \(summary); JSONPath \(jsonPathPassed)/\(jsonPathTotal) (in process \(inProcessPassed)/\(jsonPathTotal))")
        #expect(jsonPathTotal > 700, "the runner reported \(jsonPathTotal) JSONPath cases: \(result.output.suffix(2000))")
        #expect(jsonPathPassed >= inProcessPassed, "JSONPath cases failing over HTTP only:\n\(serverOnlyFailures.joined(separator: "\n"))")
    }

    /// Whether a case's definition uses JSONata anywhere (the in-process run skips those too).
    static func usesJSONata(_ id: String) throws -> Bool {
        let file = corpus.appendingPathComponent("cases/\(id).json")
        let object = try JSONSerialization.jsonObject(with: Data(contentsOf: file)) as? [String: Any]
        guard let definition = object?["definition"] else { return false }
        let text = try JSONSerialization.data(withJSONObject: definition)
        return String(decoding: text, as: UTF8.self).contains("\"JSONata\"")
    }

    /// The ids listed (one `id: reason` per line) as failing in process.
    static func inProcessFailingIDs() throws -> Set<String> {
        guard let text = try? String(contentsOf: inProcessFailures, encoding: .utf8) else { return [] }
        return Set(text.split(separator: "\n").compactMap { line in
            line.split(separator: ":", maxSplits: 1).first.map { String($0).trimmingCharacters(in: .whitespaces) }
        }.filter { !$0.isEmpty })
    }
}
