import Diagnostics
import Foundation
import Testing
@testable import Workspace

/// This repository's own example (workflows/, environments/, templates/ at its root)
/// renders cleanly in every environment, read from disk through `DirectorySourceTree`.
@Suite struct ExampleRepositoryTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    @Test func everyWorkflowRendersInEveryEnvironment() throws {
        let loaded = ProjectLoader.load(from: DirectorySourceTree(root: Self.root))
        try #require(!loaded.project.workflows.isEmpty, "the example repository is missing")
        #expect(loaded.diagnostics.isEmpty, "\(TextDiagnosticRenderer().render(loaded.diagnostics))")
        let renderer = Renderer(project: loaded.project)
        for environment in loaded.project.deployableEnvironmentNames {
            let outcome = renderer.renderAll(environment: environment)
            #expect(outcome.allDiagnostics.isEmpty, "\(environment): \(TextDiagnosticRenderer().render(outcome.allDiagnostics))")
            #expect(outcome.results.allSatisfy { $0.rendered != nil })
            for rendered in outcome.results.compactMap(\.rendered) {
                #expect(!rendered.definition.value.serialized(.compact).contains("${"), "\(rendered.id) in \(environment)")
            }
        }
    }
}
