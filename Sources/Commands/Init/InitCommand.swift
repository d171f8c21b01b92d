import ArgumentParser
import Foundation

/// `sfn init [DIR]`: scaffolds a working repository.
struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Create a workflow repository: workflows/, environments/, templates/, sfn.yaml.",
        discussion: """
            Writes a small working example (one workflow, two environments, one template) that \
            renders and validates as is. Existing files are never overwritten: if any file sfn \
            would write already exists, nothing is written.
            """)

    @Argument(help: ArgumentHelp("Directory to create the repository in (created if missing).", valueName: "dir"))
    var directory: String = "."

    func run() throws {
        let console = Console.current
        do {
            let written = try ProjectInitializer(root: directory).run()
            InitView(console: console).show(root: directory, written: written)
        } catch let failure as CommandFailure {
            throw console.report(failure)
        }
    }
}

/// Writes the scaffold, refusing to overwrite anything.
struct ProjectInitializer {
    let root: String

    /// Returns the paths written, relative to `root`.
    func run() throws -> [String] {
        let fileManager = FileManager.default
        let rootURL = URL(fileURLWithPath: root)
        var isDirectory: ObjCBool = false
        if fileManager.fileExists(atPath: rootURL.path, isDirectory: &isDirectory), !isDirectory.boolValue {
            throw CommandFailure(message: "cannot create a repository in '\(root)': it is a file")
        }
        // An existing .gitignore (sfn init inside a git repository) gets sfn's lines appended;
        // every other existing file blocks the whole init.
        let existing = ProjectScaffold.files.map(\.path)
            .filter { $0 != ".gitignore" && fileManager.fileExists(atPath: rootURL.appendingPathComponent($0).path) }
        guard existing.isEmpty else {
            throw CommandFailure(message: """
                '\(root)' already has \(existing.map { "'\($0)'" }.joined(separator: ", ")); nothing was written.
                sfn init never overwrites files: move them away or choose another directory.
                """)
        }
        var written: [String] = []
        do {
            for (path, text) in ProjectScaffold.files {
                let url = rootURL.appendingPathComponent(path)
                if path == ".gitignore", let current = try? String(contentsOf: url, encoding: .utf8) {
                    let present = Set(current.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) })
                    let missing = text.split(separator: "\n").filter { !$0.hasPrefix("#") && !present.contains(String($0)) }
                    if !missing.isEmpty {
                        let separator = current.isEmpty || current.hasSuffix("\n") ? "" : "\n"
                        try Data((current + separator + missing.joined(separator: "\n") + "\n").utf8).write(to: url)
                        written.append(path + " (updated)")
                    }
                    continue
                }
                try fileManager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(text.utf8).write(to: url, options: .withoutOverwriting)
                written.append(path)
            }
        } catch {
            // Leave no half-made repository behind.
            for path in written { try? fileManager.removeItem(at: rootURL.appendingPathComponent(path)) }
            throw CommandFailure(message: "cannot write the repository in '\(root)': \(error.localizedDescription)")
        }
        return written
    }
}

/// The human view of `sfn init`.
struct InitView {
    let console: Console

    func show(root: String, written: [String]) {
        var text = "Created an sfn repository in \(root == "." ? "the current directory" : "'\(root)'"):\n"
        for path in written { text += "  \(path)\n" }
        let cd = root == "." ? "" : "cd \(root) && "
        text += "\nNext: \(cd)sfn validate && sfn render data-processing --env local\n"
        console.out(text)
    }
}
