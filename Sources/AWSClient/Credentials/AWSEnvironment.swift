import Foundation

/// What credential and region resolution may read: environment variables, the home directory,
/// and files.
///
/// A value rather than direct `ProcessInfo`/file calls, so tests run the whole provider chain
/// against tables of variables and temporary files without touching the real `~/.aws`.
public struct AWSEnvironment: Sendable {
    public var variables: [String: String]
    public var homeDirectory: String?
    /// Returns a file's text, `nil` when it does not exist, or throws when it exists but cannot be read.
    public var readFile: @Sendable (String) throws(AWSClientError) -> String?

    public init(
        variables: [String: String], homeDirectory: String?,
        readFile: @escaping @Sendable (String) throws(AWSClientError) -> String? = AWSEnvironment.readFileFromDisk
    ) {
        self.variables = variables
        self.homeDirectory = homeDirectory
        self.readFile = readFile
    }

    /// The process's environment and home directory.
    public static var process: AWSEnvironment {
        let variables = ProcessInfo.processInfo.environment
        return AWSEnvironment(variables: variables, homeDirectory: variables["HOME"] ?? NSHomeDirectory())
    }

    /// A variable's value, with the empty string treated as unset (as the CLI does).
    public subscript(name: String) -> String? {
        guard let value = variables[name], !value.isEmpty else { return nil }
        return value
    }

    /// `AWS_SHARED_CREDENTIALS_FILE` or `~/.aws/credentials`.
    public var credentialsFilePath: String? { path(variable: "AWS_SHARED_CREDENTIALS_FILE", default: "credentials") }
    /// `AWS_CONFIG_FILE` or `~/.aws/config`.
    public var configFilePath: String? { path(variable: "AWS_CONFIG_FILE", default: "config") }

    /// The profile to use: `AWS_PROFILE`, else `AWS_DEFAULT_PROFILE` (the CLI's older name), else `default`.
    public var profileName: String { self["AWS_PROFILE"] ?? self["AWS_DEFAULT_PROFILE"] ?? "default" }

    /// Reads and parses a shared file; `nil` when it does not exist.
    func configFile(at path: String?) throws(AWSClientError) -> AWSConfigFile? {
        guard let path, let text = try readFile(path) else { return nil }
        return try AWSConfigFile(parsing: text, path: path)
    }

    private func path(variable: String, default name: String) -> String? {
        if let explicit = self[variable] { return expandingTilde(explicit) }
        guard let home = homeDirectory else { return nil }
        return home + "/.aws/" + name
    }

    private func expandingTilde(_ path: String) -> String {
        guard path.hasPrefix("~/"), let home = homeDirectory else { return path }
        return home + path.dropFirst()
    }

    /// Reads UTF-8 text from disk; a missing file is `nil`, any other failure an `unreadableFile` error.
    @Sendable public static func readFileFromDisk(_ path: String) throws(AWSClientError) -> String? {
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw AWSClientError(.unreadableFile, "cannot read the AWS shared file '\(path)'; check its permissions")
        }
        return String(decoding: data, as: UTF8.self)
    }
}
