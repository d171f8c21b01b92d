import ASLModel
import Diagnostics
import JSONValue

/// Reads a repository from a `SourceTree` into a `Project`, collecting every problem.
///
/// Each file is read and parsed once. Loading never stops at the first problem and
/// never throws: an unreadable or malformed file becomes a diagnostic and is left out.
public struct ProjectLoader: Sendable {
    let parser: DocumentParser

    init(parser: DocumentParser) {
        self.parser = parser
    }

    public static let workflowsDirectory = "workflows"
    public static let environmentsDirectory = "environments"
    public static let templatesDirectory = "templates"
    public static let settingsFiles = ["sfn.yaml", "sfn.yml", "sfn.json"]

    func load(from tree: any SourceTree) -> LoadResult {
        assemble(LoadState(reader: SourceReader(tree: tree, parser: parser)))
    }

    /// Like `load(from:)`, with the per-workflow work done on every core: each workflow file
    /// is read, parsed, checked and prepared (its definition's source map re-rooted) in a task
    /// of its own, and each definition's environment-independent rendered map is computed
    /// concurrently once the templates are loaded. The result is the same as `load(from:)`'s.
    func load(from tree: any SourceTree) async -> LoadResult {
        let reader = SourceReader(tree: tree, parser: parser)
        var paths: [String] = []
        do {
            paths = try tree.list(directory: Self.workflowsDirectory)
                .filter { $0.kind == .file && SourceFormat(path: $0.path) != nil }.map(\.path)
        } catch {
            // The sequential pass below reports the unreadable directory.
        }
        let prepared = await Concurrently.map(paths) { path in
            var state = LoadState(reader: reader)
            let workflow = state.loadWorkflow(id: SourceFormat.stem(of: String(path.split(separator: "/").last ?? "")), path: path)
            return LoadState.PreparedWorkflow(workflow: workflow, sources: Array(state.project.sources.files.values), diagnostics: state.diagnostics)
        }
        var state = LoadState(reader: reader, prepared: Dictionary(zip(paths, prepared), uniquingKeysWith: { first, _ in first }))
        state.loadAll()
        state.project.prepareForRendering()
        return LoadResult(project: state.project, diagnostics: state.diagnostics)
    }

    private func assemble(_ initial: LoadState) -> LoadResult {
        var state = initial
        state.loadAll()
        state.project.prepareForRendering()
        return LoadResult(project: state.project, diagnostics: state.diagnostics)
    }
}

/// The project being built and the diagnostics found so far.
private struct LoadState {
    let reader: SourceReader
    var project = Project()
    var diagnostics: [Diagnostic] = []

    /// A workflow file loaded on its own (by the concurrent loader): the workflow, or nil when
    /// it could not be loaded, with the files read and the problems found.
    struct PreparedWorkflow: Sendable {
        var workflow: WorkflowSource?
        var sources: [SourceFile]
        var diagnostics: [Diagnostic]
    }

    /// Workflow files already loaded (by the concurrent loader), by path.
    let prepared: [String: PreparedWorkflow]

    init(reader: SourceReader, prepared: [String: PreparedWorkflow] = [:]) {
        self.reader = reader
        self.prepared = prepared
    }

    mutating func loadAll() {
        loadSettings()
        loadWorkflows()
        loadEnvironments()
        loadTemplates()
    }

    mutating func read(_ path: String) -> SourceReader.ReadFile? {
        reader.read(path, diagnostics: &diagnostics)
    }

    mutating func list(_ directory: String, recursive: Bool) -> [SourceEntry] {
        do {
            return recursive
                ? try reader.tree.listFilesRecursively(directory) : try reader.tree.list(directory: directory)
        } catch {
            diagnostics.append(Diagnostic(.workspace("unreadable-directory"), message: "\(error)"))
            return []
        }
    }

    /// Reads a source file whose top level must be an object.
    mutating func readObjectFile(_ path: String, kind: String) -> (SourceReader.ReadFile, JSONObject)? {
        guard let file = read(path) else { return nil }
        project.sources.add(file.source)
        guard case .object(let object) = file.document.value else {
            diagnostics.append(Diagnostic(
                .workspace("not-an-object"),
                message: "\(kind) '\(path)' must be a mapping of keys to values, not \(article(file.document.value.typeName))",
                at: file.document.location(of: .root)))
            return nil
        }
        return (file, object)
    }

