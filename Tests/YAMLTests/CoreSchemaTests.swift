import JSONValue
import Testing
import YAML

/// The YAML 1.2 core schema for plain scalars, and strings for everything quoted.
@Suite struct CoreSchemaTests {
    @Test(arguments: [
        ("~", JSON.null), ("null", .null), ("Null", .null), ("NULL", .null), ("", .null),
        ("true", .bool(true)), ("True", .bool(true)), ("TRUE", .bool(true)),
        ("false", .bool(false)), ("False", .bool(false)), ("FALSE", .bool(false)),
        // YAML 1.1 booleans and near misses stay strings.
        ("yes", "yes"), ("no", "no"), ("on", "on"), ("off", "off"), ("NO", "NO"), ("y", "y"), ("n", "n"),
        ("tRUE", "tRUE"), ("nULL", "nULL"), ("none", "none"),
        ("0o17", 15), ("0x1F", 31), ("0xff", 255), ("42", 42), ("-17", -17), ("+5", 5), ("007", 7), ("-0", 0),
        ("0o", "0o"), ("0x", "0x"), ("0o8", "0o8"), ("0xG", "0xG"), ("1_000", "1_000"), ("12:30", "12:30"),
        ("2024-01-01", "2024-01-01"), ("1.2.3", "1.2.3"), ("-x", "-x"), (".", "."), ("+", "+"), ("e3", "e3"),
    ])
    func plainScalar(text: String, expected: JSON) throws {
        let value = try YAMLParser.parse("v: \(text)\n")
        #expect(value["v"] == expected)
        // The type matters too: semantic equality would not tell 1 from "1".
        #expect(value["v"]?.typeName == expected.typeName)
    }

    @Test(arguments: [
        ("1e3", "1e3"), ("0.1", "0.1"), ("1.", "1"), (".5", "0.5"), ("-.5", "-0.5"), ("+1.5", "1.5"),
        ("007.50", "7.50"), ("1E-7", "1E-7"), ("2.5e+10", "2.5e+10"), ("-0.0", "-0.0"),
        ("123456789012345678901234567890", "123456789012345678901234567890"),
        ("9223372036854775807", "9223372036854775807"), ("-9223372036854775808", "-9223372036854775808"),
        ("0x1FFFFFFFFFFFFFFFF", "36893488147419103231"), ("0o7777777777777777777777", "73786976294838206463"),
        ("0x7FFFFFFFFFFFFFFF", "9223372036854775807"),
    ])
    func numbersKeepAnExactJSONLiteral(text: String, literal expected: String) throws {
        let value = try YAMLParser.parse("v: \(text)\n")
        #expect(literal(value, "v") == expected)
    }

    @Test(arguments: ["\"true\"", "'42'", "\"null\"", "'~'", "\"0x1F\"", "'.inf'", "\"\""])
    func quotedScalarsAreStrings(text: String) throws {
        let value = try YAMLParser.parse("v: \(text)\n")
        #expect(value["v"]?.stringValue != nil)
    }

    @Test func blockScalarsAreStrings() throws {
        let value = try YAMLParser.parse("a: |\n  true\nb: >-\n  12\n")
        #expect(value == ["a": "true\n", "b": "12"])
    }

    @Test func multiLinePlainScalarsFold() throws {
        #expect(try YAMLParser.parse("a: one\n  two\n") == ["a": "one two"])
    }

    @Test func keysAreTheirTextAsWritten() throws {
        let value = try YAMLParser.parse("1: a\nnull: b\ntrue: c\n~: d\n0x1F: e\n\"q\": f\n")
        #expect(value.objectValue?.keys == ["1", "null", "true", "~", "0x1F", "q"])
    }

    @Test func objectKeyOrderIsKept() throws {
        let value = try YAMLParser.parse("z: 1\na: 2\nm: 3\n")
        #expect(value.objectValue?.keys == ["z", "a", "m"])
    }

    @Test func flowAndBlockCollections() throws {
        let value = try YAMLParser.parse("a: [1, two, {b: null}]\nc:\n  - x\n  - - y\n")
        #expect(value == ["a": [1, "two", ["b": nil]], "c": ["x", ["y"]]])
    }

    @Test func emptyStreamsAreNull() throws {
        #expect(try YAMLParser.parse("") == .null)
        #expect(try YAMLParser.parse("# only a comment\n\n# another\n") == .null)
        #expect(try YAMLParser.parse("---\n") == .null)
        #expect(try YAMLParser.parseDocument(utf8: [], file: "e.yaml").value == .null)
    }

    @Test func documentMarkersAroundOneDocument() throws {
        #expect(try YAMLParser.parse("---\na: 1\n...\n") == ["a": 1])
        #expect(try YAMLParser.parse("%YAML 1.2\n---\na: 1\n") == ["a": 1])
    }

    @Test func unicodeAndByteOrderMark() throws {
        #expect(try YAMLParser.parse("\u{FEFF}name: Zoë 🚀\n") == ["name": "Zoë 🚀"])
        #expect(try YAMLParser.parse("a: \"\\u00e9\\t\"\n") == ["a": "é\t"])
    }
}
