/// Why a call naming a task token was refused (the service turns these into AWS's errors).
public enum CallbackError: Error, Sendable, Hashable {
    /// Not a token this engine issues (AWS's InvalidToken).
    case invalidToken
    /// A well-formed token no task of this engine holds (AWS's TaskDoesNotExist).
    case taskDoesNotExist
    /// The task ended (answered, timed out, stopped) (AWS's TaskTimedOut).
    case taskTimedOut
}
