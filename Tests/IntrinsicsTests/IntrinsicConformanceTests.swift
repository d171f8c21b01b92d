import Foundation
import JSONPath
import JSONValue
import Testing

@testable import Intrinsics

/// Replays the AWS-recorded `intrinsic_functions` cases of ../shared/conformance whose
/// definition is a single Pass state with `Parameters`: the Parameters are resolved with
/// this module (and JSONPath for InputPath/ResultPath/OutputPath) and compared with the
/// output AWS recorded. Skipped when ../shared is absent.
@Suite struct IntrinsicConformanceTests {
    static let directory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("../shared/conformance/cases/intrinsic_functions").standardizedFileURL

    /// Cases we do not run here, each with its reason.
    static let skipped: [String: String] = [:]

    static let caseNames: [String] = {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return names.filter { $0.hasSuffix(".json") }.sorted()
    }()

    @Test(.enabled(if: !caseNames.isEmpty, "../shared/conformance is not present"), arguments: caseNames)
    func replays(_ name: String) throws {
        let data = try Data(contentsOf: IntrinsicConformanceTests.directory.appendingPathComponent(name))
        let testCase = try JSON.parse(utf8: Array(data))
        let definition = try #require(testCase["definition"])
        if definition["QueryLanguage"] == "JSONata" { return }  // JSONata is another module's corpus.
        let states = try #require(definition["States"]?.objectValue)
        guard states.count == 1, let state = states.values.first, state["Type"] == "Pass", let parameters = state["Parameters"] else {
            return
        }
        if state["QueryLanguage"] == "JSONata" { return }
        if let reason = IntrinsicConformanceTests.skipped[name] {
            withKnownIssue(Comment(rawValue: reason)) { Issue.record("skipped") }
            return
        }
        let input = testCase["input"] ?? [:]
        let context = Self.context(input: input, stateName: states.keys[0])
        let expect = try #require(testCase["expect"])
        #expect(expect["status"] == "SUCCEEDED")

        var effectiveInput = input
        if let inputPath = state["InputPath"]?.stringValue {
            effectiveInput = try JSONPath.parse(inputPath).evaluate(input, context: context).get()
        }
        let result = try Self.resolve(parameters, input: effectiveInput, context: context)
        var output = result
        if let resultPath = state["ResultPath"]?.stringValue {
            output = try JSONPath.parse(resultPath).assigning(result, into: input).get()
        }
        if let outputPath = state["OutputPath"]?.stringValue {
            output = try JSONPath.parse(outputPath).evaluate(output, context: context).get()
        }

        var expected = try #require(expect["output"])
        for case .string(let pointer) in expect["ignore"]?.arrayValue ?? [] {
            output = Self.removing(pointer, from: output)
            expected = Self.removing(pointer, from: expected)
        }
        for (pointer, pattern) in expect["patterns"]?.objectValue ?? [:] {
            let actual = JSONPointer(parsing: pointer).flatMap { $0.resolve(in: output) }
            let regex = try Regex(try #require(pattern.stringValue))
            #expect(actual?.stringValue.flatMap { try? regex.wholeMatch(in: $0) } != nil, "\(pointer): \(String(describing: actual))")
            output = Self.removing(pointer, from: output)
            expected = Self.removing(pointer, from: expected)
        }
        #expect(output == expected)
    }

    /// Guards against the replay silently skipping everything: 131 of the 162 cases are
    /// JSONPath single-Pass-state definitions (the other 31 use JSONata).
    @Test(.enabled(if: !caseNames.isEmpty, "../shared/conformance is not present"))
    func replaysTheJSONPathCases() throws {
        var eligible = 0
        for name in IntrinsicConformanceTests.caseNames {
            let data = try Data(contentsOf: IntrinsicConformanceTests.directory.appendingPathComponent(name))
            let definition = try JSON.parse(utf8: Array(data))["definition"]
            let states = definition?["States"]?.objectValue
            if definition?["QueryLanguage"] != "JSONata", states?.count == 1, states?.values.first?["Parameters"] != nil {
                eligible += 1
            }
        }
        #expect(eligible == 131)
    }

    /// A context object shaped like AWS's, with values the recorded patterns accept.
    static func context(input: JSON, stateName: String) -> JSON {
        [
            "Execution": [
                "Id": "arn:aws:states:us-east-1:111111111111:execution:conformance-machine:conformance-run",
                "Input": input, "Name": "conformance-run",
                "RoleArn": "arn:aws:iam::111111111111:role/conformance", "StartTime": "2026-01-01T00:00:00.000Z",
            ],
            "StateMachine": [
                "Id": "arn:aws:states:us-east-1:111111111111:stateMachine:conformance-machine",
                "Name": "conformance-machine",
            ],
            "State": ["Name": .string(stateName), "EnteredTime": "2026-01-01T00:00:00.000Z"],
        ]
    }

    /// A Parameters template: `"Key.$"` members evaluated, everything else copied.
    static func resolve(_ template: JSON, input: JSON, context: JSON) throws -> JSON {
        switch template {
        case .object(let object):
            var out = JSONObject()
            for (key, value) in object {
                if key.hasSuffix(".$"), case .string(let text) = value {
                    let name = String(key.dropLast(2))
                    switch try PayloadExpression.parse(text) {
                    case .path(let path):
                        out[name] = try path.evaluate(input, context: context).get()
                    case .intrinsic(let call):
                        out[name] = try IntrinsicEvaluator.evaluate(call, input: input, context: context).get()
                    }
                } else {
                    out[key] = try resolve(value, input: input, context: context)
                }
            }
            return .object(out)
        case .array(let array):
            return .array(try array.map { try resolve($0, input: input, context: context) })
        default:
            return template
        }
    }

    static func removing(_ pointer: String, from document: JSON) -> JSON {
        guard let parsed = JSONPointer(parsing: pointer), let last = parsed.last, let parent = parsed.parent else {
            return document
        }
        func remove(_ tokens: ArraySlice<JSONPointer.Token>, in node: JSON) -> JSON {
            guard let token = tokens.first else {
                if case .object(var object) = node, case .key(let key) = last {
                    object.removeValue(forKey: key)
                    return .object(object)
                }
                return node
            }
            if case .object(var object) = node, case .key(let key) = token, let child = object[key] {
                object[key] = remove(tokens.dropFirst(), in: child)
                return .object(object)
            }
            return node
        }
        return remove(parent.tokens[...], in: document)
    }
}
