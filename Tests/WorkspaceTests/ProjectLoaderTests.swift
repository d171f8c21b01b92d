import ASLModel
import Diagnostics
import JSONValue
import TestSupport
import Testing
@testable import Workspace

@Suite struct ProjectLoaderTests {
    @Test func loadsEnvelopesBareASLEnvironmentsAndTemplates() {
        let loaded = Fixture.load([
            "sfn.yaml": "region: us-west-2\n",
            "workflows/etl.yaml": """
                name: EtlWorkflow
                type: EXPRESS
                role: arn:aws:iam::1:role/x
                tags: {team: data}
                definition:
                  StartAt: A
                  States: {A: {Type: Succeed}}
                """,
            "workflows/bare.json": #"{"StartAt": "A", "States": {"A": {"Type": "Succeed"}}}"#,
            "workflows/README.md": "not a workflow",
            "environments/dev.yaml": "region: eu-west-1\n",
            "templates/retry/fast.yml": "MaxAttempts: 1\n",
        ])
        #expect(loaded.diagnostics.isEmpty)
        let project = loaded.project
        #expect(project.workflowIDs == ["bare", "etl"])
        let etl = project.workflow("etl")
        #expect(etl?.isBareASL == false)
        #expect(etl?.type == .express)
        #expect(etl?.name == "EtlWorkflow")
        #expect(etl?.definition["StartAt"] == "A")
        #expect(etl?.definitionPointer == [.key("definition")])
        #expect(project.workflow("bare")?.isBareASL == true)
        #expect(project.workflow("bare")?.definition["StartAt"] == "A")
        #expect(project.environments["dev"]?.file == "environments/dev.yaml")
        #expect(project.templates["retry/fast"]?.file == "templates/retry/fast.yml")
        #expect(project.settings.file == "sfn.yaml")
        #expect(project.sources.sourceFile(named: "workflows/etl.yaml") != nil)
        // Positions survive loading.
        #expect(etl?.document.sourceMap[["definition", "StartAt"]]?.location == SourceLocation(file: "workflows/etl.yaml", line: 6, column: 12))
    }

    @Test func aWorkflowIdDefinedByTwoFilesIsAnErrorOnTheSecond() {
        let loaded = Fixture.load([
            "workflows/etl.json": #"{"StartAt": "A", "States": {"A": {"Type": "Succeed"}}}"#,
            "workflows/etl.yaml": "StartAt: A\nStates: {A: {Type: Succeed}}\n",
        ])
        #expect(loaded.diagnostics.count == 1)
        let diagnostic = loaded.diagnostics[0]
        #expect(diagnostic.id == DiagnosticID("workspace", "duplicate-id"))
        #expect(diagnostic.message == "workflow 'etl' is defined twice: 'workflows/etl.yaml' repeats 'workflows/etl.json'; keep one of the two files")
        #expect(diagnostic.location == SourceLocation(file: "workflows/etl.yaml", line: 1, column: 1))
        #expect(diagnostic.notes.first?.location == SourceLocation(file: "workflows/etl.json", line: 1, column: 1))
        #expect(loaded.project.workflowIDs == ["etl"])
    }

    @Test func anEmptyFileIsOneError() {
        for text in ["", "\n  \n", "# only a comment\n"] {
            let loaded = Fixture.load(["workflows/x.yaml": text])
            #expect(loaded.diagnostics.count == 1, "\(text.debugDescription)")
            #expect(loaded.diagnostics.first?.id == DiagnosticID("workspace", "empty-file"))
            #expect(loaded.diagnostics.first?.message.hasPrefix("'workflows/x.yaml' is empty") == true)
            #expect(loaded.diagnostics.first?.location == SourceLocation(file: "workflows/x.yaml", line: 1, column: 1))
            #expect(loaded.project.unloadableWorkflowIDs["x"] == "workflows/x.yaml")
        }
    }

