import Foundation

/// Where command output goes. Commands and views never call `print`: they write here,
/// so tests capture output and the choice of colour is made once.
public struct Console: Sendable {
    public var writeOut: @Sendable (String) -> Void
    public var writeErr: @Sendable (String) -> Void
    /// Whether stdout is a terminal (colour, progress lines, prompts are allowed).
    public var isTerminal: Bool

    public init(writeOut: @escaping @Sendable (String) -> Void, writeErr: @escaping @Sendable (String) -> Void, isTerminal: Bool) {
        self.writeOut = writeOut
        self.writeErr = writeErr
        self.isTerminal = isTerminal
    }

    /// The process's stdout and stderr.
    public static var standard: Console {
        Console(
            writeOut: { text in FileHandle.standardOutput.write(Data(text.utf8)) },
            writeErr: { text in FileHandle.standardError.write(Data(text.utf8)) },
            isTerminal: isatty(STDOUT_FILENO) == 1)
    }

    public func out(_ text: String) { writeOut(text) }
    public func err(_ text: String) { writeErr(text) }

    /// The console commands use; tests replace it for the duration of a call.
    @TaskLocal public static var current: Console = .standard
}
