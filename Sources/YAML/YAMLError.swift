public import Diagnostics

/// Why a YAML source could not be read: one positioned problem.
///
/// A YAML syntax error leaves no way to continue (libyaml cannot resynchronise), so
/// the parser stops at the first problem; it is always the first real one, with the
/// exact line and column a user should look at, and notes for related places
/// ("the mapping starts here", "'Name' is first defined here").
public struct YAMLError: Error, Sendable, CustomStringConvertible {
    /// One sentence saying what is wrong, naming the offending text in quotes.
    public let message: String
    /// Where the problem is: 1-based line, column in Unicode scalars.
    public let location: SourceLocation
    /// The same problem as a `Diagnostic` (domain `yaml`), ready for the renderers.
    public let diagnostic: Diagnostic

    init(_ id: DiagnosticID, _ message: String, at location: SourceLocation, notes: [Diagnostic.Note] = []) {
        self.message = message
        self.location = location
        self.diagnostic = Diagnostic(id, message: message, at: location, notes: notes)
    }

    /// The stable id of the problem (`yaml.duplicate-key` …).
    public var id: DiagnosticID { diagnostic.id }

    public var description: String { "\(location): error[\(diagnostic.id)]: \(message)" }
}

/// The ids of problems found while reading YAML. Stable: tests and CI filters name them.
extension DiagnosticID {
    /// The text is not well-formed YAML (libyaml's scanner or parser refused it).
    public static let yamlSyntax = DiagnosticID("yaml", "syntax")
    /// A tab where YAML needs spaces for indentation.
    public static let yamlTabIndentation = DiagnosticID("yaml", "tab-indentation")
    /// The same key twice in one mapping.
    public static let yamlDuplicateKey = DiagnosticID("yaml", "duplicate-key")
    /// A second document (`---` again, or content after `...`) in a file that holds one.
    public static let yamlMultipleDocuments = DiagnosticID("yaml", "multiple-documents")
    /// A tag other than the core schema's (`!Ref`, `!!binary` …).
    public static let yamlUnknownTag = DiagnosticID("yaml", "unknown-tag")
    /// An alias used inside the node its anchor is defining (`&a [*a]`).
    public static let yamlAliasCycle = DiagnosticID("yaml", "alias-cycle")
    /// An alias whose anchor was never defined before it.
    public static let yamlUndefinedAlias = DiagnosticID("yaml", "undefined-alias")
    /// Aliases expanding to more nodes or bytes than any real workflow needs (an alias bomb).
    public static let yamlAliasExpansionLimit = DiagnosticID("yaml", "alias-expansion-limit")
    /// A mapping or sequence used as a mapping key; JSON keys are strings.
    public static let yamlInvalidKey = DiagnosticID("yaml", "invalid-key")
    /// A merge key (`<<`) whose value is not a mapping or a list of mappings.
    public static let yamlInvalidMerge = DiagnosticID("yaml", "invalid-merge")
    /// Bytes that are not UTF-8 text (binary files, other encodings, control characters).
    public static let yamlInvalidUTF8 = DiagnosticID("yaml", "invalid-utf8")
    /// A scalar that JSON cannot hold (`.inf`, `.nan`) or that contradicts its tag (`!!int abc`).
    public static let yamlInvalidValue = DiagnosticID("yaml", "invalid-value")
    /// Collections nested deeper than the parser allows.
    public static let yamlTooDeep = DiagnosticID("yaml", "too-deeply-nested")
}
