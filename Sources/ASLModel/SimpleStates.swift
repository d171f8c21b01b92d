public import JSONValue

/// A `Pass` state: passes its input (or a fixed `Result`) to its output.
public struct PassState: Sendable, Hashable {
    public var common: StateCommon
    public var transition: Transition
    public var result: JSON?

    public init(common: StateCommon, transition: Transition, result: JSON? = nil) {
        self.common = common
        self.transition = transition
        self.result = result
    }
}

/// A `Succeed` state: stops the (sub-)machine successfully.
public struct SucceedState: Sendable, Hashable {
    public var common: StateCommon

    public init(common: StateCommon) { self.common = common }
}

/// A `Fail` state: stops the execution with an error name and a cause, each fixed,
/// read from the input (`ErrorPath`/`CausePath`, which may be intrinsic calls), or a
/// JSONata expression.
public struct FailState: Sendable, Hashable {
    public var common: StateCommon
    public var error: StringSetting?
    public var cause: StringSetting?

    public init(common: StateCommon, error: StringSetting? = nil, cause: StringSetting? = nil) {
        self.common = common
        self.error = error
        self.cause = cause
    }
}

/// A string setting that is literal or read by a `…Path` field (Fail's `Error`/`ErrorPath`).
public enum StringSetting: Sendable, Hashable {
    case value(String)
    case path(String)
}

/// A `Wait` state: pauses for a number of seconds or until a timestamp.
public struct WaitState: Sendable, Hashable {
    public var common: StateCommon
    public var transition: Transition
    public var duration: WaitDuration

    public init(common: StateCommon, transition: Transition, duration: WaitDuration) {
        self.common = common
        self.transition = transition
        self.duration = duration
    }
}

/// What a Wait state waits for: exactly one of `Seconds`, `Timestamp`, `SecondsPath`,
/// `TimestampPath` (JSONata: `Seconds` or `Timestamp`, each maybe an expression).
public enum WaitDuration: Sendable, Hashable {
    case seconds(NumberSetting)
    case timestamp(String)
    case timestampPath(String)
    case timestampExpression(String)
}
