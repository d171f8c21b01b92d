public import Diagnostics
public import JSONValue

extension SourceDocument {
    /// Where the node at `pointer` was written: its key (for a whole state, or a field
    /// that is missing from an object) or its value (for a bad value). Falls back to
    /// the nearest ancestor that has a position; nil when the document has no source map.
    public func location(of pointer: JSONPointer, atKey: Bool = false) -> SourceLocation? {
        guard let entry = sourceMap.nearest(pointer) else { return nil }
        if atKey, let key = entry.keyLocation { return key }
        return entry.location
    }

    /// A diagnostic about the node at `pointer`, located through the source map, with
    /// AWS's location form as `path` and a "used from" note for each template use.
    ///
    /// `columnOffset` moves the column into a string value (the exact character of a
    /// syntax error inside a path), counted in characters after the opening quote.
    public func diagnostic(
        _ id: DiagnosticID, code: String?, severity: Severity = .error, message: String,
        at pointer: JSONPointer, atKey: Bool = false, columnOffset: Int? = nil, notes: [Diagnostic.Note] = []
    ) -> Diagnostic {
        let entry = sourceMap.nearest(pointer)
        var location: SourceLocation?
        if let entry {
            location = atKey ? (entry.keyLocation ?? entry.location) : entry.location
            if let offset = columnOffset, !atKey, var shifted = location {
                // A quoted scalar starts with its quote; a plain YAML scalar does not.
                let quoted = sourceQuoteCharacterCount(at: entry)
                shifted.column += offset + quoted
                location = shifted
            }
        }
        var allNotes = notes
        for use in entry?.includedFrom ?? [] {
            allNotes.append(Diagnostic.Note("the template is used here", at: use))
        }
        return Diagnostic(
            id, code: code, severity: severity, message: message, at: location,
            path: pointer.validationLocation, notes: allNotes)
    }

    /// 1 when the value at `entry` was written with an opening quote, else 0. Without the
    /// source text we cannot see the quote, so JSON files (always quoted) count 1 and
    /// YAML files count 1 only when the file is not YAML-looking; plain YAML scalars are
    /// the common case there.
    private func sourceQuoteCharacterCount(at entry: SourceMap.Entry) -> Int {
        file.hasSuffix(".yaml") || file.hasSuffix(".yml") ? 0 : 1
    }
}

extension JSONPointer {
    /// The location as ValidateStateMachineDefinition words it: keys unescaped, array
    /// elements as `[i]` on their array (`/States/C/Choices[0]/Next`,
    /// `/States/P/Branches[0]/States/X`), and the document itself as `/`. Measured
    /// against AWS (its MISSING_TRANSITION_TARGET and SCHEMA_VALIDATION_FAILED
    /// diagnostics); `awsLocation` writes indexes as path segments instead.
    public var validationLocation: String {
        if tokens.isEmpty { return "/" }
        var text = ""
        for token in tokens {
            switch token {
            case .key(let key): text += "/" + key
            case .index(let index): text += "[\(index)]"
            }
        }
        return text
    }
}
