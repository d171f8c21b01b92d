/// One finding about a source: what is wrong, where, and how serious.
///
/// Loading, rendering and validation return diagnostics as values and keep going
/// after the first one, so a user sees every problem in one run. `throw` is kept
/// for "cannot continue" (an unreadable file), never for a problem in a source.
public struct Diagnostic: Hashable, Sendable {
    /// Our stable rule id, e.g. `validation.next-unknown-state`.
    public var id: DiagnosticID
    /// AWS's ValidateStateMachineDefinition code where one applies
    /// (`SCHEMA_VALIDATION_FAILED`, `MISSING_TRANSITION_TARGET` …), else nil.
    public var code: String?
    public var severity: Severity
    /// One sentence; names the offending value in quotes and suggests a fix when one exists.
    public var message: String
    /// Where the problem is in a source file, when it came from one.
    public var location: SourceLocation?
    /// The location inside the definition in AWS's form (`/States/Load/Next`), when the
    /// problem is about an ASL definition; it is what ValidateStateMachineDefinition reports.
    public var path: String?
    /// Related places: "state 'Load' is declared here", "used from workflows/etl.yaml:18:14".
    public var notes: [Note]

    /// A secondary message attached to a diagnostic, with its own optional location.
    public struct Note: Hashable, Sendable {
        public var message: String
        public var location: SourceLocation?

        public init(_ message: String, at location: SourceLocation? = nil) {
            self.message = message
            self.location = location
        }
    }

    public init(
        _ id: DiagnosticID, code: String? = nil, severity: Severity = .error, message: String,
        at location: SourceLocation? = nil, path: String? = nil, notes: [Note] = []
    ) {
        self.id = id
        self.code = code
        self.severity = severity
        self.message = message
        self.location = location
        self.path = path
        self.notes = notes
    }

    /// The bracketed label shown after the severity: AWS's code and our rule name
    /// (`MISSING_TRANSITION_TARGET/next-unknown-state`), or our full id when AWS has no code.
    public var label: String {
        if let code { return "\(code)/\(id.name)" }
        return id.description
    }

    public var isError: Bool { severity == .error }
}

extension Diagnostic: Comparable {
    /// Orders by file position, then severity, then id, so output is stable across runs.
    public static func < (lhs: Diagnostic, rhs: Diagnostic) -> Bool {
        switch (lhs.location, rhs.location) {
        case let (l?, r?) where l != r: return l < r
        case (nil, _?): return false
        case (_?, nil): return true
        default: break
        }
        if lhs.severity != rhs.severity { return lhs.severity < rhs.severity }
        if lhs.id.description != rhs.id.description { return lhs.id.description < rhs.id.description }
        if (lhs.path ?? "") != (rhs.path ?? "") { return (lhs.path ?? "") < (rhs.path ?? "") }
        return lhs.message < rhs.message
    }
}

extension Array where Element == Diagnostic {
    public var hasErrors: Bool { contains { $0.severity == .error } }
    public var errorCount: Int { count { $0.severity == .error } }
    public var warningCount: Int { count { $0.severity == .warning } }
}
