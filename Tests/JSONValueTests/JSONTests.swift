import JSONValue
import Testing

@Suite struct JSONTests {
    @Test func semanticEquality() throws {
        #expect(try JSON.parse("1") == JSON.parse("1.0"))
        #expect(try JSON.parse(#"{"a": 1, "b": [2]}"#) == JSON.parse(#"{"b": [2.0], "a": 1e0}"#))
        #expect(try JSON.parse("true") != JSON.parse("1"))
        #expect(try JSON.parse("false") != JSON.parse("0"))
        #expect(try JSON.parse("null") != JSON.parse("0"))
        #expect(try JSON.parse(#""1""#) != JSON.parse("1"))
        #expect(try JSON.parse("[1, 2]") != JSON.parse("[2, 1]"))
        #expect(try JSON.parse(#"{"a": 1}"#) != JSON.parse(#"{"a": 1, "b": 2}"#))
        #expect(try JSON.parse(#"{"a": 1, "b": 2}"#) != JSON.parse(#"{"a": 1, "c": 2}"#))
    }

    @Test func equalValuesHashAlike() throws {
        let a = try JSON.parse(#"{"x": [1.0, {"k": -0}], "y": "s"}"#)
        let b = try JSON.parse(#"{"y": "s", "x": [1, {"k": 0}]}"#)
        #expect(a == b)
        #expect(a.hashValue == b.hashValue)
        #expect(Set([a, b]).count == 1)
        #expect(a.canonicalSHA256 == b.canonicalSHA256)
    }

    @Test func accessors() {
        let value: JSON = ["s": "x", "n": 2, "b": true, "a": [1], "o": [:], "z": nil]
        #expect(value["s"]?.stringValue == "x")
        #expect(value["n"]?.numberValue == JSONNumber(2))
        #expect(value["b"]?.boolValue == true)
        #expect(value["a"]?[0] == 1)
        #expect(value["a"]?[1] == nil)
        #expect(value["o"]?.objectValue?.isEmpty == true)
        #expect(value["z"]?.isNull == true)
        #expect(value["missing"] == nil)
        #expect(value["a"]?.typeName == "array")
        #expect(value["b"]?.typeName == "boolean")
    }
}
