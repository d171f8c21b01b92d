#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// An instant as the AWS JSON 1.0 protocol carries it: seconds since the Unix epoch, as a JSON
/// number with a fraction of milliseconds (`1732780800.123`).
///
/// Stored as whole milliseconds so that a timestamp survives encode → decode → encode unchanged
/// and compares exactly; AWS never reports finer than a millisecond. `Date` is offered only as a
/// conversion, because a `Date`'s binary floating point cannot promise the round trip.
public struct Timestamp: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    /// Milliseconds since 1970-01-01T00:00:00Z; negative before it.
    public var millisecondsSince1970: Int64

    public init(millisecondsSince1970: Int64) {
        self.millisecondsSince1970 = millisecondsSince1970
    }

    /// Rounds to the nearest millisecond, as AWS does.
    public init(secondsSince1970: Double) {
        self.millisecondsSince1970 = Int64((secondsSince1970 * 1000).rounded())
    }

    public init(_ date: Date) {
        self.init(secondsSince1970: date.timeIntervalSince1970)
    }

    /// Seconds since the epoch with the milliseconds as a fraction: the wire value.
    public var secondsSince1970: Double { Double(millisecondsSince1970) / 1000 }

    public var date: Date { Date(timeIntervalSince1970: secondsSince1970) }

    /// The wall clock now, truncated to the millisecond.
    public static var now: Timestamp { Timestamp(Date()) }

    /// This instant plus `milliseconds`.
    public func adding(milliseconds: Int64) -> Timestamp {
        Timestamp(millisecondsSince1970: millisecondsSince1970 + milliseconds)
    }

    public static func < (lhs: Timestamp, rhs: Timestamp) -> Bool {
        lhs.millisecondsSince1970 < rhs.millisecondsSince1970
    }

    /// The wire form, e.g. `1732780800.123`.
    public var description: String { Timestamp.literal(millisecondsSince1970) }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let seconds = try container.decode(Double.self)
        guard seconds.isFinite, abs(seconds) < 1e14 else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "timestamp '\(seconds)' is out of range")
        }
        self.init(secondsSince1970: seconds)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(secondsSince1970)
    }

    /// Seconds with up to three fraction digits and no trailing zeros, without going through
    /// floating point: `1732780800123` → `1732780800.123`, `1732780800000` → `1732780800`.
    static func literal(_ milliseconds: Int64) -> String {
        let sign = milliseconds < 0 ? "-" : ""
        let magnitude = milliseconds.magnitude
        let seconds = magnitude / 1000
        var fraction = String(magnitude % 1000)
        guard fraction != "0" else { return "\(sign)\(seconds)" }
        fraction = String(repeating: "0", count: 3 - fraction.count) + fraction
        while fraction.hasSuffix("0") { fraction.removeLast() }
        return "\(sign)\(seconds).\(fraction)"
    }
}
