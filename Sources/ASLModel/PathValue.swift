/// The value of a JSONPath-mode path field (`InputPath`, `OutputPath`, `ResultPath`):
/// a path, or `null`, which ASL gives its own meaning (discard the input, the result,
/// or produce `{}`). An absent field is represented by `nil` and means `$`.
public enum PathValue: Sendable, Hashable {
    case path(String)
    case null
}
