internal import CYAML
import Diagnostics

/// Turns libyaml's scanner and parser errors into plain words at the right position.
///
/// libyaml reports a `problem` (what went wrong, at `problem_mark`) and often a
/// `context` (what it was reading, at `context_mark`, e.g. where an unclosed bracket
/// opened). The problem's position leads; the context becomes a note.
enum LibYAMLErrorTranslation {
    /// `afterExplicitEnd`: the last document was closed by `...`, so text after it
    /// starts a second document rather than being stray text after the first.
    static func translate(
        _ parser: yaml_parser_t, input: UnsafeBufferPointer<UInt8>, file: String, afterExplicitEnd: Bool
    ) -> YAMLError {
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
            // A note at the problem's own position adds nothing.
            let notes = note.map { [Diagnostic.Note($0, at: contextAt)] } ?? []
            return YAMLError(.yamlSyntax, message, at: at, notes: contextAt == at ? [] : notes)
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
                "unexpected text here: expected a new 'key: value' entry; check the indentation, or quote the whole value",
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
            if afterExplicitEnd { return LibYAMLReader.multipleDocuments(at: at) }
            let shown = character.flatMap { $0 < 0x80 ? "'\(UnicodeScalar($0))'" : nil } ?? "text"
            return syntax(
                "unexpected \(shown): the document's top-level value has already ended; check the indentation and that brackets and quotes are balanced")
        case "did not find expected alphabetic or numeric character" where context == "while scanning an alias":
            return syntax("'*' must be followed by the name of an anchor")
        case "did not find expected alphabetic or numeric character" where context == "while scanning an anchor":
            return syntax("'&' must be followed by an anchor name (letters, digits, '-' or '_')")
        case "did not find expected hexdecimal number":
            return syntax(
                "invalid escape sequence: '\\x', '\\u' and '\\U' take 2, 4 and 8 hex digits",
                note: "the string starts here")
        case "found unexpected end of stream" where context == "while scanning a quoted scalar":
            return YAMLError(
                .yamlSyntax, "this quoted string is never closed", at: contextAt,
                notes: [Diagnostic.Note("the file ends here", at: at)])
        case "found unknown escape character":
            return syntax(
                "unknown escape sequence in a double-quoted string; write '\\\\' for a backslash, or use single quotes",
                note: "the string starts here")
        case "did not find expected comment or line break" where context == "while scanning a block scalar":
            return syntax("a block scalar's '|' or '>' must end its line; start the text on the next line")
        case "did not find expected whitespace or line break" where context == "while scanning a tag":
            return syntax("a tag must be followed by a space before the value")
        case "found unexpected ':'":
            return syntax("unexpected ':' inside a plain value; quote the value")
        case "mapping keys are not allowed in this context":
            return syntax("unexpected '?' key indicator here; check this line's indentation")
        case "found undefined tag handle":
            return YAMLError(.yamlUnknownTag, "unknown tag handle; only '!' and '!!' are defined", at: contextAt)
        default:
            let message = context.map { "\(problem) (\($0))" } ?? problem
            return syntax(message, note: context.map { _ in "libyaml was reading from here" })
        }
    }
}
