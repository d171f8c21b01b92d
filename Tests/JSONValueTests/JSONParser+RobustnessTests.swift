import JSONValue
import Testing

/// Damaged input must fail with a positioned error, never crash: every truncation of a
/// document, and thousands of seeded random byte edits (including invalid UTF-8).
@Suite struct JSONParserRobustnessTests {
    static let sample = Array(
        #"""
        {"Comment": "héllo \"w\" 😀\n", "StartAt": "A", "States": {"A": {"Type": "Pass",
         "Result": [1, -2.5e3, 0, true, false, null, {}, [], "\ud83d\ude00"], "End": true}},
         "n": 12345678901234567890, "x": -0.0}
        """#.utf8)

    /// A small deterministic generator (SplitMix64), so failures reproduce.
    struct SeededGenerator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    @Test func everyTruncationFailsWithAPosition() {
        for length in 0..<Self.sample.count {
            let prefix = Array(Self.sample[0..<length])
            do {
                _ = try JSONParser.parseDocument(utf8: prefix, file: "t.json")
                Issue.record("a truncated document parsed: \(length) bytes")
            } catch {
                #expect(error.offset <= length)
                #expect(error.location.line >= 1 && error.location.column >= 1)
            }
        }
    }

    @Test func randomEditsNeverCrash() throws {
        var random = SeededGenerator(state: 2026)
        let interesting: [UInt8] = Array(#"{}[]",:\ -+.eE0123456789tfnu"#.utf8) + [0x00, 0x0A, 0x80, 0xC3, 0xED, 0xF4, 0xFF]
        var parsed = 0
        for _ in 0..<3000 {
            var bytes = Self.sample
            for _ in 0..<Int.random(in: 1...3, using: &random) {
                let position = Int.random(in: 0..<bytes.count, using: &random)
                let byte = Bool.random(using: &random)
                    ? interesting.randomElement(using: &random)! : UInt8.random(in: 0...255, using: &random)
                switch Int.random(in: 0..<3, using: &random) {
                case 0: bytes[position] = byte
                case 1: bytes.insert(byte, at: position)
                default: bytes.remove(at: position)
                }
            }
            do {
                let value = try JSON.parse(utf8: bytes)
                let document = try JSONParser.parseDocument(utf8: bytes, file: "t.json")
                #expect(document.value == value)
                #expect(try JSON.parse(value.serialized()) == value)
                #expect(try JSON.parse(value.serialized(.canonicalPretty)) == value)
                parsed += 1
            } catch {
                #expect(error.offset >= 0 && error.offset <= bytes.count)
                #expect(error.diagnostic.id.domain == "json")
            }
        }
        // Some edits (inside strings, digits) keep the document valid: both paths ran.
        #expect(parsed > 0)
    }
}
