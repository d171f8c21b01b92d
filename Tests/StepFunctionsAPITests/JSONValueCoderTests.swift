import JSONValue
import StepFunctionsAPI
import Testing

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// `JSONValueEncoder`/`JSONValueDecoder`, the `Codable` coders under `APICoding`: what they
/// write, what they read, and the AWS error each decoding failure becomes.
@Suite struct JSONValueCoderTests {
    enum Kind: String, APIEnumeration { case standard = "STANDARD", express = "EXPRESS" }

    struct Item: Codable, Equatable {
        var name: String
        var count: Int
        var weight: Double?
    }

    struct Sample: Codable, Equatable {
        var id: Int64
        var label: String
        var enabled: Bool
        var kind: Kind
        var ratio: Double
        var note: String?
        var items: [Item]
        var tags: [String: String]?
        var created: Timestamp
    }

    let sample = Sample(
        id: 9_007_199_254_740_993, label: "a/b \"q\" é 😀\n", enabled: true, kind: .express, ratio: 0.1,
        note: nil, items: [Item(name: "x", count: 2, weight: 1.5)], tags: nil,
        created: Timestamp(millisecondsSince1970: 1_732_780_800_120))

    @Test func writesMembersInOrderWithoutNilOptionals() throws {
        let text = String(decoding: try APICoding.encode(sample), as: UTF8.self)
        #expect(
            text
                == #"{"id":9007199254740993,"label":"a/b \"q\" é 😀\n","enabled":true,"kind":"EXPRESS","ratio":0.1,"items":[{"name":"x","count":2,"weight":1.5}],"created":1732780800.12}"#
        )
    }

    @Test func roundTripsExactly() throws {
        var full = sample
        full.note = "n"
        full.tags = ["k": "v"]
        full.items.append(Item(name: "", count: -1, weight: nil))
        #expect(try APICoding.decode(Sample.self, from: APICoding.encode(full)) == full)
    }

    /// The bytes Foundation's `JSONEncoder` wrote before, compared as JSON (its key order differs).
    @Test func writesWhatFoundationWrote() throws {
        let foundation = JSONEncoder()
        foundation.outputFormatting = [.withoutEscapingSlashes]
        let error = StepFunctionsError(.invalidArn, "Invalid Arn: 'arn:aws:states:x'", reason: "r")
        #expect(try JSON.parse(utf8: APICoding.encode(sample)) == JSON.parse(utf8: Array(foundation.encode(sample))))
        #expect(try JSON.parse(utf8: APICoding.encode(error)) == JSON.parse(utf8: Array(foundation.encode(error))))
    }

    @Test func readsEscapesAndLargeIntegers() throws {
        let body = #"{"id":9223372036854775807,"label":"\u00e9\ud83d\ude00\/","enabled":false,"kind":"STANDARD","ratio":1e-7,"items":[],"created":1732780800}"#
        let decoded = try APICoding.decode(Sample.self, from: Array(body.utf8))
        #expect(decoded.id == Int64.max)
        #expect(decoded.label == "é😀/")
        #expect(decoded.ratio == 1e-7)
        #expect(decoded.created == Timestamp(millisecondsSince1970: 1_732_780_800_000))
    }

    @Test func integersBeyondSixtyFourBitsStayExact() throws {
        struct Wide: Codable, Equatable { var big: UInt64; var whole: Int }
        let wide = Wide(big: .max, whole: 3)
        #expect(String(decoding: try APICoding.encode(wide), as: UTF8.self) == #"{"big":18446744073709551615,"whole":3}"#)
        #expect(try APICoding.decode(Wide.self, from: APICoding.encode(wide)) == wide)
        #expect(try APICoding.decode(Wide.self, from: Array(#"{"big":1,"whole":2.0}"#.utf8)).whole == 2)
    }

    @Test func refusesNonFiniteNumbers() {
        #expect(throws: EncodingError.self) { try APICoding.encode(Item(name: "x", count: 1, weight: .nan)) }
    }

    /// Each decoding failure as a server answers it: AWS's code, wording and member path
    /// (list positions 1-based).
    @Test(arguments: [
        (#"{"items":[{"name":"a","count":1},{"count":2}]}"#, "ValidationException",
         "1 validation error detected: Value null at 'items.2.name' failed to satisfy constraint: Member must not be null"),
        (#"{"items":[{"name":"a","count":null}]}"#, "ValidationException",
         "1 validation error detected: Value null at 'items.1.count' failed to satisfy constraint: Member must not be null"),
        (#"{"items":[{"name":"a","count":"2"}]}"#, "SerializationException",
         "Value at 'items.1.count' cannot be converted to a number"),
        (#"{"items":{"name":"a"}}"#, "SerializationException", "Value at 'items' cannot be converted to a list"),
        (#"{"items":[5]}"#, "SerializationException", "Value at 'items.1' cannot be converted to an object"),
        (#"{"items":[{"name":true,"count":1}]}"#, "SerializationException",
         "Value at 'items.1.name' cannot be converted to a string"),
        (#"{"items":[{"name":"a","count":1,"weight":"heavy"}]}"#, "SerializationException",
         "Value at 'items.1.weight' cannot be converted to a number"),
        (#"{"items":[{"name":"a","count":1.5}]}"#, "SerializationException",
         "Value at 'items.1.count' is not valid: Number 1.5 does not fit in Int"),
        (#"{"items":[],"kind":"SLOW"}"#, "ValidationException",
         "1 validation error detected: Value 'SLOW' at 'kind' failed to satisfy constraint: Member must satisfy enum value set: [STANDARD, EXPRESS]"),
    ])
    func reportsFailuresWithTheirPath(body: String, code: String, message: String) {
        struct Request: Codable { var items: [Item]; var kind: Kind? }
        #expect {
            _ = try APICoding.decodeRequest(Request.self, from: Array(body.utf8))
        } throws: { error in
            guard let error = error as? StepFunctionsError else { return false }
            return error.code.rawValue == code && error.message == message
        }
    }

    /// Members read without a decoder of their own (strings, integers) still fail with their
    /// full path when they are not what the type wants, at any depth.
    @Test(arguments: [
        (#"{"inner":{"counts":[1,2.5],"names":["a"]}}"#, "Value at 'inner.counts.2' is not valid: Number 2.5 does not fit in Int"),
        (#"{"inner":{"counts":[1],"names":["a",7]}}"#, "Value at 'inner.names.2' cannot be converted to a string"),
        (#"{"inner":{"counts":[1],"names":["a"],"label":{}}}"#, "Value at 'inner.label' cannot be converted to a string"),
    ])
    func nestedPrimitiveFailuresKeepTheirPath(body: String, message: String) {
        struct Inner: Codable { var counts: [Int]; var names: [String]; var label: String? }
        struct Outer: Codable { var inner: Inner }
        #expect {
            _ = try APICoding.decodeRequest(Outer.self, from: Array(body.utf8))
        } throws: { error in
            (error as? StepFunctionsError)?.message == message
        }
    }

    @Test func missingOptionalsAndNullsReadAsNil() throws {
        let item = try APICoding.decode(Item.self, from: Array(#"{"name":"a","count":1,"weight":null}"#.utf8))
        #expect(item == Item(name: "a", count: 1, weight: nil))
    }

    @Test func decodesFromAJSONValueDirectly() throws {
        let json: JSON = ["name": "a", "count": 4, "weight": 0.25]
        #expect(try JSONValueDecoder().decode(Item.self, from: json) == Item(name: "a", count: 4, weight: 0.25))
        #expect(try JSONValueEncoder().encode(Item(name: "a", count: 4, weight: 0.25)) == json)
    }
}
