import ArgumentParser

/// `--color auto|always|never`: colour only on a terminal unless told otherwise.
public enum ColorChoice: String, ExpressibleByArgument, CaseIterable, Sendable {
    case auto, always, never

    func enabled(for console: Console) -> Bool {
        switch self {
        case .always: true
        case .never: false
        case .auto: console.isTerminal && !environmentDisablesColor
        }
    }

    /// The NO_COLOR convention (no-color.org).
    private var environmentDisablesColor: Bool {
        guard let value = getenvString("NO_COLOR") else { return false }
        return !value.isEmpty
    }
}
