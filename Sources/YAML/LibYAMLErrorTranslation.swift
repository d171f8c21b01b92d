internal import CYAML
import Diagnostics

/// Turns libyaml's scanner and parser errors into plain words at the right position.
///
/// libyaml reports a `problem` (what went wrong, at `problem_mark`) and often a
/// `context` (what it was reading, at `context_mark`, e.g. where an unclosed bracket
/// opened). The problem's position leads; the context becomes a note.
enum LibYAMLErrorTranslation {
    static func translate(_ parser: yaml_parser_t, input: UnsafeBufferPointer<UInt8>, file: String) -> YAMLError {
        let problem = parser.problem.map { String(cString: $0) } ?? "unknown error"
        let context = parser.context.map { String(cString: $0) }
        func location(_ mark: yaml_mark_t) -> SourceLocation {
            SourceLocation(file: file, line: Int(mark.line) + 1, column: Int(mark.column) + 1)
        }
        if parser.error == YAML_READER_ERROR {
            // Bad bytes are caught before libyaml; this is a fallback with the byte offset.
            let (line, column) = TextCheck.position(ofByte: Int(parser.problem_offset), in: input)
            return YAMLError(.yamlInvalidUTF8, "the file cannot be read as YAML text: \(problem)", at: SourceLocation(file: file, line: line, column: column))
        }
        if parser.error == YAML_MEMORY_ERROR {
            return YAMLError(.yamlSyntax, "libyaml ran out of memory", at: SourceLocation(file: file, line: 1, column: 1))
        }
        let at = location(parser.problem_mark)
        let contextAt = location(parser.context_mark)
        let character = TextCheck.byteOffset(line: at.line, column: at.column, in: input).map { input[$0] }

        func syntax(_ message: String, note: String? = nil) -> YAMLError {
            YAMLError(.yamlSyntax, message, at: at, notes: note.map { [Diagnostic.Note($0, at: contextAt)] } ?? [])
        }
        let tab = "tabs are not allowed for indentation in YAML; use spaces"

        switch problem {
        case "found character that cannot start any token":
            if character == 0x09 { return YAMLError(.yamlTabIndentation, tab, at: at) }
            let shown = character.flatMap { $0 < 0x80 ? String(UnicodeScalar($0)) : nil } ?? "this character"
            return syntax("'\(shown)' cannot start a plain value in YAML; put the value in quotes")
        case "found a tab character that violates indentation", "found a tab character where an indentation space is expected":
            return YAMLError(.yamlTabIndentation, tab, at: at)
        case "mapping values are not allowed in this context":
            return syntax("unexpected ':' here; check this line's indentation, or quote the value if it contains ': '")
        case "block sequence entries are not allowed in this context":
            return syntax("unexpected '-' list item here; check this line's indentation")
        case "did not find expected key":
            return syntax(
                "expected a 'key: value' entry at this indentation; check this line's indentation",
                note: "the mapping starts here")
        case "did not find expected '-' indicator":
            return syntax(
                "expected a '- ' list item at this indentation; check this line's indentation",
                note: "the list starts here")
        case "did not find expected ',' or ']'":
            return syntax("expected ',' or ']' in this '[…]' list; is a closing ']' missing?", note: "the list opens here")
        case "did not find expected ',' or '}'":
            return syntax("expected ',' or '}' in this '{…}' mapping; is a closing '}' missing?", note: "the mapping opens here")
        case "did not find expected node content":
            return syntax("expected a value here", note: context.map { _ in "while reading the node that starts here" })
        case "could not find expected ':'":
            // libyaml notices at the next line; the entry without ':' is where the key began.
            return YAMLError(
                .yamlSyntax, "this entry has no ':'; inside a mapping each line needs the form 'key: value'",
                at: contextAt)
        case "did not find expected <document start>":
            return LibYAMLReader.multipleDocuments(at: at)
        case "found unexpected end of stream" where context == "while scanning a quoted scalar":
            return YAMLError(
                .yamlSyntax, "this quoted string is never closed", at: contextAt,
                notes: [Diagnostic.Note("the file ends here", at: at)])
        case "found unknown escape character":
            return syntax(
                "unknown escape sequence in a double-quoted string; write '\\\\' for a backslash, or use single quotes",
                note: "the string starts here")
        case "found undefined tag handle":
            return YAMLError(.yamlUnknownTag, "unknown tag handle; only '!' and '!!' are defined", at: contextAt)
        default:
            let message = context.map { "\(problem) (\($0))" } ?? problem
            return syntax(message, note: context.map { _ in "libyaml was reading from here" })
        }
    }
}
