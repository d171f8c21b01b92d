import Diagnostics
import JSONValue
import TestSupport
import Testing
@testable import Workspace

@Suite struct TemplateTests {
    static let dev = ["environments/dev.yaml": "vars: {retry: {attempts: 3}, topic: arn:topic}\n"]

    @Test func templatesExpandWithArgumentsSiblingsAndNesting() throws {
        let rendered = Fixture.render(Self.dev.merging([
            "workflows/flow.yaml": """
                StartAt: Work
                States:
                  Work:
                    Type: Task
                    Resource: arn:work
                    Retry:
                      - $template: retry/transient
                    Catch:
                      - $template: catch
                        with: {handler: Notify}
                    Next: Notify
                  Notify:
                    $template: notify
                    with: {subject: '${workflow} failed'}
                    Next: Done
                  Done: {Type: Succeed}
                """,
            "templates/retry/transient.yaml": "ErrorEquals: [States.Timeout]\nMaxAttempts: ${retry.attempts}\n",
            "templates/catch.yaml": "ErrorEquals: [States.ALL]\nNext: ${handler}\n",
            "templates/notify.yaml": """
                Type: Task
                Resource: arn:aws:states:::sns:publish
                Parameters:
                  TopicArn: ${topic}
                  Subject: ${subject}
                  Meta: {$template: meta, with: {who: '${subject}'}}
                End: true
                """,
            "templates/meta.json": #"{"by": "${who}", "env": "${env}"}"#,
        ]), workflow: "flow")
        #expect(rendered.diagnostics.isEmpty)
        let states = try #require(rendered.rendered?.definition.value["States"])
        #expect(states["Work"]?["Retry"] == [["ErrorEquals": ["States.Timeout"], "MaxAttempts": 3]])
        #expect(states["Work"]?["Catch"] == [["ErrorEquals": ["States.ALL"], "Next": "Notify"]])
        // `Next` beside `$template` is added to the template's keys (a sibling never removes one).
        #expect(states["Notify"]?["Parameters"] == [
            "TopicArn": "arn:topic", "Subject": "flow failed", "Meta": ["by": "flow failed", "env": "dev"],
        ])
        #expect(states["Notify"]?["Next"] == "Done")
        #expect(rendered.rendered?.sources == [
            "workflows/flow.yaml", "templates/retry/transient.yaml", "templates/catch.yaml", "templates/notify.yaml",
            "templates/meta.json", "environments/dev.yaml",
        ])
    }

    @Test func siblingKeysReplaceTheTemplatesKeysInPlace() {
        let rendered = Fixture.render(Self.dev.merging([
            "workflows/flow.yaml": "StartAt: A\nStates:\n  A: {$template: pass, Result: 2, Comment: added}\n",
            "templates/pass.yaml": "Type: Pass\nResult: 1\nEnd: true\n",
        ]), workflow: "flow")
        let state = rendered.rendered?.definition.value["States"]?["A"]
        #expect(state == ["Type": "Pass", "Result": 2, "End": true, "Comment": "added"])
        #expect(state?.objectValue?.keys == ["Type", "Result", "End", "Comment"])
    }

    @Test func aTemplateThatIncludesItselfIsAnErrorWithTheChain() {
        let a = MarkedText("x: {$template: b}\n", file: "templates/a.yaml")
        let b = MarkedText("y: {$template: 1️⃣a}\n", file: "templates/b.yaml")
        let rendered = Fixture.render(Self.dev.merging([
            "workflows/flow.yaml": "StartAt: A\nStates:\n  A: {Type: Pass, Result: {$template: a}, End: true}\n",
            a.file: a.text, b.file: b.text,
        ]), workflow: "flow")
        #expect(rendered.rendered == nil)
        #expect(rendered.diagnostics.count == 1)
        #expect(rendered.diagnostics.first?.id == DiagnosticID("render", "template-cycle"))
        #expect(rendered.diagnostics.first?.message == "template 'a' includes itself: a → b → a")
        #expect(rendered.diagnostics.first?.location == b["1️⃣"])
    }

    @Test func templatePathsOutsideTemplatesAreErrors() {
        for name in ["../secrets", "/etc/passwd", "a/../../b"] {
            let rendered = Fixture.render(Self.dev.merging([
                "workflows/flow.yaml": "StartAt: A\nStates:\n  A: {Type: Pass, Result: {$template: '\(name)'}, End: true}\n",
            ]), workflow: "flow")
            #expect(rendered.diagnostics.map(\.id) == [DiagnosticID("render", "template-outside-templates")], "\(name)")
            #expect(rendered.diagnostics.first?.message.contains("outside templates/") == true)
        }
    }

    @Test func anUnknownTemplateSuggestsTheNearest() {
        let workflow = MarkedText("StartAt: A\nStates:\n  A: {Type: Pass, Result: {$template: 1️⃣retyr}, End: true}\n", file: "workflows/flow.yaml")
        let rendered = Fixture.render(Self.dev.merging([workflow.file: workflow.text, "templates/retry.yaml": "a: 1\n"]), workflow: "flow")
        #expect(rendered.diagnostics.map(\.message) == ["unknown template 'retyr' (did you mean \"retry\"?)"])
        #expect(rendered.diagnostics.first?.location == workflow["1️⃣"])
    }

    @Test func siblingsOverANonMappingTemplateAreAnError() {
        let workflow = MarkedText("StartAt: A\nStates:\n  A: {Type: Pass, Result: {$template: list, 1️⃣extra: 1}, End: true}\n", file: "workflows/flow.yaml")
        let rendered = Fixture.render(Self.dev.merging([workflow.file: workflow.text, "templates/list.yaml": "[1, 2]\n"]), workflow: "flow")
        #expect(rendered.diagnostics.map(\.message) == ["template 'list' is an array, so the keys beside '$template' ('extra') cannot be merged over it"])
        #expect(rendered.diagnostics.first?.location == workflow["1️⃣"])
    }

    @Test func aProblemInsideATemplateSaysWhereTheTemplateWasUsed() {
        let workflow = MarkedText("StartAt: A\nStates:\n  A: {Type: Pass, Result: 1️⃣{$template: t}, End: true}\n", file: "workflows/flow.yaml")
        let template = MarkedText("value: 2️⃣${topik}\n", file: "templates/t.yaml")
        let rendered = Fixture.render(Self.dev.merging([workflow.file: workflow.text, template.file: template.text]), workflow: "flow")
        #expect(rendered.rendered == nil)
        #expect(rendered.diagnostics.map(\.message) == ["unknown variable 'topik' (did you mean \"topic\"?)"])
        #expect(rendered.diagnostics.first?.location == template["2️⃣"])
        #expect(rendered.diagnostics.first?.notes.last == Diagnostic.Note("in template 't', used here", at: workflow["1️⃣"]))
    }

    @Test func withArgumentsShadowEnvironmentVariables() {
        let rendered = Fixture.render(Self.dev.merging([
            "workflows/flow.yaml": "StartAt: A\nStates:\n  A: {Type: Pass, Result: {$template: t, with: {topic: mine}}, End: true}\n",
            "templates/t.yaml": "topic: ${topic}\n",
        ]), workflow: "flow")
        #expect(rendered.rendered?.definition.value["States"]?["A"]?["Result"] == ["topic": "mine"])
    }

    @Test func theSharedMapEqualsTheMapOfAFullRender() throws {
        let loaded = Fixture.load(RendererGoldenTests.repository)
        var unprepared = loaded.project
        unprepared.renderedSourceMaps = [:]
        for environment in ["dev", "prod"] {
            let shared = try #require(Renderer(project: loaded.project).render(workflow: "data-processing", environment: environment).rendered)
            let full = try #require(Renderer(project: unprepared).render(workflow: "data-processing", environment: environment).rendered)
            #expect(shared.definition.sourceMap.entries == full.definition.sourceMap.entries)
            #expect(shared.definition.value == full.definition.value)
            #expect(shared.sha256 == full.sha256)
        }
    }

    @Test func nodesFromTemplatesPointAtTheTemplateWithIncludedFrom() throws {
        let workflow = MarkedText("""
            StartAt: A
            States:
              A:
                Type: Task
                Resource: arn:a
                Retry:
                  - 1️⃣$template: outer
                End: true
            """, file: "workflows/flow.yaml")
        let outer = MarkedText("ErrorEquals: 2️⃣[States.ALL]\nMore: 3️⃣{$template: inner}\n", file: "templates/outer.yaml")
        let inner = MarkedText("Deep: 4️⃣1\n", file: "templates/inner.yaml")
        let rendered = Fixture.render(Self.dev.merging([
            workflow.file: workflow.text, outer.file: outer.text, inner.file: inner.text,
        ]), workflow: "flow")
        let map = try #require(rendered.rendered?.definition.sourceMap)
        let errorEquals = try #require(map[["States", "A", "Retry", .index(0), "ErrorEquals"]])
        #expect(errorEquals.location == outer["2️⃣"])
        #expect(errorEquals.includedFrom == [workflow["1️⃣"]])
        let deep = try #require(map[["States", "A", "Retry", .index(0), "More", "Deep"]])
        #expect(deep.location == inner["4️⃣"])
        #expect(deep.includedFrom == [outer["3️⃣"], workflow["1️⃣"]])
        // Nodes written in the workflow have no includedFrom.
        #expect(map[["States", "A", "Resource"]]?.includedFrom == [])
        #expect(map[["States", "A", "Resource"]]?.location.file == "workflows/flow.yaml")
    }
}
