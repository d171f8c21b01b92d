import Diagnostics
import Testing
import TestSupport
import Validation
import YAML

/// Diagnostics point into YAML sources as precisely as into JSON ones.
@Suite struct YAMLSourceTests {
    func validateYAML(_ source: MarkedText) throws -> ValidationResult {
        Validator().validate(try YAMLParser.parseDocument(source.text, file: source.file))
    }

    @Test func unknownNextPointsAtTheValue() throws {
        let source = MarkedText("""
            StartAt: Load
            States:
              Load:
                Type: Task
                Resource: arn:aws:lambda:us-east-1:123456789012:function:load
                Next: 1️⃣Saev
              Save: {Type: Succeed}
            """)
        let result = try validateYAML(source)
        let diagnostic = try #require(result.diagnostics.first { $0.id.name == "next-unknown-state" })
        #expect(diagnostic.location == source["1️⃣"])
        #expect(diagnostic.code == "MISSING_TRANSITION_TARGET")
        #expect(diagnostic.path == "/States/Load/Next")
        #expect(diagnostic.message == "\"Next\" names state \"Saev\", which does not exist (did you mean \"Save\"?)")
    }

    @Test func wholeStateProblemsPointAtTheStateKey() throws {
        let source = MarkedText("""
            StartAt: A
            States:
              1️⃣A:
                Type: Pass
            """)
        let result = try validateYAML(source)
        let diagnostic = try #require(result.diagnostics.first { $0.id.name == "missing-transition" })
        #expect(diagnostic.location == source["1️⃣"])
    }

    @Test func pathErrorPointsInsideAPlainScalar() throws {
        let source = MarkedText("""
            StartAt: A
            States:
              A:
                Type: Pass
                InputPath: $.a..1️⃣
                End: true
            """)
        let result = try validateYAML(source)
        let diagnostic = try #require(result.diagnostics.first { $0.id.name == "invalid-path" })
        #expect(diagnostic.location == source["1️⃣"])
    }

    @Test func yamlDefinitionValidates() throws {
        let result = try validateYAML(MarkedText("""
            Comment: Data processing workflow
            StartAt: ProcessData
            States:
              ProcessData:
                Type: Task
                Resource: arn:aws:lambda:us-east-1:123456789012:function:process
                Retry:
                  - ErrorEquals: [States.TaskFailed]
                    IntervalSeconds: 2
                    MaxAttempts: 3
                    BackoffRate: 2
                Next: SaveResults
              SaveResults: {Type: Task, Resource: "arn:aws:lambda:us-east-1:123456789012:function:save", End: true}
            """))
        #expect(result.diagnostics.isEmpty)
        #expect(result.workflow?.stateMachine.stateNames == ["ProcessData", "SaveResults"])
    }
}