    @Test func aBinaryFileIsOneError() {
        let withNul = ProjectLoader.load(from: InMemorySourceTree(["workflows/x.yaml": [0x53, 0x74, 0x00, 0x01, 0xFF]]))
        #expect(withNul.diagnostics.count == 1)
        #expect(withNul.diagnostics.first?.id == DiagnosticID("workspace", "binary-file"))
        #expect(withNul.diagnostics.first?.message == "'workflows/x.yaml' is not a text file (it contains a NUL byte at offset 2)")

        let notUTF8 = ProjectLoader.load(from: InMemorySourceTree(["workflows/y.json": Array("{\n  \"a\": \"".utf8) + [0xC3, 0x28]]))
        #expect(notUTF8.diagnostics.count == 1)
        #expect(notUTF8.diagnostics.first?.message == "'workflows/y.json' is not a text file (it is not valid UTF-8)")
        #expect(notUTF8.diagnostics.first?.location == SourceLocation(file: "workflows/y.json", line: 2, column: 9))
    }

    @Test func aTabInYAMLIsOnePositionedError() {
        let loaded = Fixture.load(["workflows/x.yaml": "StartAt: A\nStates:\n\tA: {Type: Succeed}\n"])
        #expect(loaded.diagnostics.count == 1)
        #expect(loaded.diagnostics.first?.location?.file == "workflows/x.yaml")
        #expect(loaded.diagnostics.first?.location?.line == 3)
        #expect(loaded.diagnostics.first?.severity == .error)
    }

    @Test func anUnclosedBracketInJSONIsOnePositionedError() {
        let loaded = Fixture.load(["workflows/x.json": "{\n  \"StartAt\": \"A\",\n  \"States\": {\"A\": {\"Type\": \"Succeed\"}\n"])
        #expect(loaded.diagnostics.count == 1)
        #expect(loaded.diagnostics.first?.location?.file == "workflows/x.json")
        #expect(loaded.diagnostics.first?.severity == .error)
    }

    @Test func aTopLevelThatIsNotAMappingIsAnError() {
        let source = MarkedText("1️⃣- StartAt: A\n", file: "workflows/x.yaml")
        let loaded = Fixture.load([source.file: source.text])
        #expect(loaded.diagnostics.count == 1)
        #expect(loaded.diagnostics.first?.message == "workflow 'workflows/x.yaml' must be a mapping of keys to values, not an array")
        #expect(loaded.diagnostics.first?.location == source["1️⃣"])
    }

    @Test func aMappingThatIsNeitherEnvelopeNorASLIsAnError() {
        let loaded = Fixture.load(["workflows/x.yaml": "Comment: nothing here\n"])
        #expect(loaded.diagnostics.map(\.id) == [DiagnosticID("workspace", "not-a-workflow")])
    }

    @Test func unknownEnvelopeKeysAndBadTypesAreErrorsWithSuggestions() {
        let source = MarkedText("""
            name: X
            1️⃣tpye: STANDARD
            definition: {StartAt: A, States: {A: {Type: Succeed}}}
            """, file: "workflows/x.yaml")
        let loaded = Fixture.load([source.file: source.text])
        #expect(loaded.diagnostics.count == 1)
        #expect(loaded.diagnostics.first?.message == "unknown key 'tpye' in workflow 'workflows/x.yaml' (did you mean \"type\"?)")
        #expect(loaded.diagnostics.first?.location == source["1️⃣"])

        let typed = MarkedText("type: 1️⃣standard\ndefinition: {StartAt: A, States: {A: {Type: Succeed}}}\n", file: "workflows/y.yaml")
        let loadedTyped = Fixture.load([typed.file: typed.text])
        #expect(loadedTyped.diagnostics.count == 1)
        #expect(loadedTyped.diagnostics.first?.message == "'type' is \"standard\"; it must be \"STANDARD\" or \"EXPRESS\" (did you mean \"STANDARD\"?)")
        #expect(loadedTyped.diagnostics.first?.location == typed["1️⃣"])
        #expect(loadedTyped.project.unloadableWorkflowIDs["y"] == "workflows/y.yaml")
    }

    @Test func unknownEnvironmentKeysAreErrorsWithSuggestions() {
        let source = MarkedText("extends: base\n1️⃣regoin: x\n", file: "environments/dev.yaml")
        let loaded = Fixture.load([source.file: source.text, "environments/base.yaml": "region: a\n"])
        #expect(loaded.diagnostics.count == 1)
        #expect(loaded.diagnostics.first?.message == "unknown key 'regoin' in environment 'environments/dev.yaml' (did you mean \"region\"?)")
        #expect(loaded.diagnostics.first?.location == source["1️⃣"])
    }

