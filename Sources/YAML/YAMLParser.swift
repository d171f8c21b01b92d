import Diagnostics
public import JSONValue

/// Reads YAML 1.2 (core schema) through libyaml into `JSON` plus a source map of every node.
///
/// What a workflow author can rely on:
/// - only `true`/`false` are booleans (`yes`, `no`, `on`, `off` stay strings); `~`,
///   `null` and empty are null; integers (decimal, `0o`, `0x`) and decimal floats are
///   numbers kept exactly as written; quoted scalars are always strings;
/// - anchors, aliases and merge keys (`<<`) are expanded; core tags (`!!str` …) apply;
/// - every node's position is in the source map (`location`, and `keyLocation` for
///   members), and nodes reached through an alias point at the anchored text;
/// - one file is one document; the first problem stops the parse with a positioned
///   `YAMLError` (duplicate keys, unknown tags, tabs, alias bombs, binary input …).
public enum YAMLParser {
    /// Parses `text` as one YAML document. An empty stream, or one with only
    /// comments, is `.null` (callers report an empty file in their own words).
    public static func parseDocument(_ text: String, file: String) throws(YAMLError) -> SourceDocument {
        var text = text
        let result = text.withUTF8 { buffer in parse(buffer, file: file) }
        return try result.get()
    }

    /// Parses UTF-8 bytes as one YAML document; bytes that are not UTF-8 text (a binary
    /// file, UTF-16, control characters) are refused with `yaml.invalid-utf8`.
    public static func parseDocument(utf8 bytes: [UInt8], file: String) throws(YAMLError) -> SourceDocument {
        let result = bytes.withUnsafeBufferPointer { buffer in parse(buffer, file: file) }
        return try result.get()
    }

    /// Convenience for tests and tools: the value only, positions under `<input>`.
    public static func parse(_ text: String) throws(YAMLError) -> JSON {
        try parseDocument(text, file: "<input>").value
    }

    private static func parse(_ buffer: UnsafeBufferPointer<UInt8>, file: String) -> Result<SourceDocument, YAMLError> {
        if let problem = TextCheck.firstProblem(buffer) {
            let (line, column) = TextCheck.position(ofByte: problem.offset, in: buffer)
            return .failure(YAMLError(
                .yamlInvalidUTF8, problem.message, at: SourceLocation(file: file, line: line, column: column)))
        }
        do {
            let (value, sourceMap) = try LibYAMLReader.read(buffer, file: file)
            return .success(SourceDocument(value: value, sourceMap: sourceMap, file: file))
        } catch {
            return .failure(error)
        }
    }
}
