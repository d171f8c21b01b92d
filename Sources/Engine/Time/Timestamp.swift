/// A point in time as Step Functions reports it: milliseconds since the Unix epoch, UTC.
///
/// History events, `$$.Execution.StartTime` and Wait deadlines all use this type, so
/// the engine never touches Foundation's `Date`. Millisecond precision is what AWS's
/// APIs return; finer precision in a `Timestamp` field of a Wait state is kept by
/// rounding up (a wait never ends early).
public struct Timestamp: Sendable, Hashable, Codable, Comparable, CustomStringConvertible {
    public var millisecondsSinceEpoch: Int64

    public init(millisecondsSinceEpoch: Int64) { self.millisecondsSinceEpoch = millisecondsSinceEpoch }

    public static func < (lhs: Timestamp, rhs: Timestamp) -> Bool { lhs.millisecondsSinceEpoch < rhs.millisecondsSinceEpoch }

    public func adding(milliseconds: Int64) -> Timestamp {
        let (sum, overflow) = millisecondsSinceEpoch.addingReportingOverflow(milliseconds)
        return Timestamp(millisecondsSinceEpoch: overflow ? (milliseconds > 0 ? .max : .min) : sum)
    }

    public func adding(seconds: Int64) -> Timestamp {
        let (ms, overflow) = seconds.multipliedReportingOverflow(by: 1000)
        return adding(milliseconds: overflow ? (seconds > 0 ? .max : .min) : ms)
    }

    /// ISO 8601 in UTC with milliseconds, as `$$.Execution.StartTime` shows it:
    /// `2024-01-01T00:00:00.000Z`.
    public var iso8601: String {
        let ms = millisecondsSinceEpoch
        let days = ms >= 0 ? ms / 86_400_000 : -((-ms + 86_399_999) / 86_400_000)
        let inDay = ms - days * 86_400_000
        let (y, m, d) = Timestamp.civil(fromDays: days)
        guard (0...9999).contains(y) else { return "\(y)-\(m)-\(d)T\(inDay)Z" }
        // Written into a fixed buffer: this runs on every state entry that reads `$$`.
        return String(unsafeUninitializedCapacity: 24) { buffer in
            func put(_ value: Int64, _ width: Int, at offset: Int) {
                var v = value
                for i in stride(from: offset + width - 1, through: offset, by: -1) {
                    buffer[i] = UInt8(truncatingIfNeeded: 0x30 + v % 10)
                    v /= 10
                }
            }
            put(y, 4, at: 0)
            buffer[4] = 0x2D
            put(m, 2, at: 5)
            buffer[7] = 0x2D
            put(d, 2, at: 8)
            buffer[10] = 0x54
            put(inDay / 3_600_000, 2, at: 11)
            buffer[13] = 0x3A
            put(inDay / 60_000 % 60, 2, at: 14)
            buffer[16] = 0x3A
            put(inDay / 1000 % 60, 2, at: 17)
            buffer[19] = 0x2E
            put(inDay % 1000, 3, at: 20)
            buffer[23] = 0x5A
            return 24
        }
    }

    public var description: String { iso8601 }

    /// Parses RFC 3339 (`2016-03-14T01:59:00Z`, optional fraction, `Z` or `±hh:mm`), the
    /// only form ASL accepts in `Timestamp` fields and Timestamp comparisons; nil otherwise.
    public init?(iso8601 text: String) {
        let b = Array(text.utf8)
        func digits(_ start: Int, _ count: Int) -> Int64? {
            guard start + count <= b.count else { return nil }
            var value: Int64 = 0
            for i in start..<(start + count) {
                guard b[i] >= 0x30, b[i] <= 0x39 else { return nil }
                value = value * 10 + Int64(b[i] - 0x30)
            }
            return value
        }
        func byte(_ i: Int, _ c: UInt8) -> Bool { i < b.count && b[i] == c }
        guard let year = digits(0, 4), byte(4, 0x2D), let month = digits(5, 2), byte(7, 0x2D),
            let day = digits(8, 2), byte(10, 0x54) || byte(10, 0x74), let hour = digits(11, 2), byte(13, 0x3A),
            let minute = digits(14, 2), byte(16, 0x3A), let second = digits(17, 2)
        else { return nil }
        let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
        let monthDays: [Int64] = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        guard (1...12).contains(month), day >= 1, day <= monthDays[Int(month) - 1], hour <= 23, minute <= 59,
            second <= 59
        else { return nil }
        var i = 19
        var fraction: Int64 = 0
        if byte(i, 0x2E) {
            i += 1
            let start = i
            var scale: Int64 = 100
            var roundUp = false
            while i < b.count, b[i] >= 0x30, b[i] <= 0x39 {
                if scale > 0 { fraction += Int64(b[i] - 0x30) * scale } else if b[i] != 0x30 { roundUp = true }
                scale /= 10
                i += 1
            }
            guard i > start else { return nil }
            if roundUp { fraction += 1 }
        }
        var offsetMinutes: Int64 = 0
        if byte(i, 0x5A) || byte(i, 0x7A) {
            guard i + 1 == b.count else { return nil }
        } else {
            guard byte(i, 0x2B) || byte(i, 0x2D), let oh = digits(i + 1, 2), byte(i + 3, 0x3A), let om = digits(i + 4, 2),
                oh <= 23, om <= 59, i + 6 == b.count
            else { return nil }
            offsetMinutes = (oh * 60 + om) * (byte(i, 0x2D) ? -1 : 1)
        }
        let days = Timestamp.days(fromCivil: year, month, day)
        let seconds = days * 86_400 + hour * 3600 + minute * 60 + second - offsetMinutes * 60
        self.millisecondsSinceEpoch = seconds * 1000 + fraction
    }

    /// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
    static func days(fromCivil year: Int64, _ month: Int64, _ day: Int64) -> Int64 {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    static func civil(fromDays days: Int64) -> (Int64, Int64, Int64) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }
}
