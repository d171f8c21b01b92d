import ASLModel
import Diagnostics
import JSONValue
import Testing
import Validation

/// Breaks corpus definitions one member at a time, at every depth (removed, or
/// replaced by a value of another kind) and checks the validator's contract on each:
/// it never crashes, and every problem the model decoder would trip over is already
/// reported by a rule with AWS's code, so no `asl.*` safety-net diagnostic reaches a user.
@Suite struct MutatedCorpusTests {
    static let replacements: [JSON?] = [
        nil, .null, .number(JSONNumber(-1)), .number(JSONNumber(Int64.min)), .string("x"), .array([]), .object([:]),
    ]

    @Test func brokenMembersAreReportedByRules() throws {
        let files = CorpusFiles.list(ConformanceCorpusTests.casesDirectory).enumerated()
            .filter { $0.offset % 6 == 0 }.map(\.element)
        guard !files.isEmpty else { return }
        var leaks: [String] = []
        var validations = 0
        for path in files {
            guard let text = CorpusFiles.read(path), let definition = try JSON.parse(text)["definition"] else { continue }
            for pointer in Self.memberPointers(in: definition, at: .root) {
                for replacement in Self.replacements {
                    let mutated = Self.replacing(pointer.tokens[...], in: definition, with: replacement)
                    let result = Validator().validate(SourceDocument(value: mutated, file: path))
                    validations += 1
                    if result.diagnostics.contains(where: { $0.id.domain == "asl" }) {
                        leaks.append("\(path) \(pointer) = \(replacement.map { "\($0)" } ?? "removed"): \(result.diagnostics.map(\.message))")
                    }
                    if !result.diagnostics.hasErrors { #expect(result.workflow != nil) }
                }
            }
        }
        print("mutated corpus: \(validations) broken definitions validated")
        #expect(leaks.isEmpty, "\(leaks.count) of \(validations):\n\(leaks.prefix(20).joined(separator: "\n"))")
    }

    /// Pointers to every object member and array element, outside payload templates.
    static func memberPointers(in value: JSON, at pointer: JSONPointer) -> [JSONPointer] {
        switch value {
        case .object(let object):
            return object.flatMap { key, member in
                let p = pointer.appending(key)
                let skip = ["Parameters", "Result", "ResultSelector", "ItemSelector", "Assign", "Output", "Arguments"].contains(key)
                return [p] + (skip ? [] : memberPointers(in: member, at: p))
            }
        case .array(let items):
            return items.enumerated().flatMap { i, item in
                [pointer.appending(i)] + memberPointers(in: item, at: pointer.appending(i))
            }
        default:
            return []
        }
    }

    static func replacing(_ tokens: ArraySlice<JSONPointer.Token>, in value: JSON, with replacement: JSON?) -> JSON {
        guard let token = tokens.first else { return replacement ?? .null }
        switch (token, value) {
        case (.key(let key), .object(var object)):
            if tokens.count == 1, replacement == nil {
                object[key] = nil
            } else if let member = object[key] {
                object[key] = replacing(tokens.dropFirst(), in: member, with: replacement)
            }
            return .object(object)
        case (.index(let i), .array(var items)) where items.indices.contains(i):
            if tokens.count == 1, replacement == nil {
                items.remove(at: i)
            } else {
                items[i] = replacing(tokens.dropFirst(), in: items[i], with: replacement)
            }
            return .array(items)
        default:
            return value
        }
    }
}
