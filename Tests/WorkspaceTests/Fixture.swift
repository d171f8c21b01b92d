import Diagnostics
import JSONValue
import TestSupport
@testable import Workspace

/// Small in-memory repositories for tests.
enum Fixture {
    static func load(_ files: [String: String]) -> LoadResult {
        ProjectLoader.load(from: InMemorySourceTree(files))
    }

    static func renderer(_ files: [String: String]) -> (Renderer, [Diagnostic]) {
        let loaded = load(files)
        return (Renderer(project: loaded.project), loaded.diagnostics)
    }

    /// Loads and renders one workflow; load diagnostics come first.
    static func render(
        _ files: [String: String], workflow: String, environment: String = "dev", overrides: [String: JSON] = [:]
    ) -> RenderResult {
        let (renderer, loadDiagnostics) = renderer(files)
        var result = renderer.render(workflow: workflow, environment: environment, overrides: overrides)
        result.diagnostics = loadDiagnostics + result.diagnostics
        return result
    }

    /// A minimal environment named `dev`.
    static let dev = ["environments/dev.yaml": "region: eu-west-1\naccount: \"111122223333\"\n"]

    /// The errors only (not warnings or notes).
    static func errors(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        diagnostics.filter { $0.severity == .error }
    }
}

extension Dictionary where Key == String, Value == String {
    func merging(_ other: [String: String]) -> [String: String] { merging(other) { $1 } }
}
