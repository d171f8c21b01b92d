public import Diagnostics

/// Why a JSON text could not be read, and where.
///
/// JSON has no recovery worth attempting (one missing comma shifts every later token),
/// so the parser stops at the first problem and throws this. It carries a ready-made
/// `Diagnostic` so loaders can add it to their list like any other finding.
public struct JSONParseError: Error, Sendable, CustomStringConvertible {
    /// One sentence naming what was found and what was expected.
    public var message: String
    /// 1-based line and column (columns count Unicode scalars) of the offending character.
    public var location: SourceLocation
    /// The UTF-8 byte offset of the offending character in the input (a BOM counts).
    public var offset: Int
    /// The same problem as a diagnostic: id `json.<kind>` (`json.syntax`, `json.duplicate-key`,
    /// `json.invalid-utf8` …), with notes pointing at related places (the unclosed `[`,
    /// the first definition of a duplicate key).
    public var diagnostic: Diagnostic

    public init(id: DiagnosticID, message: String, location: SourceLocation, offset: Int, notes: [Diagnostic.Note] = []) {
        self.message = message
        self.location = location
        self.offset = offset
        self.diagnostic = Diagnostic(id, message: message, at: location, notes: notes)
    }

    public var description: String { "\(location): \(message)" }
}

extension JSONParseError {
    /// The kinds of problem the parser reports, as stable diagnostic ids.
    enum Kind: String {
        case syntax
        case emptyDocument = "empty-document"
        case trailingContent = "trailing-content"
        case duplicateKey = "duplicate-key"
        case invalidUTF8 = "invalid-utf8"
        case invalidEscape = "invalid-escape"
        case invalidNumber = "invalid-number"
        case controlCharacter = "control-character"
        case unclosed
        case tooDeep = "too-deep"

        var id: DiagnosticID { DiagnosticID("json", rawValue) }
    }
}
