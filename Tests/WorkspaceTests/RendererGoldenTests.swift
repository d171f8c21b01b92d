import Diagnostics
import JSONValue
import TestSupport
import Testing
@testable import Workspace

/// The rendered output of a small repository, checked against golden files
/// (re-record with SFN_RECORD_GOLDEN=1).
@Suite struct RendererGoldenTests {
    static let repository: [String: String] = [
        "sfn.yaml": "region: us-east-1\naccount: \"123456789012\"\nnaming: \"${workflow}-${env}\"\nalias: live\n",
        "environments/base.yaml": """
            abstract: true
            role: arn:aws:iam::${account}:role/sfn-${env}
            tags: {managed-by: sfn}
            vars:
              lambda:
                process: arn:aws:lambda:${region}:${account}:function:process-${env}
                save: arn:aws:lambda:${region}:${account}:function:save-${env}
              retry: {interval: 2, attempts: 3}
            """,
        "environments/dev.yaml": "extends: base\nvars: {retry: {attempts: 1}}\n",
        "environments/prod.yaml": """
            extends: base
            region: eu-west-1
            account: "210987654321"
            overrides:
              data-processing:
                tags: {criticality: high}
            """,
        "templates/retry-transient.yaml": """
            ErrorEquals: [Lambda.ServiceException, States.Timeout]
            IntervalSeconds: ${retry.interval}
            MaxAttempts: ${retry.attempts}
            BackoffRate: 2
            """,
        "workflows/data-processing.yaml": """
            name: DataProcessingWorkflow
            type: STANDARD
            tags: {team: data}
            definition:
              Comment: Data processing workflow
              StartAt: ProcessData
              States:
                ProcessData:
                  Type: Task
                  Resource: ${lambda.process}
                  Retry:
                    - $template: retry-transient
                  Next: SaveResults
                SaveResults:
                  Type: Task
                  Resource: "${lambda.save}"
                  Parameters:
                    literal: "$${not-a-variable}"
                    input.$: $.result
                  End: true
            """,
        "workflows/hello.json": #"{"StartAt": "Hello", "States": {"Hello": {"Type": "Pass", "Result": "hello from ${env}", "End": true}}}"#,
    ]

    static func describe(_ rendered: RenderedWorkflow) -> String {
        var lines = [
            "id: \(rendered.id)", "baseName: \(rendered.baseName)", "stateMachineName: \(rendered.stateMachineName)",
            "type: \(rendered.type.rawValue)", "role: \(rendered.role ?? "-")",
            "tags: \(rendered.tags.map { "\($0.key)=\($0.value)" }.joined(separator: ", "))",
            "environment: \(rendered.environment)", "alias: \(rendered.alias)", "region: \(rendered.region)",
            "account: \(rendered.account)", "sha256: \(rendered.sha256)",
            "sources: \(rendered.sources.joined(separator: ", "))",
        ]
        lines.append(rendered.definition.value.serialized(.pretty))
        return lines.joined(separator: "\n") + "\n"
    }

    @Test(arguments: ["dev", "prod"])
    func renderAllMatchesTheGoldenFile(environment: String) throws {
        let (renderer, loadDiagnostics) = Fixture.renderer(Self.repository)
        #expect(loadDiagnostics.isEmpty)
        let outcome = renderer.renderAll(environment: environment)
        #expect(outcome.allDiagnostics.isEmpty)
        let text = outcome.results.compactMap(\.rendered).map(Self.describe).joined(separator: "---\n")
        try GoldenFile.check(text, against: GoldenFile.directory() + "/render-\(environment).txt")
    }

    @Test func theAbstractBaseStillRendersWhenAskedDirectly() {
        let (renderer, _) = Fixture.renderer(Self.repository)
        #expect(renderer.render(workflow: "hello", environment: "base").rendered?.stateMachineName == "hello-base")
        #expect(renderer.project.deployableEnvironmentNames == ["dev", "prod"])
    }
}
