import Foundation
import JSONValue
import Testing

@testable import JSONPath

/// Checks the AWS-recorded `scenarios_jsonpath` cases of ../shared/conformance: each
/// names a path that selects nothing, and where AWS quotes Jayway's own message
/// ("Invalid path '$.x' : No results for path: $['x']") ours must be the same.
/// Skipped when ../shared is absent.
@Suite struct JSONPathConformanceTests {
    static let directory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("../shared/conformance/cases/scenarios_jsonpath").standardizedFileURL

    static let caseNames: [String] = {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return names.filter { $0.hasSuffix(".json") }.sorted()
    }()

    @Test(.enabled(if: !caseNames.isEmpty, "../shared/conformance is not present"), arguments: caseNames)
    func failsLikeAWS(_ name: String) throws {
        let data = try Data(contentsOf: JSONPathConformanceTests.directory.appendingPathComponent(name))
        let testCase = try JSON.parse(utf8: Array(data))
        let cause = try #require(testCase["expect"]?["cause"]?.stringValue)
        let input = testCase["input"] ?? [:]
        let context: JSON = ["Execution": ["Input": input]]

        if let match = cause.firstMatch(of: /Invalid path '(?<path>[^']*)' : (?<message>.*)$/) {
            let path = try JSONPath.parse(String(match.output.path))
            #expect(path.evaluate(input, context: context) == .failure(JSONPathFailure(kind: .noResults, message: String(match.output.message))))
        } else if let match = cause.firstMatch(of: /The JSONPath '(?<path>[^']*)' specified for the field/) {
            // The path is evaluated against the state's effective input: the Pass state's
            // Parameters ({"Error": "error-value"}) for the Fail-state cases, else the input.
            let path = try JSONPath.parse(String(match.output.path))
            let states = testCase["definition"]?["States"]?.objectValue
            let parameters = states?.values.compactMap { $0["Parameters"] }.first { $0["value.$"] == nil }
            let effective = parameters ?? input
            guard case .failure = path.evaluate(effective, context: context) else {
                Issue.record("'\(path.text)' should select nothing")
                return
            }
        } else {
            Issue.record("unrecognised cause: \(cause)")
        }
    }
}
