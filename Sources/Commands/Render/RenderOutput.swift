import Foundation
import JSONValue
import Workspace

/// Writes rendered definitions as build artifacts: `<dir>/<env>/<workflow>.asl.json`
/// plus `<dir>/<env>/manifest.json`.
///
/// Each environment's folder is written beside the old one and swapped in by rename, so
/// a reader (or a failed run) never sees a half-written set, and files of workflows that
/// no longer exist do not linger.
struct RenderOutput {
    let directory: String

    struct Written {
        let environment: String
        let path: String
        let count: Int
    }

    func write(_ rendered: [RenderedWorkflow], environments: [String]) throws(CommandFailure) -> [Written] {
        var written: [Written] = []
        for environment in environments {
            let workflows = rendered.filter { $0.environment == environment }.sorted { $0.id < $1.id }
            let path = URL(fileURLWithPath: directory).appendingPathComponent(environment).path
            do {
                try replaceDirectory(at: path, with: files(for: workflows, environment: environment))
            } catch {
                throw CommandFailure(message: "cannot write '\(path)': \(error.localizedDescription)")
            }
            written.append(Written(environment: environment, path: path, count: workflows.count))
        }
        return written
    }

    /// File name → contents for one environment.
    func files(for workflows: [RenderedWorkflow], environment: String) -> [(String, String)] {
        var files: [(String, String)] = []
        var entries: [JSON] = []
        for workflow in workflows {
            let file = "\(workflow.id).asl.json"
            files.append((file, workflow.definition.value.serialized(.canonicalPretty) + "\n"))
            var tags = JSONObject()
            for tag in workflow.tags { tags[tag.key] = .string(tag.value) }
            entries.append(.object(JSONObject([
                ("id", .string(workflow.id)),
                ("name", .string(workflow.stateMachineName)),
                ("type", .string(workflow.type.rawValue)),
                ("file", .string(file)),
                ("sha256", .string(workflow.sha256)),
                ("role", workflow.role.map(JSON.string) ?? .null),
                ("alias", .string(workflow.alias)),
                ("region", .string(workflow.region)),
                ("account", .string(workflow.account)),
                ("tags", .object(tags)),
                ("sources", .array(workflow.sources.map(JSON.string))),
            ])))
        }
        let manifest = JSON.object(JSONObject([("environment", .string(environment)), ("workflows", .array(entries))]))
        files.append(("manifest.json", manifest.serialized(.pretty) + "\n"))
        return files
    }

    private func replaceDirectory(at path: String, with files: [(String, String)]) throws {
        let fileManager = FileManager.default
        let target = URL(fileURLWithPath: path)
        let parent = target.deletingLastPathComponent()
        try fileManager.createDirectory(at: parent, withIntermediateDirectories: true)
        let staging = parent.appendingPathComponent(".\(target.lastPathComponent).sfn-\(ProcessInfo.processInfo.processIdentifier)")
        try? fileManager.removeItem(at: staging)
        try fileManager.createDirectory(at: staging, withIntermediateDirectories: true)
        do {
            for (name, text) in files {
                try Data(text.utf8).write(to: staging.appendingPathComponent(name))
            }
            if fileManager.fileExists(atPath: target.path) {
                _ = try fileManager.replaceItemAt(target, withItemAt: staging)
            } else {
                try fileManager.moveItem(at: staging, to: target)
            }
        } catch {
            try? fileManager.removeItem(at: staging)
            throw error
        }
    }
}
