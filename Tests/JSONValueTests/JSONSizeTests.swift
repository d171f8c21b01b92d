import JSONValue
import Testing

/// `compactSize` and `exceedsCompactSize` count exactly the bytes `serialized(.compact)`
/// writes: the engine's 256 KiB payload rule depends on it.
@Suite struct JSONSizeTests {
    static let samples: [JSON] = [
        nil, true, false, 0, -7, 1234567890, -9_223_372_036_854_775_808, 2.5, "", "plain", "é and 𝄞",
        "quote \" backslash \\ slash /", "tab\t newline\n return\r bell\u{07} nul\u{00} unit\u{1F} formfeed\u{0C} backspace\u{08}",
        [], [:], [1, "two", [3], ["four": 4]],
        ["name": "Flow \"1\"", "steps": [1, 2.50, [], [:], ["b": nil, "a": false]], "empty": "", "ключ\n": "значение"],
    ]

    @Test(arguments: samples) func sizeIsTheSerializationsByteCount(_ value: JSON) {
        let bytes = value.serialized(.compact).utf8.count
        #expect(value.compactSize == bytes)
        #expect(!value.exceedsCompactSize(bytes))
        #expect(value.exceedsCompactSize(bytes - 1))
    }

    @Test func parsedNumberLiteralsCountAsWritten() throws {
        let value = try JSON.parse(#"[1.50,1E2,-0,12345678901234567890,1e400,0.1]"#)
        #expect(value.compactSize == value.serialized().utf8.count)
    }

    @Test func largeObjectsCountEveryMember() {
        let members = (0..<40).map { ("key \($0) \"quoted\"", JSON.string(String(repeating: "x\n", count: $0))) }
        let value = JSON.object(JSONObject(members))
        let bytes = value.serialized().utf8.count
        #expect(value.compactSize == bytes)
        #expect(value.exceedsCompactSize(bytes - 1))
        #expect(!value.exceedsCompactSize(bytes))
    }

    @Test func distinctKeysObjectEqualsTheOneBuiltMemberByMember() {
        let keys = (0..<20).map { "k\($0)" }
        let values = (0..<20).map { JSON.number(JSONNumber($0)) }
        let built = JSONObject(distinctKeys: keys, values: values)
        #expect(built == JSONObject(zip(keys, values).map { ($0, $1) }))
        #expect(built["k17"] == 17)
        #expect(built.keys == keys)
    }
}