    @Test func subdirectoriesOfWorkflowsAreReportedNotSilentlyIgnored() {
        let loaded = Fixture.load(["workflows/team/a.yaml": "StartAt: A\nStates: {A: {Type: Succeed}}\n"])
        #expect(loaded.diagnostics.map(\.severity) == [.warning])
        #expect(loaded.diagnostics.first?.message == "'workflows/team' is ignored: files in workflows/ are read from the top level only")
    }

    @Test func abstractEnvironmentsAreNotDeployable() {
        let loaded = Fixture.load([
            "environments/base.yaml": "abstract: true\n", "environments/dev.yaml": "extends: base\n",
        ])
        #expect(loaded.diagnostics.isEmpty)
        #expect(loaded.project.deployableEnvironmentNames == ["dev"])
        #expect(loaded.project.environmentNames == ["base", "dev"])
    }
}

@Suite struct UnloadableFileTests {
    @Test func usesOfFilesThatFailedToLoadSaySo() {
        let (renderer, loadDiagnostics) = Fixture.renderer([
            "workflows/flow.yaml": "StartAt: A\nStates: {A: {Type: Pass, Result: {$template: broken}, End: true}}\n",
            "workflows/empty.yaml": "",
            "templates/broken.yaml": "",
            "environments/base.yaml": "",
            "environments/dev.yaml": "extends: base\n",
            "environments/prod.yaml": "region: x\n",
        ])
        #expect(loadDiagnostics.count == 3)
        #expect(renderer.render(workflow: "flow", environment: "dev").diagnostics.map(\.message)
            == ["environment 'dev' extends 'base', which could not be loaded; fix the errors in 'environments/base.yaml'"])
        #expect(renderer.render(workflow: "flow", environment: "base").diagnostics.map(\.message)
            == ["environment 'base' could not be loaded; fix the errors in 'environments/base.yaml'"])
        #expect(renderer.render(workflow: "flow", environment: "prod").diagnostics.map(\.message)
            == ["template 'broken' could not be loaded; fix the errors in 'templates/broken.yaml'"])
        #expect(renderer.render(workflow: "empty", environment: "prod").diagnostics.map(\.message)
            == ["workflow 'empty' could not be loaded; fix the errors in 'workflows/empty.yaml'"])
    }
}

@Suite struct YAMLHintTests {
    @Test func anUnquotedReferenceInsideAFlowMappingGetsAHint() {
        let loaded = Fixture.load(["workflows/f.yaml": "StartAt: A\nStates:\n  A: {Type: Task, Resource: ${lambda.save}, End: true}\n"])
        #expect(loaded.diagnostics.count == 1)
        #expect(loaded.diagnostics.first?.location?.line == 3)
        #expect(loaded.diagnostics.first?.notes.last?.message.hasPrefix("inside { } or [ ], write a string that contains ${…} in quotes") == true)
    }
}

@Suite struct ConcurrentProjectLoaderTests {
    /// The concurrent loader parses workflow files on every core; the project and the
    /// diagnostics it gives must be exactly the sequential loader's.
    @Test func concurrentLoadEqualsSequentialLoad() async {
        var files: [String: String] = [
            "environments/dev.yaml": "vars: {fn: arn:aws:lambda:us-east-1:123456789012:function:f}\n",
            "workflows/broken.yaml": "definition:\n\tStartAt: A\n",
            "workflows/dup.yaml": "definition: {StartAt: A, States: {A: {Type: Succeed}}}\n",
            "workflows/dup.json": #"{"StartAt": "A", "States": {"A": {"Type": "Succeed"}}}"#,
            "workflows/empty.yaml": "",
        ]
        for i in 0..<40 {
            files["workflows/w\(i).yaml"] = "definition:\n  StartAt: A\n  States:\n    A: {Type: Task, Resource: \"${fn}\", End: true}\n"
        }
        let tree = InMemorySourceTree(files)
        let sequential = loadSequentially(tree)
        let concurrent = await ProjectLoader.load(from: tree)
        #expect(concurrent.diagnostics == sequential.diagnostics)
        #expect(!concurrent.diagnostics.isEmpty)
        #expect(concurrent.project.workflowIDs == sequential.project.workflowIDs)
        #expect(concurrent.project.workflows.map(\.document.value) == sequential.project.workflows.map(\.document.value))
        #expect(concurrent.project.unloadableWorkflowIDs == sequential.project.unloadableWorkflowIDs)
        #expect(concurrent.project.sources.files == sequential.project.sources.files)
        #expect(concurrent.project.workflows.map(\.definitionSourceMap.entries) == sequential.project.workflows.map(\.definitionSourceMap.entries))
    }

