import Diagnostics
import JSONValue
import YAML

extension DocumentParser {
    /// YAML files through `YAMLParser`, JSON files through `JSONParser`.
    static let standard = DocumentParser { text, file, format in
        do {
            switch format {
            case .yaml: return .document(try YAMLParser.parseDocument(text, file: file))
            case .json: return .document(try JSONParser.parseDocument(text, file: file))
            }
        } catch let error as YAMLError {
            return .failure(error.diagnostic)
        } catch let error as JSONParseError {
            return .failure(error.diagnostic)
        } catch {
            return .failure(Diagnostic(
                .workspace("unreadable-file"), message: "'\(file)' could not be parsed: \(error)",
                at: SourceLocation(file: file, line: 1, column: 1)))
        }
    }
}

extension ProjectLoader {
    /// Reads the repository in `tree`: every problem is a diagnostic, nothing throws.
    public static func load(from tree: any SourceTree) -> LoadResult {
        ProjectLoader(parser: .standard).load(from: tree)
    }

    /// Reads the repository in `tree`, parsing workflow files on every core.
    public static func load(from tree: any SourceTree) async -> LoadResult {
        await ProjectLoader(parser: .standard).load(from: tree)
    }
}
