import JSONValue
import StepFunctionsAPI
import Testing

/// Checks a shape against a JSON literal in AWS's documented form: the literal decodes, the
/// value encodes back to the same JSON (compared as JSON values, so key order and number
/// spelling do not matter), and the re-encoded JSON decodes to an equal value.
@discardableResult
func expectWireRoundTrip<T: Codable & Equatable>(
    _ type: T.Type, _ literal: String, sourceLocation: Testing.SourceLocation = #_sourceLocation
) throws -> T {
    let value = try APICoding.decode(T.self, from: Array(literal.utf8))
    let encoded = try APICoding.encode(value)
    let expected = try JSON.parse(literal)
    let actual = try JSON.parse(utf8: encoded)
    #expect(
        actual == expected, "\(T.self) re-encoded as \(String(decoding: encoded, as: UTF8.self))",
        sourceLocation: sourceLocation)
    let again = try APICoding.decode(T.self, from: encoded)
    #expect(again == value, sourceLocation: sourceLocation)
    return value
}

/// The JSON a value encodes to, as a `JSON` value for comparison with a literal.
func wireJSON<T: Encodable>(_ value: T) throws -> JSON {
    try JSON.parse(utf8: APICoding.encode(value))
}

let scope = ARNScope(region: "us-east-1", account: "123456789012")
let machineARN = scope.stateMachine(named: "HelloWorld")
