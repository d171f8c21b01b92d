/// Why the record store could not be opened, read or written: the file and what went wrong
/// ("cannot use '.sfn/records.sqlite': the file is not a SQLite database").
///
/// Records are the user's to fix (a foreign or corrupt file, a read-only directory), so the
/// message names the path; the commands print it as is.
public struct RecordStoreError: Error, Sendable, Hashable, CustomStringConvertible {
    public var message: String

    public init(_ message: String) { self.message = message }

    public var description: String { message }
}
