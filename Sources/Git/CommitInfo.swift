/// The identity and description of one commit: what `sfn log` prints and what later
/// issues record against a deployment.
public struct CommitInfo: Sendable, Hashable {
    public let id: GitObjectID
    /// The first line of the message (git's "subject").
    public let summary: String
    public let authorName: String
    public let authorEmail: String
    /// Committer time, in seconds since the Unix epoch.
    public let time: Int64
    /// The committer's offset from UTC in minutes, so dates print as git prints them.
    public let timeOffsetMinutes: Int
    /// The root tree of the commit.
    public let treeID: GitObjectID
    /// Parents in order; the first is the branch the commit was made on.
    public let parentIDs: [GitObjectID]

    public init(
        id: GitObjectID, summary: String, authorName: String, authorEmail: String, time: Int64,
        timeOffsetMinutes: Int, treeID: GitObjectID, parentIDs: [GitObjectID]
    ) {
        self.id = id
        self.summary = summary
        self.authorName = authorName
        self.authorEmail = authorEmail
        self.time = time
        self.timeOffsetMinutes = timeOffsetMinutes
        self.treeID = treeID
        self.parentIDs = parentIDs
    }

    /// The full 40-digit sha.
    public var sha: String { id.hex }
    /// The seven-digit abbreviation.
    public var shortSHA: String { id.short }
    /// The subject line (an alias of `summary`, in git's word).
    public var subject: String { summary }

    /// `2026-11-20`: the commit's date in the committer's own time zone, as git shows it.
    public var date: String {
        let days = (time + Int64(timeOffsetMinutes) * 60).floorDivided(by: 86_400)
        let (year, month, day) = CommitInfo.civilDate(fromDays: days)
        func two(_ value: Int64) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "\(year)-\(two(month))-\(two(day))"
    }

    /// Days since 1970-01-01 → (year, month, day) in the proleptic Gregorian calendar
    /// (Howard Hinnant's `civil_from_days`), without Foundation's calendar machinery.
    static func civilDate(fromDays days: Int64) -> (Int64, Int64, Int64) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }
}

extension Int64 {
    fileprivate func floorDivided(by divisor: Int64) -> Int64 {
        let quotient = self / divisor
        return (self % divisor != 0 && (self < 0) != (divisor < 0)) ? quotient - 1 : quotient
    }
}
