/// Where a state goes when it completes: a named state in the same scope, or the end
/// of its (sub-)machine. Choice, Succeed and Fail states have none.
public enum Transition: Sendable, Hashable {
    case next(String)
    case end

    /// The target state's name, when there is one.
    public var next: String? { if case .next(let name) = self { name } else { nil } }
}