    /// The maps the loader defers for rendering are the sequential loader's, and so is every
    /// render made from them, concurrent or not, including one whose keys are substituted
    /// (`renamed`, whose map is its own environment's).
    @Test func concurrentRenderEqualsSequentialRender() async throws {
        var files: [String: String] = [
            "environments/dev.yaml": "vars: {fn: arn:aws:lambda:us-east-1:123456789012:function:f, key: Renamed}\nexclude: [skipped]\n",
            "templates/retry.yaml": "ErrorEquals: [States.ALL]\nMaxAttempts: ${attempts}\n",
            "workflows/renamed.yaml": "definition:\n  StartAt: A\n  States:\n    A: {Type: Pass, Result: {\"${key}\": 1}, End: true}\n",
            "workflows/skipped.yaml": "definition: {StartAt: A, States: {A: {Type: Succeed}}}\n",
            "workflows/unknown.yaml": "definition:\n  StartAt: A\n  States:\n    A: {Type: Task, Resource: \"${nope}\", End: true}\n",
        ]
        for i in 0..<40 {
            files["workflows/w\(i).yaml"] = """
                definition:
                  StartAt: A
                  States:
                    A:
                      Type: Task
                      Resource: "${fn}"
                      Retry: [{$template: retry, with: {attempts: \(i)}}]
                      End: true

                """
        }
        let tree = InMemorySourceTree(files)
        let sequential = loadSequentially(tree)
        let concurrent = await ProjectLoader.load(from: tree)
        // Loading builds no rendered map: each is deferred until a location is asked for.
        let builtAtLoad = concurrent.project.renderedSourceMaps.filter { !$0.value.isDeferred }.map(\.key)
            + concurrent.project.workflows.filter { !$0.definitionSourceMap.isDeferred }.map(\.id)
        #expect(builtAtLoad == [])
        #expect(concurrent.project.renderedSourceMaps.mapValues(\.entries) == sequential.project.renderedSourceMaps.mapValues(\.entries))
        #expect(concurrent.project.renderedSourceMaps["w3"]?.isEmpty == false)

        let expected = Renderer(project: sequential.project).renderAll(environment: "dev")
        let actual = await Renderer(project: concurrent.project).renderAllConcurrently(environment: "dev")
        #expect(actual.excluded == expected.excluded)
        #expect(actual.excluded == ["skipped"])
        #expect(actual.diagnostics == expected.diagnostics)
        #expect(actual.results.map(\.workflowID) == expected.results.map(\.workflowID))
        #expect(actual.results.map(\.diagnostics) == expected.results.map(\.diagnostics))
        #expect(actual.results.contains { $0.workflowID == "unknown" && $0.rendered == nil && !$0.diagnostics.isEmpty })
        #expect(actual.results.map { $0.rendered?.definition.value } == expected.results.map { $0.rendered?.definition.value })
        #expect(actual.results.map { $0.rendered?.definition.sourceMap.entries } == expected.results.map { $0.rendered?.definition.sourceMap.entries })
        #expect(actual.results.map { $0.rendered?.sha256 } == expected.results.map { $0.rendered?.sha256 })
        #expect(actual.results.map { $0.rendered?.sources } == expected.results.map { $0.rendered?.sources })
        let renamed = try #require(actual.results.first { $0.workflowID == "renamed" }?.rendered)
        #expect(renamed.definition.value["States"]?["A"]?["Result"] == ["Renamed": 1])
        let result = try #require(renamed.definition.sourceMap[["States", "A", "Result", "Renamed"]])
        #expect(result.location.line == 4)
    }

    private func loadSequentially(_ tree: InMemorySourceTree) -> LoadResult {
        ProjectLoader.load(from: tree)
    }
}
