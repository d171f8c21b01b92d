import Diagnostics
import JSONValue
import TestSupport
import Testing
@testable import Workspace

@Suite struct SubstitutionTests {
    /// Renders `states` (YAML of the `States` mapping, indented by 4) in environment `dev`.
    func render(_ environment: String, pass result: String, overrides: [String: JSON] = [:]) -> RenderResult {
        Fixture.render([
            "workflows/flow.yaml": "definition:\n  StartAt: A\n  States:\n    A:\n      Type: Pass\n      Result: \(result)\n      End: true\n",
            "environments/dev.yaml": environment,
        ], workflow: "flow", overrides: overrides)
    }

    func result(_ rendered: RenderResult) -> JSON? { rendered.rendered?.definition.value["States"]?["A"]?["Result"] }

    @Test func anExactReferenceKeepsItsType() {
        let env = "vars: {n: 3, flag: true, obj: {a: [1, 2]}, none: null, text: hi}\n"
        #expect(result(render(env, pass: "'${n}'")) == 3)
        #expect(result(render(env, pass: "'${flag}'")) == true)
        #expect(result(render(env, pass: "'${obj}'")) == ["a": [1, 2]])
        #expect(result(render(env, pass: "'${obj.a.1}'")) == 2)
        #expect(result(render(env, pass: "'${none}'")) == .null)
        #expect(result(render(env, pass: "'n=${n} flag=${flag} ${text}'")) == "n=3 flag=true hi")
    }

    @Test func builtInsAndNestedVariablesResolveAfterExtends() {
        let files = [
            "workflows/flow.yaml": "name: Flow\ndefinition: {StartAt: A, States: {A: {Type: Task, Resource: '${fn}', Parameters: {w: '${workflow}', n: '${name}', a: '${alias}', e: '${env}'}, End: true}}}\n",
            "environments/base.yaml": "region: us-east-1\naccount: '111111111111'\nvars: {prefix: 'arn:aws:lambda:${region}:${account}', fn: '${prefix}:function:${workflow}-${env}'}\n",
            "environments/prod.yaml": "extends: base\nregion: eu-central-1\n",
        ]
        let rendered = Fixture.render(files, workflow: "flow", environment: "prod")
        #expect(rendered.diagnostics.isEmpty)
        let state = rendered.rendered?.definition.value["States"]?["A"]
        #expect(state?["Resource"] == "arn:aws:lambda:eu-central-1:111111111111:function:Flow-prod")
        #expect(state?["Parameters"] == ["w": "Flow", "n": "Flow-prod", "a": "live", "e": "prod"])
    }

    @Test func doubledDollarStaysALiteralAndASLPathsAreUntouched() {
        let rendered = render("vars: {}\n", pass: "{lit: '$${x}', path.$: '$.a', ctx.$: '$$.Execution.Id'}")
        #expect(result(rendered) == ["lit": "${x}", "path.$": "$.a", "ctx.$": "$$.Execution.Id"])
    }

