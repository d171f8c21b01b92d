import Foundation
import JSONPath
import JSONValue
import Testing

@testable import Intrinsics

/// Every definition in ../shared/conformance was accepted by AWS, so every path and
/// `"Key.$"` expression in its JSONPath states must parse, pass the intrinsic checker,
/// and every `ResultPath` must be a reference path. Skipped when ../shared is absent.
@Suite struct RecordedDefinitionTests {
    static let casesDirectory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("../shared/conformance/cases").standardizedFileURL

    static let casePaths: [String] = {
        guard let enumerator = FileManager.default.enumerator(atPath: casesDirectory.path) else { return [] }
        return enumerator.compactMap { $0 as? String }.filter { $0.hasSuffix(".json") }.sorted()
    }()

    /// Fields whose string value is a JSONPath in JSONPath-mode states.
    static let pathFields: Set<String> = [
        "InputPath", "OutputPath", "ResultPath", "ItemsPath", "Variable", "SecondsPath", "TimestampPath",
        "MaxConcurrencyPath", "ToleratedFailureCountPath", "ToleratedFailurePercentagePath",
        "HeartbeatSecondsPath", "TimeoutSecondsPath",
    ]

    @Test(.enabled(if: !casePaths.isEmpty, "../shared/conformance is not present"))
    func acceptsEveryExpressionAWSAccepted() throws {
        var checked = 0
        for relative in RecordedDefinitionTests.casePaths {
            let data = try Data(contentsOf: RecordedDefinitionTests.casesDirectory.appendingPathComponent(relative))
            guard let definition = try JSON.parse(utf8: Array(data))["definition"] else { continue }
            let jsonata = definition["QueryLanguage"] == "JSONata"
            visit(definition, key: nil, jsonata: jsonata, file: relative, checked: &checked)
        }
        #expect(checked > 1000)
    }

    func visit(_ node: JSON, key: String?, jsonata: Bool, file: String, checked: inout Int) {
        switch node {
        case .object(let object):
            // A state (or a whole machine) may switch query language for everything below it.
            let jsonata = object["QueryLanguage"].map { $0 == "JSONata" } ?? jsonata
            // `Result` is a literal: its "Key.$" members are not evaluated.
            for (childKey, value) in object where childKey != "Result" {
                visit(value, key: childKey, jsonata: jsonata, file: file, checked: &checked)
            }
        case .array(let array):
            for value in array { visit(value, key: key, jsonata: jsonata, file: file, checked: &checked) }
        case .string(let text) where !jsonata:
            guard let key else { return }
            // A Fail state's ErrorPath and CausePath also accept intrinsic functions.
            if key.hasSuffix(".$") || key == "ErrorPath" || key == "CausePath" {
                checked += 1
                do {
                    let expression = try PayloadExpression.parse(text)
                    if case .intrinsic(let call) = expression {
                        #expect(IntrinsicChecker.check(call) == [], "\(file): \(text)")
                    }
                } catch {
                    Issue.record("\(file): '\(text)' was rejected: \(error.message)")
                }
            } else if RecordedDefinitionTests.pathFields.contains(key) || key.hasSuffix("Path") && key != "ResultPath" && text.hasPrefix("$") {
                checked += 1
                do {
                    let path = try JSONPath.parse(text)
                    if key == "ResultPath" { #expect(path.isReferencePath, "\(file): ResultPath '\(text)'") }
                } catch {
                    Issue.record("\(file): \(key) '\(text)' was rejected: \(error.message)")
                }
            }
        default:
            break
        }
    }
}
