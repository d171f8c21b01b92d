import Foundation

/// A repository written to a temporary directory for a command test.
struct RepositoryFixture {
    let root: URL

    init(_ files: [String: String]) throws {
        root = try CommandHarness.temporaryDirectory()
        for (path, text) in files { try write(path, Data(text.utf8)) }
    }

    func write(_ path: String, _ data: Data) throws {
        let url = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: url)
    }

    func remove() { try? FileManager.default.removeItem(at: root) }

    /// The smallest valid repository: one workflow, one environment.
    static let minimal: [String: String] = [
        "environments/dev.yaml": "vars:\n  fn: arn:aws:lambda:us-east-1:123456789012:function:f\n",
        "workflows/hello.yaml": """
            definition:
              StartAt: Hello
              States:
                Hello:
                  Type: Task
                  Resource: ${fn}
                  End: true

            """,
    ]

    /// This repository's own examples (workflows/, environments/, templates/, sfn.yaml),
    /// found from this test file's location.
    static var projectRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }
}
