import Diagnostics
import JSONValue
import Testing
import TestSupport

@Suite struct JSONParserTests {
    // MARK: Values

    @Test func parsesEveryKindOfValue() throws {
        let value = try JSON.parse(#" { "a": [1, -2.5, "x", true, false, null, {}, []], "b": {"c": "d"} } "#)
        #expect(value == ["a": [1, -2.5, "x", true, false, nil, [:], []], "b": ["c": "d"]])
        #expect(value.objectValue?.keys == ["a", "b"])
    }

    @Test func keepsKeyOrder() throws {
        let value = try JSON.parse(#"{"z": 1, "a": 2, "m": 3}"#)
        #expect(value.objectValue?.keys == ["z", "a", "m"])
    }

    @Test func scalarsAtTheTop() throws {
        #expect(try JSON.parse("42") == 42)
        #expect(try JSON.parse(" \"s\" ") == "s")
        #expect(try JSON.parse("null") == nil)
        #expect(try JSON.parse("\n\ttrue\r\n") == true)
    }

    @Test(arguments: [
        ("9223372036854775807", "9223372036854775807", true),
        ("-9223372036854775808", "-9223372036854775808", true),
        ("12345678901234567890", "12345678901234567890", true),
        ("-12345678901234567890", "-12345678901234567890", true),
        ("0.1", "0.1", false),
        ("1e400", "1e400", false),
        ("-0", "-0", true),
        ("1.50", "1.50", false),
        ("2E+10", "2E+10", false),
        ("0", "0", true),
    ])
    func numbersKeepTheirLiteral(text: String, literal: String, isInteger: Bool) throws {
        let number = try #require(try JSON.parse(text).numberValue)
        #expect(number.literal == literal)
        #expect(number.isIntegerLiteral == isInteger)
    }

    @Test func int64BoundsAreExact() throws {
        #expect(try JSON.parse("9223372036854775807").numberValue?.int64Value == Int64.max)
        #expect(try JSON.parse("-9223372036854775808").numberValue?.int64Value == Int64.min)
        #expect(try JSON.parse("9223372036854775808").numberValue?.int64Value == nil)
    }

    @Test func unicodeEscapes() throws {
        #expect(try JSON.parse(#""\u0041\u00e9\u4e2d""#) == "Aé中")
        #expect(try JSON.parse(#""\ud83d\ude00""#) == "😀")
        #expect(try JSON.parse(#""\uD83D\uDE00 ok""#) == "😀 ok")
        #expect(try JSON.parse(#""\"\\\/\b\f\n\r\t""#) == "\"\\/\u{8}\u{C}\n\r\t")
        #expect(try JSON.parse(#""\u0000""#) == "\u{0}")
    }

    @Test func rawUnicodeIsKept() throws {
        #expect(try JSON.parse("\"héllo 中文 😀\"") == "héllo 中文 😀")
        #expect(try JSON.parse("{\"clé\": \"\\n😀\"}") == ["clé": "\n😀"])
    }

    @Test func skipsAByteOrderMark() throws {
        #expect(try JSON.parse(utf8: [0xEF, 0xBB, 0xBF] + Array("[1]".utf8)) == [1])
    }

    @Test func acceptsNestingUpToTheLimit() throws {
        let depth = JSONParser.maxDepth
        let text = String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
        var value = try JSON.parse(text)
        var levels = 0
        while case .array(let elements) = value {
            levels += 1
            guard let first = elements.first else { break }
            value = first
        }
        #expect(levels == depth)
    }

    // MARK: Rejections, each with its exact position

    @Test(arguments: [
        ("", "json.empty-document", "empty document"),
        ("  \n ", "json.empty-document", "empty document"),
        ("{\"a\": 1 1️⃣\"b\": 2}", "json.syntax", "expected ',' or '}' after object member, found a string"),
        ("{\"a\" 1️⃣1}", "json.syntax", "expected ':' after key \"a\", found \"1\""),
        ("{1️⃣a: 1}", "json.syntax", "expected a string key or '}', found \"a\""),
        ("[1 1️⃣2]", "json.syntax", "expected ',' or ']' after array element, found \"2\""),
        ("[1, 2,1️⃣]", "json.syntax", "expected a value after ',', found ']' (JSON does not allow trailing commas)"),
        ("{\"a\": 1,\n 1️⃣}", "json.syntax", "expected a value after ',', found '}' (JSON does not allow trailing commas)"),
        ("[1️⃣NaN]", "json.invalid-number", "\"NaN\" is not a JSON value (JSON numbers must be finite)"),
        ("1️⃣-Infinity", "json.invalid-number", "\"-Infinity\" is not a JSON value (JSON numbers must be finite)"),
        ("[1️⃣True]", "json.syntax", "expected a value, found \"True\"; did you mean \"true\"?"),
        ("[1️⃣undefined]", "json.syntax", "expected a value, found \"undefined\""),
        ("[1️⃣'a']", "json.syntax", "expected a value, found \"'\"; JSON strings use double quotes"),
        ("{\n  1️⃣// note\n  \"a\": 1\n}", "json.syntax", "comments are not allowed in JSON"),
        ("[1] 1️⃣/* c */", "json.syntax", "comments are not allowed in JSON"),
        ("{\"a\": 1} 1️⃣x", "json.trailing-content", "unexpected \"x\" after the end of the JSON document"),
        ("[1]1️⃣]", "json.trailing-content", "unexpected \"]\" after the end of the JSON document"),
        ("1️⃣01", "json.invalid-number", "leading zeros are not allowed in numbers: \"01\""),
        ("[1️⃣-007]", "json.invalid-number", "leading zeros are not allowed in numbers: \"-007\""),
        ("[1.1️⃣]", "json.invalid-number", "expected a digit after '.' in number, found \"]\""),
        ("[1e1️⃣]", "json.invalid-number", "expected a digit in the exponent of number, found \"]\""),
        ("[-1️⃣x]", "json.invalid-number", "expected a digit after '-' in number, found \"x\""),
        ("[1️⃣.5]", "json.syntax", "expected a value, found \".5\""),
        ("[\"a1️⃣\tb\"]", "json.control-character", "unescaped tab in string; write it as \"\\t\""),
        ("\"line1️⃣\nline\"", "json.control-character", "unescaped line break in string; write it as \"\\n\""),
        ("[\"a1️⃣\u{1}\"]", "json.control-character", "unescaped control character U+0001 in string; write it as \"\\u0001\""),
        ("[\"a1️⃣\\x\"]", "json.invalid-escape", "invalid escape \"\\x\" in string (valid escapes: \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX)"),
        ("\"1️⃣\\u12G4\"", "json.invalid-escape", "invalid \\u escape: expected 4 hex digits, found \"G4\""),
        ("\"é1️⃣\\ud800\"", "json.invalid-escape", "unpaired surrogate \"\\ud800\" in string (a \\ud800-\\udbff escape must be followed by a \\udc00-\\udfff escape)"),
        ("\"1️⃣\\ud800\\u0041\"", "json.invalid-escape", "unpaired surrogate \"\\ud800\" in string (a \\ud800-\\udbff escape must be followed by a \\udc00-\\udfff escape)"),
        ("\"x1️⃣\\udc00\"", "json.invalid-escape", "unpaired surrogate \"\\udc00\" in string (a \\ud800-\\udbff escape must be followed by a \\udc00-\\udfff escape)"),
        ("{\"a\": \"b\"1️⃣", "json.unclosed", "unclosed '{' opened at 1:1; expected '}'"),
        ("[\"é\", 1️⃣", "json.unclosed", "unclosed '[' opened at 1:1; expected ']'"),
        ("\"abc1️⃣", "json.unclosed", "unclosed string opened at 1:1"),
        ("1️⃣}", "json.syntax", "expected a value, found \"}\""),
    ])
    func rejects(marked: String, id: String, message: String) throws {
        let source = MarkedText(marked, file: "<input>")
        let error = try #require(throws: JSONParseError.self) { try JSON.parse(source.text) }
        #expect(error.diagnostic.id.description == id)
        #expect(error.message == message)
        #expect(error.diagnostic.message == message)
        let expected = source.markers["1️⃣"] ?? SourceLocation(file: "<input>", line: 1, column: 1)
        #expect(error.location == expected)
        #expect(error.diagnostic.location == expected)
    }

    @Test func duplicateKeyPointsAtBothDefinitions() throws {
        let source = MarkedText(
            """
            {
              "States": {
                "A": {
                  2️⃣"Next": "B",
                  "Type": "Pass",
                  1️⃣"Next": "C"
                }
              }
            }
            """, file: "flow.json")
        let error = try #require(throws: JSONParseError.self) {
            try JSONParser.parseDocument(source.text, file: "flow.json")
        }
        #expect(error.diagnostic.id == DiagnosticID("json", "duplicate-key"))
        #expect(error.message == "duplicate key \"Next\" (first defined at 4:7)")
        #expect(error.location == source["1️⃣"])
        #expect(error.diagnostic.notes == [Diagnostic.Note("\"Next\" is first defined here", at: source["2️⃣"])])
    }

    @Test func unclosedBracketNotesTheOpener() throws {
        let source = MarkedText("{\n  \"a\": 2️⃣[1, 2,\n  \"b\": 3\n1️⃣", file: "<input>")
        let error = try #require(throws: JSONParseError.self) { try JSON.parse(source.text) }
        #expect(error.message == "expected ',' or ']' after array element, found \":\"")
        let unclosed = try #require(throws: JSONParseError.self) { try JSON.parse("{\n  \"a\": [1, 2\n") }
        #expect(unclosed.message == "unclosed '[' opened at 2:8; expected ']'")
        #expect(unclosed.location == SourceLocation(file: "<input>", line: 3, column: 1))
        #expect(unclosed.diagnostic.notes == [Diagnostic.Note("'[' opened here", at: source["2️⃣"])])
    }

    @Test func mismatchedCloserNotesTheOpener() throws {
        let source = MarkedText("[\n  2️⃣{\"a\": 1 1️⃣]\n]", file: "<input>")
        let error = try #require(throws: JSONParseError.self) { try JSON.parse(source.text) }
        #expect(error.message == "expected ',' or '}' after object member, found \"]\"")
        #expect(error.location == source["1️⃣"])
        #expect(error.diagnostic.notes == [Diagnostic.Note("'{' opened here", at: source["2️⃣"])])
    }

    @Test func rejectsNestingPastTheLimit() throws {
        let depth = JSONParser.maxDepth + 1
        let text = String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
        let error = try #require(throws: JSONParseError.self) { try JSON.parse(text) }
        #expect(error.diagnostic.id == DiagnosticID("json", "too-deep"))
        #expect(error.location.column == depth)
        // Far deeper input fails the same way instead of overflowing the stack.
        let hostile = String(repeating: "{\"a\":", count: 100_000)
        #expect(throws: JSONParseError.self) { try JSON.parse(hostile) }
    }

    @Test(arguments: [
        ([0x22, 0xFF, 0x22], 2, "invalid UTF-8 byte 0xff; JSON text must be UTF-8"),
        ([0x22, 0x61, 0xC3, 0x22], 3, "invalid UTF-8 byte 0xc3; JSON text must be UTF-8"),
        ([0x22, 0xC0, 0xAF, 0x22], 2, "invalid UTF-8 byte 0xc0; JSON text must be UTF-8"),  // overlong '/'
        ([0x22, 0xED, 0xA0, 0x80, 0x22], 2, "invalid UTF-8 byte 0xed; JSON text must be UTF-8"),  // encoded surrogate
        ([0x22, 0xF4, 0x90, 0x80, 0x80, 0x22], 2, "invalid UTF-8 byte 0xf4; JSON text must be UTF-8"),  // past U+10FFFF
        ([0x5B, 0x31, 0x2C, 0x80, 0x5D], 4, "invalid UTF-8 byte 0x80; JSON text must be UTF-8"),
        ([0x31, 0x20, 0xFE], 3, "invalid UTF-8 byte 0xfe; JSON text must be UTF-8"),
    ] as [([UInt8], Int, String)])
    func rejectsInvalidUTF8(bytes: [UInt8], column: Int, message: String) throws {
        let error = try #require(throws: JSONParseError.self) { try JSON.parse(utf8: bytes) }
        #expect(error.diagnostic.id == DiagnosticID("json", "invalid-utf8"))
        #expect(error.message == message)
        #expect(error.location == SourceLocation(file: "<input>", line: 1, column: column))
        #expect(error.offset == column - 1)
    }

    @Test func columnsCountUnicodeScalarsAndSkipTheBOM() throws {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("{\"é😀\": 1 x}".utf8)
        let error = try #require(throws: JSONParseError.self) { try JSON.parse(utf8: bytes) }
        #expect(error.location == SourceLocation(file: "<input>", line: 1, column: 10))
        #expect(error.offset == 3 + 13)
    }

    @Test func documentErrorsNameTheFile() throws {
        let error = try #require(throws: JSONParseError.self) {
            try JSONParser.parseDocument(utf8: Array("\n [".utf8), file: "workflows/a.json")
        }
        #expect(error.location == SourceLocation(file: "workflows/a.json", line: 2, column: 3))
        #expect(error.diagnostic.location == error.location)
    }
}

