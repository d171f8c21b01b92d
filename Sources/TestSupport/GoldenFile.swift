import Foundation

/// Compares output with a checked-in golden file; `SFN_RECORD_GOLDEN=1` re-records it.
///
/// Golden files hold large outputs (rendered definitions, JSON views, help text) that
/// would be unreadable inline. Normalise run-specific values before comparing.
public enum GoldenFile {
    public struct Mismatch: Error, CustomStringConvertible {
        public let path: String
        public let expected: String?
        public let actual: String
        public var description: String {
            guard let expected else {
                return "golden file \(path) does not exist; run with SFN_RECORD_GOLDEN=1 to record it"
            }
            return "output differs from golden file \(path) (re-record with SFN_RECORD_GOLDEN=1):\n--- expected\n\(expected)\n--- actual\n\(actual)"
        }
    }

    /// Checks `actual` against the file at `path`; records it instead when asked to.
    public static func check(_ actual: String, against path: String) throws {
        let recording = ProcessInfo.processInfo.environment["SFN_RECORD_GOLDEN"] == "1"
        let url = URL(fileURLWithPath: path)
        if recording {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try actual.write(to: url, atomically: true, encoding: .utf8)
            return
        }
        let expected = try? String(contentsOf: url, encoding: .utf8)
        guard expected == actual else { throw Mismatch(path: path, expected: expected, actual: actual) }
    }

    /// The directory holding a test file's golden files: `<dir of #filePath>/Golden`.
    public static func directory(for filePath: String = #filePath) -> String {
        URL(fileURLWithPath: filePath).deletingLastPathComponent().appendingPathComponent("Golden").path
    }
}
