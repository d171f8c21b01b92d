import Engine
import Testing

@Suite struct TimestampTests {
    @Test(arguments: [
        ("2024-01-01T00:00:00Z", "2024-01-01T00:00:00.000Z"),
        ("2016-03-14T01:59:00.5+01:00", "2016-03-14T00:59:00.500Z"),
        ("1969-12-31T23:59:59.999Z", "1969-12-31T23:59:59.999Z"),
        ("2024-02-29T12:00:00-05:30", "2024-02-29T17:30:00.000Z"),
    ])
    func parsesAndFormats(text: String, iso: String) {
        #expect(Timestamp(iso8601: text)?.iso8601 == iso)
    }

    @Test(arguments: ["2016-13-05T21:29:29Z", "05-12-2016T21:29:29Z", "2016-12-05T25:29:29Z", "2016-12-05 21:29:29Z", "2016-12-05T21:29:29", "2023-02-29T00:00:00Z"])
    func rejects(text: String) {
        #expect(Timestamp(iso8601: text) == nil)
    }
}
