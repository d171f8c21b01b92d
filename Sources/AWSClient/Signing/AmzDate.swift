#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// A signing time in SigV4's two spellings: `20150830T123600Z` (the `X-Amz-Date` header) and
/// `20150830` (the credential scope).
///
/// Computed from the Unix time with civil-calendar arithmetic rather than a `DateFormatter`, so
/// the result never depends on the machine's locale, calendar or time zone.
public struct AmzDate: Hashable, Sendable {
    /// `yyyyMMdd'T'HHmmss'Z'` in UTC.
    public let timestamp: String
    /// `yyyyMMdd` in UTC.
    public var dateStamp: String { String(timestamp.prefix(8)) }

    public init(_ date: Date) {
        let seconds = Int64(date.timeIntervalSince1970.rounded(.down))
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let secondOfDay = seconds - days * 86_400
        let (year, month, day) = AmzDate.civil(fromDays: days)
        timestamp =
            AmzDate.pad(year, 4) + AmzDate.pad(month, 2) + AmzDate.pad(day, 2) + "T"
            + AmzDate.pad(secondOfDay / 3600, 2) + AmzDate.pad(secondOfDay % 3600 / 60, 2)
            + AmzDate.pad(secondOfDay % 60, 2) + "Z"
    }

    /// Year, month and day of the proleptic Gregorian calendar for days since 1970-01-01
    /// (Howard Hinnant's `civil_from_days`).
    private static func civil(fromDays days: Int64) -> (Int64, Int64, Int64) {
        let shifted = days + 719_468
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        return (year, month, day)
    }

    private static func pad(_ value: Int64, _ width: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