    @Test func anUnknownVariableIsAnErrorAtItsDollarWithSuggestions() {
        let workflow = MarkedText("""
            definition:
              StartAt: A
              States:
                A: {Type: Task, Resource: "arn:1️⃣${lamda.process}", End: true}
                B:
                  Type: Task
                  Resource: 2️⃣${lambda.proces}
                  End: true
                C:
                  Type: Pass
                  Comment: >-
                    folded text that mentions 3️⃣${typo}
                  End: true
            """, file: "workflows/flow.yaml")
        let rendered = Fixture.render([
            workflow.file: workflow.text, "environments/dev.yaml": "vars: {lambda: {process: p}, type: t}\n",
        ], workflow: "flow")
        #expect(rendered.rendered == nil)
        let errors = Fixture.errors(rendered.diagnostics)
        #expect(errors.map(\.message) == [
            "unknown variable 'lamda' (did you mean \"lambda\"?)",
            "'lambda' has no key 'proces' (did you mean \"process\"?)",
            "unknown variable 'typo' (did you mean \"type\"?)",
        ])
        #expect(errors.map(\.location) == [workflow["1️⃣"], workflow["2️⃣"], workflow["3️⃣"]])
        #expect(errors.allSatisfy { $0.id == DiagnosticID("render", "unknown-variable") })
    }

    @Test func anUnknownVariableInAnEnvironmentIsReportedThereOnce() {
        let dev = MarkedText("vars:\n  fn: arn:1️⃣${regoin}\n", file: "environments/dev.yaml")
        let (renderer, _) = Fixture.renderer([
            "workflows/a.yaml": "StartAt: A\nStates: {A: {Type: Task, Resource: '${fn}', End: true}}\n",
            "workflows/b.yaml": "StartAt: A\nStates: {A: {Type: Succeed}}\n",
            dev.file: dev.text,
        ])
        let all = renderer.renderAll(environment: "dev")
        #expect(all.diagnostics.map(\.message) == ["unknown variable 'regoin' (did you mean \"region\"?)"])
        #expect(all.diagnostics.first?.location == dev["1️⃣"])
        #expect(all.results.first { $0.workflowID == "a" }?.rendered == nil)
        #expect(Fixture.errors(all.results.flatMap(\.diagnostics)).isEmpty)
        #expect(all.results.first { $0.workflowID == "b" }?.rendered != nil)
    }

    @Test func variableCyclesAreErrorsNamingTheCycle() {
        let dev = MarkedText("vars:\n  a: x-${b}\n  b: 1️⃣${a}\n", file: "environments/dev.yaml")
        let (renderer, _) = Fixture.renderer([dev.file: dev.text])
        let diagnostics = renderer.environment("dev").diagnostics
        #expect(diagnostics.map(\.message) == ["variables refer to each other in a cycle: a → b → a"])
        #expect(diagnostics.first?.location == dev["1️⃣"])
    }

    @Test func indexingIntoAScalarIsAnError() {
        let rendered = render("vars: {}\n", pass: "'${region.x}'")
        #expect(Fixture.errors(rendered.diagnostics).map(\.message) == ["'region' is a string, so '${region.x}' cannot look up 'x' in it"])
        #expect(Fixture.errors(rendered.diagnostics).first?.location == SourceLocation(file: "workflows/flow.yaml", line: 6, column: 16))
    }

    @Test func anObjectInsideALongerStringIsAnError() {
        let rendered = render("vars: {o: {a: 1}}\n", pass: "'x ${o}'")
        #expect(Fixture.errors(rendered.diagnostics).map(\.message)
            == ["'o' is an object and cannot be inserted into a string; make the whole string '${o}' to insert it as an object"])
    }

    @Test func malformedReferencesAreErrors() {
        let rendered = render("vars: {}\n", pass: "'a ${unclosed'")
        #expect(Fixture.errors(rendered.diagnostics).map(\.message) == ["'${' is not closed by '}' (write '$${' for a literal '${')"])
        #expect(Fixture.errors(rendered.diagnostics).first?.location == SourceLocation(file: "workflows/flow.yaml", line: 6, column: 18))
    }

    @Test func keysAreSubstitutedToo() {
        let rendered = render("vars: {k: key, n: 7}\n", pass: "{'${k}-x': 1, '${n}': 2}")
        #expect(result(rendered) == ["key-x": 1, "7": 2])
        // A renamed key's node is mapped under its new name.
        #expect(rendered.rendered?.definition.sourceMap[["States", "A", "Result", "key-x"]]?.location.line == 6)
    }

    @Test func commandLineOverridesSetVariablesAndSettings() {
        let env = "vars: {lambda: {process: old, keep: k}}\n"
        let rendered = render(env, pass: "'${lambda.process} ${lambda.keep} ${region} ${extra}'",
                              overrides: ["lambda.process": "new", "region": "ap-south-1", "extra": 5])
        #expect(result(rendered) == "new k ap-south-1 5")
        #expect(rendered.rendered?.region == "ap-south-1")
        let refused = render(env, pass: "x", overrides: ["env": "other"])
        #expect(refused.diagnostics.map(\.message) == ["--var cannot set the built-in 'env'; it follows from the environment and the workflow"])
    }

    @Test func aVariableNamedLikeABuiltInIsAnError() {
        let dev = MarkedText("vars:\n  1️⃣region: x\n", file: "environments/dev.yaml")
        let (renderer, _) = Fixture.renderer([dev.file: dev.text])
        let diagnostics = renderer.environment("dev").diagnostics
        #expect(diagnostics.map(\.message) == ["'vars.region' would hide the built-in '${region}'; rename the variable or set the top-level 'region'"])
        #expect(diagnostics.first?.location == dev["1️⃣"])
    }

    @Test func anInvalidStateMachineNameIsAnError() {
        let rendered = Fixture.render([
            "workflows/flow.yaml": "name: 'My Flow'\ndefinition: {StartAt: A, States: {A: {Type: Succeed}}}\n",
            "environments/dev.yaml": "naming: '${workflow}'\n",
        ], workflow: "flow")
        #expect(Fixture.errors(rendered.diagnostics).map(\.message)
            == ["state machine name 'My Flow' contains whitespace or a control character, which AWS does not allow in a state machine name"])
    }

    @Test func renderingIsDeterministic() {
        let files = [
            "workflows/flow.yaml": "StartAt: A\nStates: {A: {Type: Pass, Result: {b: '${b}', a: '${a}'}, End: true}}\n",
            "environments/dev.yaml": "vars: {a: 1, b: '${a}-${env}'}\n",
        ]
        let first = Fixture.render(files, workflow: "flow").rendered
        let second = Fixture.render(files, workflow: "flow").rendered
        #expect(first?.definition.value.serialized(.canonical) == second?.definition.value.serialized(.canonical))
        #expect(first?.sha256 == second?.sha256)
        #expect(first?.sha256.count == 64)
    }
}

