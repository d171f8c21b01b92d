import JSONValue
import Testing

@Suite struct JSONSerializerTests {
    let sample: JSON = [
        "name": "Flow \"1\"",
        "steps": [1, 2.50, [], [:], ["b": nil, "a": false]],
        "empty": "",
    ]

    @Test func compactKeepsOrderAndLiterals() {
        #expect(sample.serialized() == #"{"name":"Flow \"1\"","steps":[1,2.5,[],{},{"b":null,"a":false}],"empty":""}"#)
        #expect(sample.serialized(.compact) == sample.description)
    }

    @Test func compactKeepsNumberLiteralsAsWritten() throws {
        let text = #"[1.50,1E2,-0,12345678901234567890,1e400,0.1]"#
        #expect(try JSON.parse(text).serialized() == text)
    }

    @Test func pretty() {
        #expect(
            sample.serialized(.pretty) == """
                {
                  "name": "Flow \\"1\\"",
                  "steps": [
                    1,
                    2.5,
                    [],
                    {},
                    {
                      "b": null,
                      "a": false
                    }
                  ],
                  "empty": ""
                }
                """)
        #expect(JSON.array([]).serialized(.pretty) == "[]")
        #expect(JSON.string("x").serialized(.pretty) == "\"x\"")
    }

    @Test func canonicalSortsKeysAndNormalizesNumbers() throws {
        let value = try JSON.parse(#"{"b": 1.0, "a": [1e2, 0.000001, 1e-7, 1E21, -0], "c": {"z": 1, "y": 2}}"#)
        #expect(value.serialized(.canonical) == #"{"a":[100,0.000001,1e-7,1e+21,0],"b":1,"c":{"y":2,"z":1}}"#)
    }

    @Test func canonicalPretty() throws {
        let value = try JSON.parse(#"{"b": 1.0, "a": [2.50], "c": {}}"#)
        #expect(
            value.serialized(.canonicalPretty) == """
                {
                  "a": [
                    2.5
                  ],
                  "b": 1,
                  "c": {}
                }
                """)
    }

    @Test func stringsAreEscapedMinimally() {
        let value = JSON.string("q\" b\\ /\u{8}\u{C}\n\r\t\u{0}\u{1F}\u{7F} é€😀")
        let expected = #""q\" b\\ /\b\f\n\r\t\u0000\u001f"# + "\u{7F} é€😀\""
        for style in JSONStyle.allCases { #expect(value.serialized(style) == expected) }
    }

    @Test func keysAreEscapedToo() {
        let value: JSON = ["a\"b\n": 1]
        #expect(value.serialized() == #"{"a\"b\n":1}"#)
    }

    /// RFC 8785, section 3.2.2.3.
    @Test func rfc8785SerializationExample() throws {
        let input = #"""
            {
              "numbers": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001],
              "string": "\u20ac$\u000F\u000aA'\u0042\u0022\u005c\\\"\/",
              "literals": [null, true, false]
            }
            """#
        let expected = #"{"literals":[null,true,false],"numbers":[333333333.3333333,1e+30,4.5,0.002,1e-27],"string":"€$\u000f\nA'B\"\\\\\"/"}"#
        #expect(try JSON.parse(input).serialized(.canonical) == expected)
    }

    /// RFC 8785, section 3.2.3: keys sorted by UTF-16 code units, so the emoji's surrogates
    /// sort before U+FB33 although its code point is larger.
    @Test func rfc8785SortingExample() throws {
        let input = #"""
            {
              "\u20ac": "Euro Sign",
              "\r": "Carriage Return",
              "\ufb33": "Hebrew Letter Dalet With Dagesh",
              "1": "One",
              "\ud83d\ude00": "Emoji: Grinning Face",
              "\u0080": "Control",
              "\u00f6": "Latin Small Letter O With Diaeresis"
            }
            """#
        let sorted = try #require(try JSON.parse(input).objectValue).sortedMembers.map(\.value)
        #expect(
            sorted == [
                "Carriage Return", "One", "Control", "Latin Small Letter O With Diaeresis", "Euro Sign",
                "Emoji: Grinning Face", "Hebrew Letter Dalet With Dagesh",
            ])
    }

    @Test func utf8VariantMatchesTheString() {
        for style in JSONStyle.allCases {
            #expect(sample.serializedUTF8(style) == Array(sample.serialized(style).utf8))
        }
    }

    @Test func roundTripsThroughEveryStyle() throws {
        let text = #"{"b":[1,2.50,-0,1e400,"\u00e9\n",-9223372036854775808],"a":{"x":null,"y":[true,false]},"":{}}"#
        let value = try JSON.parse(text)
        for style in JSONStyle.allCases {
            #expect(try JSON.parse(value.serialized(style)) == value)
        }
        #expect(value.serialized() == #"{"b":[1,2.50,-0,1e400,"é\n",-9223372036854775808],"a":{"x":null,"y":[true,false]},"":{}}"#)
    }

    @Test func canonicalSHA256() throws {
        // `printf '%s' '{"a":1,"b":[true,null]}' | sha256sum`
        let expected = "1cc69c7fa23616ca2ec3ee70d24390a6225c8832db8a4c814c7e0e7f942f8668"
        #expect(try JSON.parse(#"{ "b": [true, null], "a": 1.0 }"#).canonicalSHA256 == expected)
        #expect(JSON.object([:]).canonicalSHA256 == "44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a")
        #expect(JSON.object([:]).canonicalSHA256 != JSON.array([]).canonicalSHA256)
    }
}