    mutating func checkKeys(_ object: JSONObject, allowed: [String], in document: SourceDocument, what: String) {
        for key in object.keys where !allowed.contains(key) {
            diagnostics.append(Diagnostic(
                .workspace("unknown-key"),
                message: "unknown key '\(key)' in \(what)\(Suggestion.didYouMean(key, in: allowed))",
                at: document.keyLocation(of: [.key(key)]),
                notes: [Diagnostic.Note("allowed keys: \(allowed.joined(separator: ", "))")]))
        }
    }

    // MARK: sfn.yaml

    mutating func loadSettings() {
        let present = list("", recursive: false).filter {
            $0.kind == .file && ProjectLoader.settingsFiles.contains($0.path)
        }
        guard let first = present.first else { return }
        for duplicate in present.dropFirst() {
            reportDuplicate(duplicate.path, of: "project settings", first: first.path)
        }
        guard let (file, object) = readObjectFile(first.path, kind: "project file") else { return }
        // `records` (how deployments are recorded: `{git_notes: true}`) is the project's alone.
        checkKeys(object, allowed: EnvironmentSource.keys.filter { $0 != "extends" && $0 != "abstract" } + ["records"], in: file.document,
                  what: "project file '\(first.path)'")
        project.settings = ProjectSettings(document: file.document)
    }

    // MARK: workflows

    mutating func loadWorkflows() {
        var firstFileOfID: [String: String] = [:]
        for entry in sourceFiles(in: ProjectLoader.workflowsDirectory) {
            let id = SourceFormat.stem(of: entry.name)
            if let first = firstFileOfID[id] {
                reportDuplicate(entry.path, of: "workflow '\(id)'", first: first)
                continue
            }
            firstFileOfID[id] = entry.path
            let workflow: WorkflowSource?
            if let done = prepared[entry.path] {
                for source in done.sources { project.sources.add(source) }
                diagnostics += done.diagnostics
                workflow = done.workflow
            } else {
                workflow = loadWorkflow(id: id, path: entry.path)
            }
            if let workflow {
                project.workflows.append(workflow)
            } else {
                project.unloadableWorkflowIDs[id] = entry.path
            }
        }
        project.workflows.sort { $0.id < $1.id }
    }

    mutating func loadWorkflow(id: String, path: String) -> WorkflowSource? {
        guard let (file, object) = readObjectFile(path, kind: "workflow") else { return nil }
        let document = file.document
        let isEnvelope = object["definition"] != nil
        if !isEnvelope {
            guard object["StartAt"] != nil || object["States"] != nil else {
                diagnostics.append(Diagnostic(
                    .workspace("not-a-workflow"),
                    message: "workflow '\(path)' has neither 'definition' (an envelope) nor 'StartAt' and 'States' (bare ASL)",
                    at: document.location(of: .root)))
                return nil
            }
            return WorkflowSource(id: id, document: document, isBareASL: true)
        }
        let errorsBefore = diagnostics.errorCount
        checkKeys(object, allowed: WorkflowSource.envelopeKeys, in: document, what: "workflow '\(path)'")
        if let definition = object["definition"], definition.objectValue == nil {
            diagnostics.append(Diagnostic(
                .workspace("invalid-definition"),
                message: "'definition' must be a mapping (the ASL state machine), not \(article(definition.typeName))",
                at: document.location(of: [.key("definition")])))
        }
        var type: StateMachineType?
        if let value = object["type"] {
            type = StateMachineTypeField.parse(value, at: document.location(of: [.key("type")]), diagnostics: &diagnostics)
        }
        for key in ["name", "role"] {
            if let value = object[key], value.stringValue == nil {
                diagnostics.append(Diagnostic(
                    .workspace("invalid-envelope-field"),
                    message: "'\(key)' must be a string, not \(article(value.typeName))",
                    at: document.location(of: [.key(key)])))
            }
        }
        if let tags = object["tags"], tags.objectValue == nil {
            diagnostics.append(Diagnostic(
                .workspace("invalid-envelope-field"),
                message: "'tags' must be a mapping of tag keys to values, not \(article(tags.typeName))",
                at: document.location(of: [.key("tags")])))
        }
        guard diagnostics.errorCount == errorsBefore else { return nil }
        return WorkflowSource(
            id: id, document: document, isBareASL: false, name: object["name"], type: type,
            role: object["role"], tags: object["tags"], comment: object["comment"])
    }

    // MARK: environments and templates

