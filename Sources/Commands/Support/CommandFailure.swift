import ArgumentParser

/// A tool error: the command cannot do what was asked (not a finding about sources,
/// which are diagnostics). `userFixable` errors tell the user what to change; the
/// others are our bugs and ask to be reported.
struct CommandFailure: Error, CustomStringConvertible {
    let message: String
    var userFixable = true

    var description: String {
        userFixable ? message : "\(message)\nThis is a bug in sfn; please report it with the command you ran."
    }
}

extension Console {
    /// Prints a tool error as one line on stderr and returns the exit code to use.
    func report(_ failure: CommandFailure) -> ExitCode {
        err("error: \(failure.description)\n")
        return ExitCode(1)
    }
}
