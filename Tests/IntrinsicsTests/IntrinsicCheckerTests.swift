import Testing

@testable import Intrinsics

@Suite struct IntrinsicCheckerTests {
    func issues(_ text: String) throws -> [IntrinsicIssue] {
        IntrinsicChecker.check(try IntrinsicParser.parse(text))
    }

    @Test(arguments: [
        "States.Format('{} and {}', $.a, $.b)",
        "States.Format('no placeholders \\{\\}')",
        "States.Format($.template, $.a, $.b, $.c)",
        "States.StringToJson($.s)",
        "States.JsonToString($)",
        "States.Array()",
        "States.ArrayPartition($.a, 2)",
        "States.ArrayContains($.a, 'x')",
        "States.ArrayRange(1, 9, 2)",
        "States.ArrayGetItem($.a, States.MathAdd(1, -1))",
        "States.ArrayLength(States.StringSplit($.s, ','))",
        "States.ArrayUnique($.a)",
        "States.Base64Encode('x')",
        "States.Base64Decode($.x)",
        "States.Hash($.data, 'SHA-256')",
        "States.JsonMerge($.a, States.StringToJson($.b), false)",
        "States.MathRandom(1, 10)",
        "States.MathRandom(1, 10, $.seed)",
        "States.MathAdd(1.5, $.n)",
        "States.StringSplit($.s, ',')",
        "States.UUID()",
    ])
    func acceptsValidCalls(_ text: String) throws {
        #expect(try issues(text) == [])
    }

    @Test func reportsUnknownFunctionsWithASuggestion() throws {
        #expect(try issues("States.Fromat('x')") == [
            IntrinsicIssue(kind: .unknownFunction, message: #"'States.Fromat' is not an intrinsic function (did you mean "States.Format"?)"#, offset: 0)
        ])
    }

    @Test func reportsArgumentCounts() throws {
        #expect(try issues("States.ArrayGetItem($.a)") == [
            IntrinsicIssue(kind: .argumentCount, message: "'States.ArrayGetItem' takes exactly 2 arguments, but 1 was given", offset: 0)
        ])
        #expect(try issues("States.UUID($.a)") == [
            IntrinsicIssue(kind: .argumentCount, message: "'States.UUID' takes no arguments, but 1 was given", offset: 12)
        ])
        #expect(try issues("States.MathRandom(1, 2, 3, 4)") == [
            IntrinsicIssue(kind: .argumentCount, message: "'States.MathRandom' takes 2 to 3 arguments, but 4 were given", offset: 27)
        ])
        #expect(try issues("States.Format()") == [
            IntrinsicIssue(kind: .argumentCount, message: "'States.Format' takes at least 1 argument, but 0 were given", offset: 0)
        ])
    }

    @Test func reportsLiteralTypesThatCanNeverWork() throws {
        #expect(try issues("States.MathAdd('one', 2)") == [
            IntrinsicIssue(kind: .argumentType, message: "argument 1 of 'States.MathAdd' must be a number, but the literal 'one' is a string", offset: 15)
        ])
        #expect(try issues("States.ArrayLength(null)") == [
            IntrinsicIssue(kind: .argumentType, message: "argument 1 of 'States.ArrayLength' must be an array, but the literal null is null", offset: 19)
        ])
        #expect(try issues("States.StringSplit(States.ArrayLength($.a), ',')") == [
            IntrinsicIssue(kind: .argumentType, message: "argument 1 of 'States.StringSplit' must be a string, but the result of 'States.ArrayLength' is an integer", offset: 19)
        ])
    }

    @Test func reportsHashAlgorithms() throws {
        #expect(try issues("States.Hash($.x, 'SHA256')") == [
            IntrinsicIssue(kind: .argumentValue, message: #"'SHA256' is not a hash algorithm of 'States.Hash'; use one of MD5, SHA-1, SHA-256, SHA-384, SHA-512 (did you mean "SHA-256"?)"#, offset: 17)
        ])
    }

    @Test func reportsFormatPlaceholderCounts() throws {
        #expect(try issues("States.Format('{} and {}', $.a)") == [
            IntrinsicIssue(kind: .formatPlaceholders, message: "the template of 'States.Format' has 2 placeholders '{}', but 1 value was given", offset: 14)
        ])
        #expect(try issues("States.Format('\\{\\}', $.a)") == [
            IntrinsicIssue(kind: .formatPlaceholders, message: "the template of 'States.Format' has 0 placeholders '{}', but 1 value was given", offset: 14)
        ])
    }

    @Test func reportsDeepJsonMerge() throws {
        #expect(try issues("States.JsonMerge($.a, $.b, true)") == [
            IntrinsicIssue(kind: .argumentValue, message: "the third argument of 'States.JsonMerge' must be false: AWS supports only shallow merges", offset: 27)
        ])
    }

    @Test func checksNestedCallsAndDepth() throws {
        var text = "$.a"
        for _ in 0..<11 { text = "States.Array(\(text))" }
        let found = try issues(text)
        #expect(found.map(\.kind) == [.nestingTooDeep])
        #expect(found.first?.offset == 130)

        #expect(try issues("States.Array(States.Nope())").map(\.offset) == [13])
    }
}
