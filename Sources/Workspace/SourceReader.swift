import Diagnostics
import JSONValue

/// The file formats a repository's sources may be written in, chosen by extension.
public enum SourceFormat: String, Sendable, Hashable {
    case yaml
    case json

    /// `.yaml` and `.yml` are YAML, `.json` is JSON; anything else is not a source.
    public init?(path: String) {
        if path.hasSuffix(".yaml") || path.hasSuffix(".yml") {
            self = .yaml
        } else if path.hasSuffix(".json") {
            self = .json
        } else {
            return nil
        }
    }

    /// The file name without its extension: `etl.yaml` → `etl`.
    static func stem(of name: String) -> String {
        for suffix in [".yaml", ".yml", ".json"] where name.hasSuffix(suffix) {
            return String(name.dropLast(suffix.count))
        }
        return name
    }
}

/// Turns text into a `SourceDocument`; the seam between the repository model and the
/// JSON and YAML parsers (tests may substitute their own).
struct DocumentParser: Sendable {
    enum Outcome: Sendable {
        case document(SourceDocument)
        case failure(Diagnostic)
    }

    var parse: @Sendable (_ text: String, _ file: String, _ format: SourceFormat) -> Outcome
}

/// Reads one source file: bytes → text → parsed document, with one clear diagnostic
/// for each way a file can be unusable (unreadable, binary, empty, malformed).
struct SourceReader: Sendable {
    let tree: any SourceTree
    let parser: DocumentParser

    /// A successfully read file: its document and its text (kept for positions
    /// inside strings and for snippets under diagnostics).
    struct ReadFile: Sendable {
        var document: SourceDocument
        var source: SourceFile
    }

    /// The outcome of reading one file, as the concurrent loader hands it over.
    struct Parsed: Sendable {
        var file: ReadFile?
        var diagnostics: [Diagnostic]
    }

    func read(_ path: String, diagnostics: inout [Diagnostic]) -> ReadFile? {
        guard let format = SourceFormat(path: path) else { return nil }
        let start = SourceLocation(file: path, line: 1, column: 1)
        let bytes: [UInt8]
        do {
            bytes = try tree.read(path)
        } catch {
            diagnostics.append(Diagnostic(
                .workspace("unreadable-file"), message: "\(error)", at: start))
            return nil
        }
        if let nul = bytes.firstIndex(of: 0) {
            diagnostics.append(Diagnostic(
                .workspace("binary-file"),
                message: "'\(path)' is not a text file (it contains a NUL byte at offset \(nul))", at: start))
            return nil
        }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            diagnostics.append(Diagnostic(
                .workspace("binary-file"),
                message: "'\(path)' is not a text file (it is not valid UTF-8)",
                at: invalidUTF8Location(bytes, path: path)))
            return nil
        }
        let source = SourceFile(path: path, text: text)
        if text.utf8.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) {
            diagnostics.append(Diagnostic(.workspace("empty-file"), message: "'\(path)' is empty", at: start))
            return nil
        }
        switch parser.parse(text, path, format) {
        case .document(let document):
            if document.value.isNull {
                diagnostics.append(Diagnostic(
                    .workspace("empty-file"), message: "'\(path)' is empty (it holds no value)", at: start))
                return nil
            }
            return ReadFile(document: document, source: source)
        case .failure(var diagnostic):
            if format == .yaml, let line = diagnostic.location.flatMap({ source.line($0.line) }), line.contains("${") {
                // `{` of `${…}` is a flow indicator inside YAML's `{ }` and `[ ]`.
                diagnostic.notes.append(Diagnostic.Note(
                    "inside { } or [ ], write a string that contains ${…} in quotes: Resource: \"${lambda.process}\""))
            }
            diagnostics.append(diagnostic)
            return nil
        }
    }

    /// The line and column of the first byte that is not valid UTF-8.
    private func invalidUTF8Location(_ bytes: [UInt8], path: String) -> SourceLocation {
        var line = 1
        var column = 1
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        loop: while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                if scalar == "\n" { line += 1; column = 1 } else { column += 1 }
            case .emptyInput, .error: break loop
            }
        }
        return SourceLocation(file: path, line: line, column: column)
    }
}

extension DiagnosticID {
    /// Problems with the repository's files and their structure.
    static func workspace(_ name: String) -> DiagnosticID { DiagnosticID("workspace", name) }
    /// Problems found while rendering a workflow for an environment.
    static func render(_ name: String) -> DiagnosticID { DiagnosticID("render", name) }
}