extension JSONParserTests {
    /// Past 16 members duplicate checks go through a key index; positions must stay right.
    @Test func largeObjectsKeepOrderAndCatchDuplicates() throws {
        let members = (0..<40).map { "\"k\($0)\": \($0)" }
        let value = try JSON.parse("{" + members.joined(separator: ", ") + "}")
        let object = try #require(value.objectValue)
        #expect(object.keys == (0..<40).map { "k\($0)" })
        #expect(object["k33"] == 33)
        #expect(object.position(of: "k20") == 20)

        let text = "{\n" + members.joined(separator: ",\n") + ",\n\"k25\": 0}"
        let error = try #require(throws: JSONParseError.self) { try JSON.parse(text) }
        #expect(error.message == "duplicate key \"k25\" (first defined at 27:1)")
        #expect(error.location == SourceLocation(file: "<input>", line: 42, column: 1))
    }

    @Test func nestedContainersCloseIntoTheRightParents() throws {
        let value = try JSON.parse(#"[[1, [2, {"a": [3, {}], "b": {"c": [[], 4]}}]], 5, {"d": 6}]"#)
        #expect(value == [[1, [2, ["a": [3, [:]], "b": ["c": [[], 4]]]]], 5, ["d": 6]])
    }
}

extension JSONParserTests {
    @Test func bufferEntryPointNamesTheFile() throws {
        let bytes = Array("{\"a\": [true]}".utf8)
        let value = try bytes.withUnsafeBufferPointer { buffer in try JSONParser.parse(buffer, file: "x.json") }
        #expect(value == ["a": [true]])
        let error = try #require(throws: JSONParseError.self) {
            try Array("[x]".utf8).withUnsafeBufferPointer { buffer in try JSONParser.parse(buffer, file: "x.json") }
        }
        #expect(error.location == SourceLocation(file: "x.json", line: 1, column: 2))
    }

    @Test func aLoneByteOrderMarkIsAnEmptyDocument() throws {
        let error = try #require(throws: JSONParseError.self) { try JSON.parse(utf8: [0xEF, 0xBB, 0xBF]) }
        #expect(error.diagnostic.id.description == "json.empty-document")
        #expect(error.location == SourceLocation(file: "<input>", line: 1, column: 1))
        #expect(error.offset == 3)
    }
}
