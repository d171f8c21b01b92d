import Engine
import JSONValue
import Testing

/// Choice rules: every operator family, Path forms, And/Or/Not, Is* tests,
/// StringMatches, Default and States.NoChoiceMatched.
@Suite struct ChoiceTests {
    func choose(_ rule: String, _ input: JSON, withDefault: Bool = true) async throws -> ExecutionReport {
        try await EngineHarness().run(
            """
            {"StartAt": "C", "States": {"C": {"Type": "Choice", "Choices": [\(rule)\(withDefault ? "" : #", {"Variable": "$.unused", "IsPresent": true, "Next": "No"}"#)],
              \(withDefault ? #""Default": "No","# : "") "Comment": "x"},
              "Yes": {"Type": "Pass", "Result": "yes", "End": true}, "No": {"Type": "Pass", "Result": "no", "End": true}}}
            """, input: input)
    }

    func matches(_ condition: String, _ input: JSON) async throws -> Bool {
        let report = try await choose("{\(condition), \"Next\": \"Yes\"}", input)
        return report.output == "yes"
    }

    @Test(arguments: [
        (#""Variable": "$.s", "StringEquals": "b""#, true),
        (#""Variable": "$.s", "StringLessThan": "c""#, true),
        (#""Variable": "$.s", "StringGreaterThanEquals": "c""#, false),
        (#""Variable": "$.n", "NumericEquals": 3"#, true),
        (#""Variable": "$.n", "NumericLessThan": 3.5"#, true),
        (#""Variable": "$.n", "NumericGreaterThan": 3"#, false),
        (#""Variable": "$.s", "NumericEquals": 3"#, false),
        (#""Variable": "$.b", "BooleanEquals": true"#, true),
        (#""Variable": "$.t", "TimestampLessThan": "2024-01-02T00:00:00Z""#, true),
        (#""Variable": "$.t", "TimestampEquals": "2024-01-01T01:00:00+01:00""#, true),
        (#""Variable": "$.n", "NumericEqualsPath": "$.m""#, true),
        (#""Variable": "$.s", "StringLessThanPath": "$.s2""#, true),
        (#""Variable": "$.b", "BooleanEqualsPath": "$.b""#, true),
        (#""Variable": "$.t", "TimestampGreaterThanEqualsPath": "$.t""#, true),
        (#""Variable": "$.missing", "IsPresent": false"#, true),
        (#""Variable": "$.z", "IsNull": true"#, true),
        (#""Variable": "$.n", "IsNumeric": true"#, true),
        (#""Variable": "$.s", "IsString": true"#, true),
        (#""Variable": "$.b", "IsBoolean": false"#, false),
        (#""Variable": "$.t", "IsTimestamp": true"#, true),
        (#""Variable": "$.s", "IsTimestamp": true"#, false),
        (#""And": [{"Variable": "$.n", "NumericEquals": 3}, {"Variable": "$.b", "BooleanEquals": true}]"#, true),
        (#""Or": [{"Variable": "$.n", "NumericEquals": 4}, {"Variable": "$.b", "BooleanEquals": false}]"#, false),
        (#""Not": {"Variable": "$.n", "NumericEquals": 4}"#, true),
    ])
    func operators(condition: String, expected: Bool) async throws {
        let input: JSON = ["s": "b", "s2": "c", "n": 3, "m": 3.0, "b": true, "z": nil, "t": "2024-01-01T00:00:00Z"]
        #expect(try await matches(condition, input) == expected)
    }

    @Test(arguments: [
        ("*.log", "app.log", true), ("*.log", "app.txt", false), ("a*b*c", "aXXbYYc", true),
        (#"literal\\*star"#, "literal*star", true), (#"literal\\*star"#, "literalXstar", false),
        (#"back\\\\slash"#, #"back\slash"#, true), ("", "", true), ("*", "", true),
    ])
    func stringMatches(pattern: String, value: String, expected: Bool) async throws {
        #expect(try await matches(#""Variable": "$.v", "StringMatches": "\#(pattern)""#, ["v": .string(value)]) == expected)
    }

    @Test func defaultIsTakenWhenNothingMatches() async throws {
        let report = try await choose(#"{"Variable": "$.n", "NumericEquals": 1, "Next": "Yes"}"#, ["n": 2])
        #expect(report.output == "no")
    }

    @Test func noMatchWithoutDefaultFails() async throws {
        let report = try await choose(#"{"Variable": "$.n", "NumericEquals": 1, "Next": "Yes"}"#, ["n": 2], withDefault: false)
        #expect(report.status == .failed)
        #expect(report.error == "States.NoChoiceMatched")
    }
}
