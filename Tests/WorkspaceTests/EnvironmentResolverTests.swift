import Diagnostics
import JSONValue
import TestSupport
import Testing
@testable import Workspace

@Suite struct EnvironmentResolverTests {
    static let workflow = ["workflows/flow.yaml": "StartAt: A\nStates: {A: {Type: Pass, Result: '${answer}', End: true}}\n"]

    @Test func extendsMergesMappingsAndReplacesListsAndScalars() throws {
        let (renderer, loadDiagnostics) = Fixture.renderer(Self.workflow.merging([
            "sfn.yaml": "region: us-east-1\nalias: current\n",
            "environments/base.yaml": """
                abstract: true
                account: "111111111111"
                target: {kind: aws, profile: base}
                include: [flow, other]
                vars:
                  answer: 1
                  lambda: {a: base-a, b: base-b}
                  list: [1, 2, 3]
                """,
            "environments/prod.yaml": """
                extends: base
                account: "222222222222"
                target: {profile: prod}
                include: [flow]
                vars:
                  lambda: {b: prod-b}
                  list: [9]
                """,
        ]))
        #expect(loadDiagnostics.isEmpty)
        let (environment, diagnostics) = renderer.environment("prod")
        let prod = try #require(environment)
        #expect(diagnostics.filter { $0.severity == .error }.isEmpty)
        #expect(prod.chain == ["prod", "base"])
        #expect(prod.files == ["environments/prod.yaml", "environments/base.yaml", "sfn.yaml"])
        #expect(prod.region == "us-east-1")
        #expect(prod.account == "222222222222")
        #expect(prod.alias == "current")
        #expect(prod.naming == "${workflow}-${env}")
        #expect(prod.target == DeploymentTarget(kind: .aws, url: nil, region: nil, profile: "prod", raw: ["kind": "aws", "profile": "prod"]))
        #expect(prod.vars["lambda"] == ["a": "base-a", "b": "prod-b"])
        #expect(prod.vars["list"] == [9])
        #expect(prod.include == ["flow"])
        #expect(prod.isAbstract == false)
        // Each merged value remembers the file it came from.
        #expect(prod.settings.sourceMap[["vars", "lambda", "a"]]?.location.file == "environments/base.yaml")
        #expect(prod.settings.sourceMap[["vars", "lambda", "b"]]?.location.file == "environments/prod.yaml")
        #expect(prod.settings.sourceMap[["vars", "list", .index(1)]] == nil)
    }

