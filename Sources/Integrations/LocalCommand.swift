/// How to run a function as a local program. The task's input arrives on stdin as compact
/// JSON; the program's stdout, parsed as JSON, is the result.
///
///     LocalCommand(executable: "python3", arguments: ["handlers/charge.py"], workingDirectory: repo)
///
/// Never run through a shell unless `shell` is set; then `executable` is a shell script
/// (`/bin/sh -c`) and `arguments` are its positional parameters `$1…`.
public struct LocalCommand: Sendable, Hashable {
    /// A path (relative ones against `workingDirectory`) or a name looked up on `PATH`.
    public var executable: String
    public var arguments: [String]
    public var workingDirectory: String?
    /// Variables set for the program, over the inherited environment (or alone).
    public var environment: [String: String]
    public var inheritEnvironment: Bool
    public var shell: Bool
    /// The largest stdout accepted: AWS's 256 KiB payload limit by default.
    public var outputLimit: Int

    public init(
        executable: String, arguments: [String] = [], workingDirectory: String? = nil, environment: [String: String] = [:],
        inheritEnvironment: Bool = true, shell: Bool = false, outputLimit: Int = 256 * 1024
    ) {
        self.executable = executable
        self.arguments = arguments
        self.workingDirectory = workingDirectory
        self.environment = environment
        self.inheritEnvironment = inheritEnvironment
        self.shell = shell
        self.outputLimit = outputLimit
    }

    /// A readable form for causes: `python3 handler.py`.
    public var displayName: String {
        ([executable] + arguments).joined(separator: " ")
    }
}
