import Foundation
import Testing
@testable import Workspace

@Suite struct SourceTreeTests {
    @Test func inMemoryTreeListsFilesAndImpliedDirectories() throws {
        let tree = InMemorySourceTree([
            "sfn.yaml": "", "workflows/a.yaml": "", "workflows/b.json": "", "templates/retry/fast.yaml": "",
        ])
        #expect(try tree.list(directory: "").map(\.path) == ["sfn.yaml", "templates", "workflows"])
        #expect(try tree.list(directory: "").first { $0.path == "templates" }?.kind == .directory)
        #expect(try tree.list(directory: "workflows").map(\.name) == ["a.yaml", "b.json"])
        #expect(try tree.list(directory: "missing").isEmpty)
        #expect(try tree.listFilesRecursively("templates").map(\.path) == ["templates/retry/fast.yaml"])
        #expect(throws: WorkspaceError.fileNotFound("nope.yaml")) { try tree.read("nope.yaml") }
    }

    @Test func directoryTreeReadsTheDiskAndSkipsHiddenEntries() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("sfn-tree-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.createDirectory(at: root.appendingPathComponent("workflows"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: root.appendingPathComponent(".sfn"), withIntermediateDirectories: true)
        try "StartAt: A\n".write(to: root.appendingPathComponent("workflows/a.yaml"), atomically: true, encoding: .utf8)
        try "x".write(to: root.appendingPathComponent("workflows/.a.yaml.swp"), atomically: true, encoding: .utf8)

        let tree = DirectorySourceTree(root: root.path)
        #expect(try tree.list(directory: "").map(\.path) == ["workflows"])
        #expect(try tree.list(directory: "workflows").map(\.path) == ["workflows/a.yaml"])
        #expect(try tree.read("workflows/a.yaml") == Array("StartAt: A\n".utf8))
        #expect(try tree.list(directory: "templates").isEmpty)
        #expect(throws: WorkspaceError.fileNotFound("workflows/b.yaml")) { try tree.read("workflows/b.yaml") }
    }
}
