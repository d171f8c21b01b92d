import Diagnostics
import JSONValue
import Testing
import YAML

/// Core tags coerce or check; `!` means string; any other tag is refused by name.
@Suite struct TagTests {
    @Test func coreTagsCoerce() throws {
        let value = try YAMLParser.parse("""
            a: !!str 123
            b: !!int "42"
            c: !!float 1
            d: !!bool "true"
            e: !!null ""
            f: !!str true
            g: !<tag:yaml.org,2002:int> 0x10
            h: ! 12
            i: !!float 0.5
            j: !!map {k: v}
            l: !!seq [1]
            m: !!str
            """)
        #expect(value == ["a": "123", "b": 42, "c": 1, "d": true, "e": nil, "f": "true", "g": 16, "h": "12",
                          "i": 0.5, "j": ["k": "v"], "l": [1], "m": ""])
        #expect(value["a"]?.typeName == "string")
        #expect(value["h"]?.typeName == "string")
    }

    @Test func tagThatContradictsTheValue() {
        _ = expectYAMLError("a: 1️⃣!!int abc\n", .yamlInvalidValue, messageContains: "'abc' is not an integer")
        _ = expectYAMLError("a: 1️⃣!!bool yes\n", .yamlInvalidValue, messageContains: "'yes' is not a boolean")
        _ = expectYAMLError("a: 1️⃣!!null x\n", .yamlInvalidValue, messageContains: "'x' is not null")
        _ = expectYAMLError("a: 1️⃣!!float .inf\n", .yamlInvalidValue, messageContains: "JSON has no infinity")
        _ = expectYAMLError("a: 1️⃣!!map x\n", .yamlInvalidValue, messageContains: "for a collection")
        _ = expectYAMLError("a: 1️⃣!!seq {b: 1}\n", .yamlInvalidValue, messageContains: "does not fit a mapping")
    }

    @Test func unknownTagsAreRefusedByName() {
        _ = expectYAMLError("Resource: 1️⃣!Ref MyFunction\n", .yamlUnknownTag, messageContains: "unknown tag '!Ref'")
        _ = expectYAMLError("a:\n  b: 1️⃣!Sub\n    - x\n", .yamlUnknownTag, messageContains: "'!Sub'")
        _ = expectYAMLError("a: 1️⃣!!binary aGVsbG8=\n", .yamlUnknownTag, messageContains: "'!!binary'")
        _ = expectYAMLError("1️⃣!GetAtt {a: 1}\n", .yamlUnknownTag, messageContains: "'!GetAtt'")
        _ = expectYAMLError("1️⃣!Key k: v\n", .yamlUnknownTag, messageContains: "'!Key'")
    }

    @Test func nonFiniteFloatsAreNotJSON() {
        for text in [".inf", "-.inf", "+.INF", ".nan", ".NaN"] {
            _ = expectYAMLError("x: 1\nv: 1️⃣\(text)\n", .yamlInvalidValue, messageContains: "JSON has no infinity or NaN")
        }
    }

    @Test func nonFiniteLookalikesAreStrings() throws {
        #expect(try YAMLParser.parse("a: .infinity\nb: inf\nc: nan\nd: -.nan\n") ==
                ["a": ".infinity", "b": "inf", "c": "nan", "d": "-.nan"])
    }
}