    mutating func loadEnvironments() {
        var firstFileOfName: [String: String] = [:]
        for entry in sourceFiles(in: ProjectLoader.environmentsDirectory) {
            let name = SourceFormat.stem(of: entry.name)
            if let first = firstFileOfName[name] {
                reportDuplicate(entry.path, of: "environment '\(name)'", first: first)
                continue
            }
            firstFileOfName[name] = entry.path
            guard let (file, object) = readObjectFile(entry.path, kind: "environment") else {
                project.unloadableEnvironments[name] = entry.path
                continue
            }
            checkKeys(object, allowed: EnvironmentSource.keys, in: file.document, what: "environment '\(entry.path)'")
            if let abstract = object["abstract"], abstract.boolValue == nil {
                diagnostics.append(Diagnostic(
                    .workspace("invalid-abstract"),
                    message: "'abstract' must be true or false, not \(article(abstract.typeName))",
                    at: file.document.location(of: [.key("abstract")])))
            }
            project.environments[name] = EnvironmentSource(name: name, document: file.document)
        }
    }

    mutating func loadTemplates() {
        let prefix = ProjectLoader.templatesDirectory + "/"
        var firstFileOfName: [String: String] = [:]
        for entry in list(ProjectLoader.templatesDirectory, recursive: true)
        where SourceFormat(path: entry.path) != nil && !isHidden(entry.path) {
            let name = SourceFormat.stem(of: String(entry.path.dropFirst(prefix.count)))
            if let first = firstFileOfName[name] {
                reportDuplicate(entry.path, of: "template '\(name)'", first: first)
                continue
            }
            firstFileOfName[name] = entry.path
            guard let file = read(entry.path) else {
                project.unloadableTemplates[name] = entry.path
                continue
            }
            project.sources.add(file.source)
            project.templates[name] = TemplateSource(name: name, document: file.document)
        }
    }

    /// The YAML and JSON files directly inside `directory`; a subdirectory is reported,
    /// since its files would otherwise be silently ignored.
    mutating func sourceFiles(in directory: String) -> [SourceEntry] {
        var files: [SourceEntry] = []
        for entry in list(directory, recursive: false) where !isHidden(entry.path) {
            switch entry.kind {
            case .directory:
                diagnostics.append(Diagnostic(
                    .workspace("nested-directory"), severity: .warning,
                    message: "'\(entry.path)' is ignored: files in \(directory)/ are read from the top level only",
                    at: SourceLocation(file: entry.path, line: 1, column: 1)))
            case .file where SourceFormat(path: entry.path) != nil:
                files.append(entry)
            case .file:
                break
            }
        }
        return files
    }

    mutating func reportDuplicate(_ path: String, of what: String, first: String) {
        diagnostics.append(Diagnostic(
            .workspace("duplicate-id"),
            message: "\(what) is defined twice: '\(path)' repeats '\(first)'; keep one of the two files",
            at: SourceLocation(file: path, line: 1, column: 1),
            notes: [Diagnostic.Note("first defined here", at: SourceLocation(file: first, line: 1, column: 1))]))
    }

    func isHidden(_ path: String) -> Bool {
        path.split(separator: "/").contains { $0.hasPrefix(".") }
    }
}

/// "an object", "a string" …, for messages.
func article(_ typeName: String) -> String {
    (["a", "e", "i", "o", "u"].contains(typeName.prefix(1)) ? "an " : "a ") + typeName
}

/// Reads the `type` field of an envelope or an override: `STANDARD` or `EXPRESS`, exactly.
enum StateMachineTypeField {
    /// `location` is computed only for a problem: finding it builds the file's source map.
    static func parse(
        _ value: JSON, at location: @autoclosure () -> SourceLocation?, diagnostics: inout [Diagnostic]
    ) -> StateMachineType? {
        let allowed = StateMachineType.allCases.map(\.rawValue)
        guard let text = value.stringValue else {
            diagnostics.append(Diagnostic(
                .workspace("invalid-type"),
                message: "'type' must be \"STANDARD\" or \"EXPRESS\", not \(article(value.typeName))", at: location()))
            return nil
        }
        guard let type = StateMachineType(rawValue: text) else {
            diagnostics.append(Diagnostic(
                .workspace("invalid-type"),
                message: "'type' is \"\(text)\"; it must be \"STANDARD\" or \"EXPRESS\"\(Suggestion.didYouMean(text, in: allowed))",
                at: location()))
            return nil
        }
        return type
    }
}
