import Foundation
import ASLModel
import JSONValue
import Testing
import Validation

@testable import Engine

/// Runs every case of ../shared/conformance/cases (expectations recorded against AWS)
/// in-process, on a virtual clock. JSONata cases are skipped (a later issue). Fails when
/// the JSONPath pass rate drops below `floor`; every failing case is listed, with its
/// reason, in conformance-failures.txt (SFN_RECORD_CONFORMANCE=1 writes the raw
/// failure messages there; edit each into a one-line reason).
@Suite struct ConformanceTests {
    /// Raise as the engine improves: the share of JSONPath cases that must pass.
    static let floor = 1.0  // 779 of 779 at the last count

    static let casesDirectory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().appendingPathComponent("../../../shared/conformance/cases").standardized

    @Test func corpus() async throws {
        guard FileManager.default.fileExists(atPath: Self.casesDirectory.path) else { return }
        let files = try Self.caseFiles()
        var passed: [String: Int] = [:]
        var total: [String: Int] = [:]
        var skipped = 0
        var failures: [(String, String)] = []
        for file in files {
            let text = try String(contentsOf: file, encoding: .utf8)
            let testCase = try JSON.parse(text)
            guard let id = testCase["id"]?.stringValue, let definition = testCase["definition"] else { continue }
            if definition.serialized().contains("\"JSONata\"") {
                skipped += 1
                continue
            }
            let family = String(id.split(separator: "/").first ?? "")
            total[family, default: 0] += 1
            let type: StateMachineType = testCase["type"]?.stringValue == "EXPRESS" ? .express : .standard
            if let reason = await ConformanceCase.run(
                definition: definition, input: testCase["input"] ?? [:], expect: testCase["expect"] ?? [:], type: type)
            {
                failures.append((id, reason))
            } else {
                passed[family, default: 0] += 1
            }
        }
        let passCount = passed.values.reduce(0, +)
        let totalCount = total.values.reduce(0, +)
        for family in total.keys.sorted() {
            print("conformance \(family): \(passed[family, default: 0])/\(total[family]!)")
        }
        print("conformance JSONPath: \(passCount)/\(totalCount) passed; \(skipped) JSONata cases skipped (JSONata is a later issue)")
        let listing = failures.map { "\($0.0): \($0.1)" }.joined(separator: "\n")
        if ProcessInfo.processInfo.environment["SFN_RECORD_CONFORMANCE"] == "1" {
            let out = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("conformance-failures.txt")
            try (listing.isEmpty ? "" : listing + "\n").write(to: out, atomically: true, encoding: .utf8)
        } else {
            for (id, reason) in failures.prefix(60) { print("FAIL \(id): \(reason)") }
        }
        #expect(Double(passCount) >= Self.floor * Double(totalCount), "pass rate below the floor")
    }

    static func caseFiles() throws -> [URL] {
        let fm = FileManager.default
        var files: [URL] = []
        for family in try fm.contentsOfDirectory(atPath: casesDirectory.path).sorted() {
            let dir = casesDirectory.appendingPathComponent(family)
            for name in try fm.contentsOfDirectory(atPath: dir.path).sorted() where name.hasSuffix(".json") {
                files.append(dir.appendingPathComponent(name))
            }
        }
        return files
    }
}