@Suite struct NamingTests {
    @Test func aBrokenNamingIsReportedOnceForTheEnvironment() {
        let dev = MarkedText("naming: ${workflow}-1️⃣${evn}\n", file: "environments/dev.yaml")
        let (renderer, _) = Fixture.renderer([
            "workflows/a.yaml": "StartAt: A\nStates: {A: {Type: Succeed}}\n",
            "workflows/b.yaml": "StartAt: A\nStates: {A: {Type: Succeed}}\n",
            dev.file: dev.text,
        ])
        let all = renderer.renderAll(environment: "dev")
        #expect(all.diagnostics.map(\.message) == ["unknown variable 'evn' (did you mean \"env\"?)"])
        #expect(all.diagnostics.first?.location == dev["1️⃣"])
        #expect(all.results.allSatisfy { $0.rendered == nil && $0.diagnostics.isEmpty })
    }

    @Test func aNamingThatRefersToItselfIsACycle() {
        let (renderer, _) = Fixture.renderer([
            "workflows/a.yaml": "StartAt: A\nStates: {A: {Type: Succeed}}\n",
            "environments/dev.yaml": "naming: x-${name}\n",
        ])
        let result = renderer.render(workflow: "a", environment: "dev")
        #expect(result.rendered == nil)
        #expect(result.diagnostics.map(\.message) == ["variables refer to each other in a cycle: name → name"])
        #expect(result.diagnostics.first?.location == SourceLocation(file: "environments/dev.yaml", line: 1, column: 11))
    }
}

@Suite struct JSONSourceTests {
    @Test func anUnknownVariableInAJSONWorkflowPointsAtItsDollar() {
        let workflow = MarkedText(#"{"StartAt": "A", "States": {"A": {"Type": "Pass", "Result": "x 1️⃣${nope}", "End": true}}}"#, file: "workflows/flow.json")
        let rendered = Fixture.render(Fixture.dev.merging([workflow.file: workflow.text]), workflow: "flow")
        #expect(rendered.diagnostics.map(\.message) == ["unknown variable 'nope'"])
        #expect(rendered.diagnostics.first?.location == workflow["1️⃣"])
    }
}
