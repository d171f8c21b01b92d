import JSONValue
import StepFunctionsAPI
import Testing

@Suite struct TimestampTests {
    struct Holder: Codable, Equatable {
        var creationDate: Timestamp
    }

    @Test(arguments: [
        ("1732780800.123", Int64(1_732_780_800_123)),
        ("1732780800", 1_732_780_800_000),
        ("1732780800.1", 1_732_780_800_100),
        ("1732780800.001", 1_732_780_800_001),
        ("0.5", 500),
        ("1.7327808001E9", 1_732_780_800_100),
    ])
    func decodesEpochSeconds(literal: String, milliseconds: Int64) throws {
        let holder = try APICoding.decode(Holder.self, from: Array(#"{"creationDate": \#(literal)}"#.utf8))
        #expect(holder.creationDate.millisecondsSince1970 == milliseconds)
    }

    @Test func encodesSecondsWithMillisecondFraction() throws {
        let holder = Holder(creationDate: Timestamp(millisecondsSince1970: 1_732_780_800_123))
        let text = String(decoding: try APICoding.encode(holder), as: UTF8.self)
        #expect(text == #"{"creationDate":1732780800.123}"#)
    }

    @Test func everyMillisecondOfASecondSurvivesTheRoundTrip() throws {
        for millisecond in Int64(0)..<1000 {
            let original = Timestamp(millisecondsSince1970: 1_764_316_800_000 + millisecond)
            let decoded = try APICoding.decode(Holder.self, from: APICoding.encode(Holder(creationDate: original)))
            #expect(decoded.creationDate == original)
        }
    }

    @Test func roundsToTheNearestMillisecond() {
        #expect(Timestamp(secondsSince1970: 1.0004).millisecondsSince1970 == 1000)
        #expect(Timestamp(secondsSince1970: 1.0006).millisecondsSince1970 == 1001)
    }

    @Test(arguments: [
        (Int64(1_732_780_800_123), "1732780800.123"),
        (1_732_780_800_000, "1732780800"),
        (1_732_780_800_120, "1732780800.12"),
        (5, "0.005"),
        (-1500, "-1.5"),
    ])
    func describesItselfAsTheWireLiteral(milliseconds: Int64, literal: String) {
        #expect(Timestamp(millisecondsSince1970: milliseconds).description == literal)
    }

    @Test func convertsToAndFromDate() {
        let timestamp = Timestamp(millisecondsSince1970: 1_732_780_800_123)
        #expect(Timestamp(timestamp.date) == timestamp)
        #expect(timestamp.adding(milliseconds: 877) == Timestamp(millisecondsSince1970: 1_732_780_801_000))
        #expect(timestamp < timestamp.adding(milliseconds: 1))
    }

    @Test func rejectsAStringOrAnAbsurdNumber() {
        #expect(throws: (any Error).self) {
            try APICoding.decode(Holder.self, from: Array(#"{"creationDate": "2024-01-01T00:00:00Z"}"#.utf8))
        }
        #expect(throws: (any Error).self) {
            try APICoding.decode(Holder.self, from: Array(#"{"creationDate": 1e300}"#.utf8))
        }
    }
}