    @Test func anExtendsCycleIsOneErrorNamingTheCycle() {
        let dev = MarkedText("extends: 1️⃣staging\n", file: "environments/dev.yaml")
        let (renderer, _) = Fixture.renderer([
            dev.file: dev.text, "environments/staging.yaml": "extends: dev\n",
        ])
        let (environment, diagnostics) = renderer.environment("staging")
        #expect(environment == nil)
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.id == DiagnosticID("workspace", "extends-cycle"))
        #expect(diagnostics.first?.message == "environments extend each other in a cycle: staging → dev → staging")
        #expect(diagnostics.first?.location == dev["1️⃣"])
    }

    @Test func extendingAMissingEnvironmentSuggestsTheNearest() {
        let prod = MarkedText("extends: 1️⃣bsae\n", file: "environments/prod.yaml")
        let result = Fixture.render(Self.workflow.merging([prod.file: prod.text, "environments/base.yaml": "region: x\n"]),
                                    workflow: "flow", environment: "prod")
        #expect(result.rendered == nil)
        #expect(result.diagnostics.count == 1)
        #expect(result.diagnostics.first?.message == "environment 'prod' extends 'bsae', which does not exist (did you mean \"base\"?)")
        #expect(result.diagnostics.first?.location == prod["1️⃣"])
    }

    @Test func anUnknownEnvironmentSuggestsTheNearest() {
        let result = Fixture.render(Self.workflow.merging(Fixture.dev), workflow: "flow", environment: "dve")
        #expect(result.diagnostics.map(\.message) == ["unknown environment 'dve' (did you mean \"dev\"?)"])
    }

    @Test func excludedWorkflowsAreSkippedAndRefused() throws {
        let files = [
            "workflows/etl-daily.yaml": "StartAt: A\nStates: {A: {Type: Succeed}}\n",
            "workflows/etl-hourly.yaml": "StartAt: A\nStates: {A: {Type: Succeed}}\n",
            "workflows/ml.yaml": "StartAt: A\nStates: {A: {Type: Succeed}}\n",
            "environments/dev.yaml": "exclude: ['etl-h*']\n",
            "environments/prod.yaml": "include: ['etl-*']\n",
        ]
        let (renderer, _) = Fixture.renderer(files)
        let dev = renderer.renderAll(environment: "dev")
        #expect(dev.results.map(\.workflowID) == ["etl-daily", "ml"])
        #expect(dev.excluded == ["etl-hourly"])
        let prod = renderer.renderAll(environment: "prod")
        #expect(prod.results.map(\.workflowID) == ["etl-daily", "etl-hourly"])

        let refused = renderer.render(workflow: "etl-hourly", environment: "dev")
        #expect(refused.rendered == nil)
        #expect(refused.diagnostics.map(\.message) == ["workflow 'etl-hourly' is excluded from environment 'dev' by 'etl-h*'"])
        #expect(refused.diagnostics.first?.location?.file == "environments/dev.yaml")
        #expect(renderer.render(workflow: "ml", environment: "prod").diagnostics.map(\.message)
            == ["workflow 'ml' is not in the 'include' list of environment 'prod'"])
    }

    @Test func unknownWorkflowIdsInListsAndOverridesAreWarnings() {
        let dev = MarkedText("""
            exclude: [1️⃣flwo, 'zz*']
            overrides:
              2️⃣flw: {type: EXPRESS}
            """, file: "environments/dev.yaml")
        let (renderer, _) = Fixture.renderer(Self.workflow.merging([dev.file: dev.text]))
        let (_, diagnostics) = renderer.environment("dev")
        #expect(diagnostics.map(\.severity) == [.warning, .warning, .warning])
        #expect(diagnostics.map(\.message) == [
            "'exclude' of environment 'dev': there is no workflow 'flwo' (did you mean \"flow\"?)",
            "'exclude' of environment 'dev': pattern 'zz*' matches no workflow",
            "'overrides' of environment 'dev': there is no workflow 'flw' (did you mean \"flow\"?)",
        ])
        #expect(diagnostics[0].location == dev["1️⃣"])
        #expect(diagnostics[2].location == dev["2️⃣"])
    }

    @Test func overridesChangeOneWorkflowOnly() throws {
        let files = [
            "workflows/a.yaml": "name: Alpha\ntags: {team: a}\ndefinition: {StartAt: S, States: {S: {Type: Pass, Result: '${answer}', End: true}}}\n",
            "workflows/b.yaml": "role: arn:b\ndefinition: {StartAt: S, States: {S: {Type: Pass, Result: '${answer}', End: true}}}\n",
            "environments/dev.yaml": """
                role: arn:default
                tags: {env: dev, team: platform}
                vars: {answer: 1}
                overrides:
                  a:
                    type: EXPRESS
                    role: arn:special
                    tags: {cost: low}
                    vars: {answer: 2}
                  b:
                    naming: Exact-${workflow}
                """,
        ]
        let (renderer, loadDiagnostics) = Fixture.renderer(files)
        #expect(loadDiagnostics.isEmpty)
        let a = try #require(renderer.render(workflow: "a", environment: "dev").rendered)
        #expect(a.type == .express)
        #expect(a.role == "arn:special")
        #expect(a.definition.value["States"]?["S"]?["Result"] == 2)
        #expect(a.tags.map { "\($0.key)=\($0.value)" } == ["env=dev", "team=a", "cost=low"])
        #expect(a.stateMachineName == "Alpha-dev")
        let b = try #require(renderer.render(workflow: "b", environment: "dev").rendered)
        #expect(b.type == .standard)
        #expect(b.role == "arn:b")
        #expect(b.stateMachineName == "Exact-b")
        #expect(b.definition.value["States"]?["S"]?["Result"] == 1)
    }

    @Test func anUnknownOverrideKeyIsAnError() {
        let dev = MarkedText("overrides:\n  flow: {1️⃣rloe: x}\n", file: "environments/dev.yaml")
        let (renderer, _) = Fixture.renderer(Self.workflow.merging([dev.file: dev.text]))
        let (_, diagnostics) = renderer.environment("dev")
        #expect(diagnostics.map(\.message) == ["unknown key 'rloe' in the override of 'flow' (did you mean \"role\"?)"])
        #expect(diagnostics.first?.location == dev["1️⃣"])
    }

    @Test func targetKindsAreChecked() {
        let dev = MarkedText("target: {kind: 1️⃣lokal}\n", file: "environments/dev.yaml")
        let (renderer, _) = Fixture.renderer([dev.file: dev.text, "environments/e.yaml": "target: {kind: endpoint}\n"])
        #expect(renderer.environment("dev").diagnostics.map(\.message) == ["target kind 'lokal' is not one of local, endpoint, aws (did you mean \"local\"?)"])
        #expect(renderer.environment("dev").diagnostics.first?.location == dev["1️⃣"])
        #expect(renderer.environment("e").diagnostics.map(\.message) == ["an 'endpoint' target needs a 'url' (for example http://localhost:8083)"])
    }
}

@Suite struct KeepVersionsSettingTests {
    @Test func keepVersionsIsReadFromTheTarget() throws {
        let (renderer, _) = Fixture.renderer(EnvironmentResolverTests.workflow.merging([
            "environments/prod.yaml": "target: {kind: aws, keep_versions: 50}\nvars: {answer: 1}\n",
        ]))
        let (environment, diagnostics) = renderer.environment("prod")
        #expect(diagnostics.filter { $0.severity == .error }.isEmpty)
        #expect(try #require(environment).target.keepVersions == 50)
    }

    @Test(arguments: ["0", "1001", "2.5", "many"])
    func anInvalidKeepVersionsIsAnErrorAtItsValue(_ written: String) {
        let prod = MarkedText("target: {kind: aws, keep_versions: 1️⃣\(written)}\nvars: {answer: 1}\n", file: "environments/prod.yaml")
        let result = Fixture.render(EnvironmentResolverTests.workflow.merging([prod.file: prod.text]), workflow: "flow", environment: "prod")
        let error = result.diagnostics.first { $0.severity == .error }
        #expect(error?.id == DiagnosticID("workspace", "invalid-target"))
        #expect(error?.message.hasPrefix("'keep_versions' must be a whole number from 1 to 1000") == true, "\(String(describing: error))")
        #expect(error?.location == prod["1️⃣"])
    }
}
