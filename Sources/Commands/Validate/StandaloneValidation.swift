import ASLModel
import Diagnostics
import Foundation
import JSONValue
import Validation
import YAML

/// Validates ASL files named on the command line, outside any repository's rendering:
/// the definition is taken as it is (no templates, no variables).
struct StandaloneValidation {
    let type: StateMachineType

    struct Result {
        var diagnostics: [Diagnostic] = []
        var sources = SourceFileSet()
        var summary = ""
    }

    func run(paths: [String]) -> Result {
        var result = Result()
        var failing = 0
        for path in paths {
            let diagnostics = validate(path, sources: &result.sources)
            if diagnostics.hasErrors { failing += 1 }
            result.diagnostics += diagnostics
        }
        result.diagnostics.sort()
        let files = "\(paths.count) file\(paths.count == 1 ? "" : "s")"
        let errors = result.diagnostics.errorCount
        let warnings = result.diagnostics.warningCount
        var counts: [String] = []
        if errors > 0 { counts.append("\(errors) error\(errors == 1 ? "" : "s")") }
        if warnings > 0 { counts.append("\(warnings) warning\(warnings == 1 ? "" : "s")") }
        result.summary = counts.isEmpty ? "no problems in \(files)"
            : errors > 0 ? "\(counts.joined(separator: ", ")) in \(failing) of \(files)" : "\(counts.joined(separator: ", ")) in \(files)"
        return result
    }

    private func validate(_ path: String, sources: inout SourceFileSet) -> [Diagnostic] {
        let origin = SourceLocation(file: path, line: 1, column: 1)
        guard let data = FileManager.default.contents(atPath: path) else {
            var isDirectory: ObjCBool = false
            let exists = FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
            let why = !exists ? "no such file" : isDirectory.boolValue ? "it is a directory" : "it cannot be read"
            return [Diagnostic(DiagnosticID("validate", "unreadable-file"), message: "cannot read '\(path)': \(why)")]
        }
        let bytes = [UInt8](data)
        if let text = String(validating: bytes, as: UTF8.self) { sources.add(SourceFile(path: path, text: text)) }
        let document: SourceDocument
        do {
            let lower = path.lowercased()
            if lower.hasSuffix(".yaml") || lower.hasSuffix(".yml") {
                document = try YAMLParser.parseDocument(utf8: bytes, file: path)
            } else {
                document = try JSONParser.parseDocument(utf8: bytes, file: path)
            }
        } catch let error as JSONParseError {
            return [error.diagnostic]
        } catch let error as YAMLError {
            return [error.diagnostic]
        } catch {
            return [Diagnostic(DiagnosticID("validate", "unreadable-file"), message: "cannot parse '\(path)': \(error)", at: origin)]
        }
        if case .null = document.value {
            return [Diagnostic(DiagnosticID("validate", "empty-file"), message: "'\(path)' is empty; expected an ASL definition with StartAt and States", at: origin)]
        }
        return Validator().validate(document, options: ValidationOptions(type: type)).diagnostics
    }
}
