/// A parsed AWS shared file (`~/.aws/credentials` or `~/.aws/config`): sections of lowercase keys.
///
/// The grammar is the AWS CLI's (Python's `configparser` as botocore uses it): `[section]`
/// headers; `key = value` or `key: value` with the key lowercased and both sides trimmed; full-line
/// comments starting with `#` or `;`; indented lines continuing the previous value (the nested
/// `s3 =` blocks). Text after a value is part of the value: the CLI has no inline comments, and a
/// secret key may contain `#`. A repeated section or key merges, the later value winning.
public struct AWSConfigFile: Hashable, Sendable {
    /// Section name (as written between the brackets, trimmed) → key → value.
    public var sections: [String: [String: String]]
    /// Where the text came from, for messages.
    public var path: String

    public init(sections: [String: [String: String]] = [:], path: String) {
        self.sections = sections
        self.path = path
    }

    /// Parses the text of a shared file. Lines outside any section and lines that are neither a
    /// header, a comment nor a key-value pair are errors, reported by line number only.
    public init(parsing text: String, path: String) throws(AWSClientError) {
        self.init(path: path)
        var section: String?
        var lastKey: String?
        var lineNumber = 0
        for rawLine in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            let line = rawLine.hasSuffix("\r") ? rawLine.dropLast() : rawLine
            let trimmed = AWSConfigFile.trim(line)
            if trimmed.isEmpty || trimmed.hasPrefix("#") || trimmed.hasPrefix(";") { continue }
            let indented = line.first == " " || line.first == "\t"
            if indented, let current = section, let key = lastKey {
                let previous = sections[current]?[key] ?? ""
                sections[current]?[key] = previous.isEmpty ? trimmed : previous + "\n" + trimmed
                continue
            }
            if trimmed.hasPrefix("[") {
                guard let close = trimmed.lastIndex(of: "]") else {
                    throw malformed(lineNumber, "a section header without its closing ']'")
                }
                let name = AWSConfigFile.trim(trimmed[trimmed.index(after: trimmed.startIndex)..<close])
                guard !name.isEmpty else { throw malformed(lineNumber, "an empty section name") }
                section = name
                lastKey = nil
                sections[name, default: [:]] = sections[name, default: [:]]
                continue
            }
            guard let current = section else {
                throw malformed(lineNumber, "a setting before the first [section] header")
            }
            guard let separator = trimmed.firstIndex(where: { $0 == "=" || $0 == ":" }) else {
                throw malformed(lineNumber, "a line that is not 'key = value'")
            }
            let key = AWSConfigFile.trim(trimmed[..<separator]).lowercased()
            guard !key.isEmpty else { throw malformed(lineNumber, "a setting without a name") }
            sections[current]?[key] = AWSConfigFile.trim(trimmed[trimmed.index(after: separator)...])
            lastKey = key
        }
    }

    /// The settings of profile `name`. In the config file a profile is `[profile name]` (any
    /// whitespace between the words), except `default`, which may also be plain `[default]`;
    /// in the credentials file the section name is the profile name. When both spellings of a
    /// config-file profile exist, `[profile name]` wins, as in the CLI.
    public func profile(_ name: String, isConfigFile: Bool) -> [String: String]? {
        guard isConfigFile else { return sections[name] }
        var plain: [String: String]?
        var prefixed: [String: String]?
        for (section, values) in sections {
            let words = section.split(whereSeparator: { $0 == " " || $0 == "\t" })
            if words.count == 2, words[0] == "profile", words[1] == name[...] {
                prefixed = values
            } else if name == "default", section == "default" {
                plain = values
            }
        }
        return prefixed ?? plain
    }

    private func malformed(_ line: Int, _ what: String) -> AWSClientError {
        AWSClientError(.malformedFile, "\(path):\(line): cannot parse the AWS shared file: \(what)")
    }

    private static func trim(_ text: Substring) -> String {
        String(text.drop(while: { $0 == " " || $0 == "\t" }).reversed().drop(while: { $0 == " " || $0 == "\t" }).reversed())
    }
}
