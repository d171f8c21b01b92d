import JSONPath
import JSONValue
import Testing

@testable import Intrinsics

@Suite struct IntrinsicParserTests {
    @Test func parsesLiteralsOfEveryKind() throws {
        let call = try IntrinsicParser.parse("States.Array('a', 1, -2.5, true, false, null)")
        #expect(call.name == "States.Array")
        #expect(call.function == .array)
        #expect(call.arguments == [.string("a"), .number(JSONNumber(1)), .number(JSONNumber(literal: "-2.5")!), .bool(true), .bool(false), .null])
        #expect(call.argumentOffsets == [13, 18, 21, 27, 33, 40])
        #expect(call.argumentTexts == ["'a'", "1", "-2.5", "true", "false", "null"])
    }

    @Test func parsesPathsOfEveryRoot() throws {
        let call = try IntrinsicParser.parse("States.Array($, $.a.b, $$.Execution.Id, $myVar.x, $['a,b'][0], $.c[?(@.d == 'x)')])")
        let texts = call.arguments.map { argument -> String in
            if case .path(let path) = argument { return path.text }
            return "not a path"
        }
        #expect(texts == ["$", "$.a.b", "$$.Execution.Id", "$myVar.x", "$['a,b'][0]", "$.c[?(@.d == 'x)')]"])
    }

    @Test func parsesNestedCalls() throws {
        let text = "States.ArrayGetItem(States.StringSplit($$.StateMachine.Name, '-'), States.MathAdd(States.ArrayLength(States.StringSplit($$.StateMachine.Name, '-')), -1))"
        let call = try IntrinsicParser.parse(text)
        #expect(call.function == .arrayGetItem)
        guard case .call(let split) = call.arguments[0], case .call(let add) = call.arguments[1] else {
            Issue.record("expected nested calls")
            return
        }
        #expect(split.name == "States.StringSplit")
        #expect(split.nameOffset == 20)
        #expect(add.function == .mathAdd)
        #expect(add.arguments[1] == .number(JSONNumber(-1)))
        #expect(call.text == text)
    }

    @Test func resolvesEscapes() throws {
        let call = try IntrinsicParser.parse(#"States.Format('it\'s \{\} and \\ and {}', $.x)"#)
        #expect(call.arguments[0] == .string(#"it's {} and \ and {}"#))
        #expect(call.argumentTexts[0] == #"'it\'s \{\} and \\ and {}'"#)
    }

    @Test func allowsWhitespaceBetweenArguments() throws {
        let call = try IntrinsicParser.parse("States.MathAdd( $.a ,\t2 )")
        #expect(call.arguments.count == 2)
        #expect(call.argumentOffsets == [16, 22])
    }

    @Test func parsesCallsWithoutArguments() throws {
        #expect(try IntrinsicParser.parse("States.UUID()").arguments.isEmpty)
        #expect(try IntrinsicParser.parse("States.Array( )").arguments.isEmpty)
    }

    @Test(arguments: [
        ("States.Format", 13, "expected '(' after the function name 'States.Format' but found end of text at offset 13"),
        ("States.Array(", 12, "unclosed '(' of 'States.Array' at offset 12"),
        ("States.Array(1", 12, "unclosed '(' of 'States.Array' at offset 12"),
        ("States.Array(1 2)", 15, "expected ',' or ')' in the arguments of 'States.Array' but found '2' at offset 15"),
        ("States.Array(1,)", 15, "expected an argument but found ')' at offset 15"),
        ("States.Array(,1)", 13, "expected an argument but found ',' at offset 13"),
        ("States.Array('abc)", 13, "unterminated string literal at offset 13"),
        ("States.Array(\"a\")", 13, "expected a string, number, path or intrinsic function but found '\"' at offset 13"),
        ("States.Array(1.)", 13, "invalid number '1.' at offset 13"),
        ("States.Array($.)", 15, "expected a member name after '.' at offset 15"),
        ("States.Array($.a[)", 16, "unclosed '[' at offset 16"),
        ("States.Array() x", 15, "unexpected 'x' after the closing ')' of 'States.Array' at offset 15"),
        ("(1)", 0, "expected an intrinsic function name such as 'States.Format' but found '(' at offset 0"),
    ])
    func rejects(_ text: String, offset: Int, message: String) {
        #expect(throws: IntrinsicSyntaxError(message: message, offset: offset)) {
            try IntrinsicParser.parse(text)
        }
    }

    @Test func escapeRoundTrips() throws {
        let value = #"a'b{c}d\e"#
        let call = try IntrinsicParser.parse("States.Array('\(IntrinsicParser.escape(value))')")
        #expect(call.arguments == [.string(value)])
    }

    @Test func listsEveryPathWithItsOffset() throws {
        let call = try IntrinsicParser.parse("States.Format('{}{}', $.a, States.Array($$.Execution.Id))")
        #expect(call.paths.map(\.path.text) == ["$.a", "$$.Execution.Id"])
        #expect(call.paths.map(\.offset) == [22, 40])
    }
}
