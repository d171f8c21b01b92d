import ArgumentParser

/// `--output text|json`: the human view, or the same content as one JSON document.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable, Sendable {
    case text
    case json
}