/// One case: validate, run, compare as the corpus README says.
enum ConformanceCase {
    /// nil when the case passes, else why not.
    static func run(definition: JSON, input: JSON, expect: JSON, type: StateMachineType) async -> String? {
        let document: SourceDocument
        do {
            document = try JSONParser.parseDocument(definition.serialized(.pretty), file: "definition.json")
        } catch {
            return "definition does not parse: \(error)"
        }
        let result = Validator().validate(document, options: ValidationOptions(type: type, includeWarnings: false))
        guard let workflow = result.workflow else {
            return "validation rejected it: \(result.diagnostics.first?.message ?? "?")"
        }
        let engine = ExecutionEngine(clock: VirtualClock(), seed: 7, roleArn: "arn:aws:iam::123456789012:role/Conformance")
        let report = await engine.run(workflow, input: input, stateMachineName: "conformance_0a1b2c")
        let d = report.description
        let status = expect["status"]?.stringValue ?? ""
        guard d.status.rawValue == status else {
            return "status \(d.status.rawValue), expected \(status)" + (d.error.map { " (\($0): \(d.cause ?? ""))" } ?? "")
        }
        if status == "SUCCEEDED" {
            var actual = d.output ?? .null
            var expected = expect["output"] ?? .null
            for pointerText in expect["ignore"]?.arrayValue?.compactMap(\.stringValue) ?? [] {
                guard let pointer = JSONPointer(parsing: pointerText) else { continue }
                actual = actual.replacing(at: pointer[...], with: .null)
                expected = expected.replacing(at: pointer[...], with: .null)
            }
            for (pointerText, pattern) in expect["patterns"]?.objectValue ?? JSONObject() {
                guard let pointer = JSONPointer(parsing: pointerText), case .string(let regex) = pattern else { continue }
                guard case .string(let value)? = pointer.resolve(in: actual) else {
                    return "no string at \(pointerText) for pattern"
                }
                guard fullMatch(value, regex) else { return "\(pointerText) = \"\(value)\" does not match \(regex)" }
                actual = actual.replacing(at: pointer[...], with: .null)
                expected = expected.replacing(at: pointer[...], with: .null)
            }
            if actual != expected {
                return "output \(actual.serialized().prefix(300)), expected \(expected.serialized().prefix(300))"
            }
            return nil
        }
        let error = d.error ?? ""
        let cause = d.cause ?? ""
        if let pattern = expect["error_pattern"]?.stringValue {
            if !fullMatch(error, pattern) { return "error \"\(error)\" does not match \(pattern)" }
        } else if error != (expect["error"]?.stringValue ?? "") {
            return "error \"\(error)\", expected \"\(expect["error"]?.stringValue ?? "")\""
        }
        if let pattern = expect["cause_pattern"]?.stringValue {
            if !fullMatch(cause, pattern) { return "cause \"\(cause.prefix(300))\" does not match \(pattern.prefix(300))" }
        } else if cause != (expect["cause"]?.stringValue ?? "") {
            return "cause \"\(cause.prefix(300))\", expected \"\(expect["cause"]?.stringValue?.prefix(300) ?? "")\""
        }
        return nil
    }

    static func fullMatch(_ text: String, _ pattern: String) -> Bool {
        guard let regex = try? NSRegularExpression(pattern: "^(?:" + pattern + ")$", options: [.dotMatchesLineSeparators]) else { return false }
        return regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
    }
}

extension JSONPointer {
    subscript(_: UnboundedRange) -> ArraySlice<JSONPointer.Token> { tokens[...] }
}

extension JSON {
    /// This value with the node at `tokens` replaced (when it exists).
    func replacing(at tokens: ArraySlice<JSONPointer.Token>, with value: JSON) -> JSON {
        guard let first = tokens.first else { return value }
        switch (self, first) {
        case (.object(var object), .key(let key)):
            guard let child = object[key] else { return self }
            object[key] = child.replacing(at: tokens.dropFirst(), with: value)
            return .object(object)
        case (.object(var object), .index(let i)):
            guard let child = object[String(i)] else { return self }
            object[String(i)] = child.replacing(at: tokens.dropFirst(), with: value)
            return .object(object)
        case (.array(var array), .index(let i)) where array.indices.contains(i):
            array[i] = array[i].replacing(at: tokens.dropFirst(), with: value)
            return .array(array)
        case (.array(var array), .key(let key)):
            guard let i = Int(key), array.indices.contains(i) else { return self }
            array[i] = array[i].replacing(at: tokens.dropFirst(), with: value)
            return .array(array)
        default:
            return self
        }
    }
}
