public import Diagnostics
public import JSONValue

/// Decodes an ASL definition into a typed `StateMachine`; performs no I/O.
///
/// The decoder checks only what the model needs to exist: JSON kinds of the fields it
/// reads and the fields a state type cannot do without. Everything else an ASL
/// definition must satisfy (allowed fields, ranges, targets, paths) is the Validation
/// module's job, which reports it with AWS's codes before the model is used; the
/// decoder's own diagnostics are a safety net and say only what it could not read.
public enum StateMachineDecoder {
    /// Diagnostic ids of the decoder.
    public static let missingField = DiagnosticID("asl", "missing-field")
    public static let invalidField = DiagnosticID("asl", "invalid-field")

    /// The machine (nil when any required piece is missing or malformed) and every
    /// problem found on the way.
    public static func decode(_ document: SourceDocument) -> (StateMachine?, [Diagnostic]) {
        var session = DecodingSession(document: document)
        let machine = session.machine(document.value, at: .root, inherited: .jsonPath, isTopLevel: true)
        let failed = session.diagnostics.hasErrors
        return (failed ? nil : machine, session.diagnostics)
    }
}

/// The mutable part of one decode: the document and the diagnostics found so far.
struct DecodingSession {
    let document: SourceDocument
    var diagnostics: [Diagnostic] = []

    init(document: SourceDocument) { self.document = document }

    // MARK: - Reporting

    mutating func missing(_ field: String, in pointer: JSONPointer) {
        diagnostics.append(document.diagnostic(
            StateMachineDecoder.missingField, code: "SCHEMA_VALIDATION_FAILED",
            message: "required field \"\(field)\" is missing", at: pointer, atKey: true))
    }

    mutating func invalid(_ field: String, at pointer: JSONPointer, expected: String) {
        diagnostics.append(document.diagnostic(
            StateMachineDecoder.invalidField, code: "SCHEMA_VALIDATION_FAILED",
            message: "\"\(field)\" must be \(expected)", at: pointer))
    }

    // MARK: - Typed field readers (nil when absent; a diagnostic when of the wrong kind)

    mutating func object(_ value: JSON?, field: String, at pointer: JSONPointer) -> JSONObject? {
        guard let value else { return nil }
        if case .object(let o) = value { return o }
        invalid(field, at: pointer, expected: "an object")
        return nil
    }

    mutating func string(_ object: JSONObject, _ key: String, at pointer: JSONPointer, required: Bool = false) -> String? {
        guard let value = object[key] else {
            if required { missing(key, in: pointer) }
            return nil
        }
        if case .string(let s) = value { return s }
        invalid(key, at: pointer.appending(key), expected: "a string")
        return nil
    }

    mutating func integer(_ object: JSONObject, _ key: String, at pointer: JSONPointer) -> Int? {
        guard let value = object[key] else { return nil }
        if case .number(let n) = value, let i = n.int64Value, i.magnitude < UInt64(Int32.max) * 4 { return Int(i) }
        invalid(key, at: pointer.appending(key), expected: "an integer")
        return nil
    }

    mutating func number(_ object: JSONObject, _ key: String, at pointer: JSONPointer) -> Double? {
        guard let value = object[key] else { return nil }
        if case .number(let n) = value { return n.doubleValue }
        invalid(key, at: pointer.appending(key), expected: "a number")
        return nil
    }

    mutating func array(_ object: JSONObject, _ key: String, at pointer: JSONPointer, required: Bool = false) -> [JSON]? {
        guard let value = object[key] else {
            if required { missing(key, in: pointer) }
            return nil
        }
        if case .array(let a) = value { return a }
        invalid(key, at: pointer.appending(key), expected: "an array")
        return nil
    }

    mutating func path(_ object: JSONObject, _ key: String, at pointer: JSONPointer) -> PathValue? {
        switch object[key] {
        case nil: return nil
        case .null?: return .null
        case .string(let s)?: return .path(s)
        default:
            invalid(key, at: pointer.appending(key), expected: "a path string or null")
            return nil
        }
    }

    /// A literal number, a `…Path` string, or (JSONata) a `{% %}` string.
    mutating func setting(_ object: JSONObject, _ key: String, pathKey: String?, at pointer: JSONPointer) -> NumberSetting? {
        if let value = object[key] {
            switch value {
            case .number(let n): return .value(n.doubleValue)
            case .string(let s): return .expression(s)
            default:
                invalid(key, at: pointer.appending(key), expected: "a number")
                return nil
            }
        }
        if let pathKey, let p = string(object, pathKey, at: pointer) { return .path(p) }
        return nil
    }

    mutating func strings(_ object: JSONObject, _ key: String, at pointer: JSONPointer, required: Bool) -> [String] {
        guard let items = array(object, key, at: pointer, required: required) else { return [] }
        var result: [String] = []
        for (i, item) in items.enumerated() {
            if case .string(let s) = item { result.append(s) } else {
                invalid(key, at: pointer.appending(key).appending(i), expected: "an array of strings")
            }
        }
        return result
    }
}
