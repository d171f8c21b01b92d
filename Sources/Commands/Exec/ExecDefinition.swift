import ASLModel
import Diagnostics
import Foundation
import JSONValue
import Validation
import YAML

/// Reads and validates the definition `sfn exec` runs: a standalone ASL file, JSON or
/// YAML, checked with the same rules (and positions) as `sfn validate`.
enum ExecDefinition {
    struct Loaded {
        /// The definition when it is valid (warnings allowed).
        var document: SourceDocument?
        var diagnostics: [Diagnostic]
        var sources = SourceFileSet()
    }

    static func load(path: String, type: ExecType) -> Loaded {
        var loaded = Loaded(document: nil, diagnostics: [])
        guard let data = FileManager.default.contents(atPath: path) else {
            loaded.diagnostics = [
                Diagnostic(DiagnosticID("exec", "unreadable-file"), message: "cannot read '\(path)': no such readable file")
            ]
            return loaded
        }
        let bytes = [UInt8](data)
        if let text = String(validating: bytes, as: UTF8.self) { loaded.sources.add(SourceFile(path: path, text: text)) }
        let document: SourceDocument
        do {
            let lower = path.lowercased()
            if lower.hasSuffix(".yaml") || lower.hasSuffix(".yml") {
                document = try YAMLParser.parseDocument(utf8: bytes, file: path)
            } else {
                document = try JSONParser.parseDocument(utf8: bytes, file: path)
            }
        } catch let error as JSONParseError {
            loaded.diagnostics = [error.diagnostic]
            return loaded
        } catch let error as YAMLError {
            loaded.diagnostics = [error.diagnostic]
            return loaded
        } catch {
            loaded.diagnostics = [
                Diagnostic(DiagnosticID("exec", "unreadable-file"), message: "cannot parse '\(path)': \(error)")
            ]
            return loaded
        }
        let options = ValidationOptions(type: type == .express ? .express : .standard, includeWarnings: false)
        let result = Validator().validate(document, options: options)
        loaded.diagnostics = result.diagnostics
        if result.isValid { loaded.document = document }
        return loaded
    }

    /// `workflows/order.asl.yaml` → `order.asl`: the file name without its last extension.
    static func stem(of path: String) -> String {
        let file = path.split(separator: "/").last.map(String.init) ?? path
        guard let dot = file.lastIndex(of: "."), dot != file.startIndex else { return file }
        return String(file[..<dot])
    }
}
