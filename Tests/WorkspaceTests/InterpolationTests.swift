import Testing
@testable import Workspace

@Suite struct InterpolationTests {
    @Test func plainStringsAndASLPathsHaveNoReferences() throws {
        for text in ["plain", "$.a.b", "$$.Execution.Id", "States.Format('{}', $.x)", "{% $x %}", "$"] {
            #expect(Interpolation.mayContainReferences(text) == false, "\(text)")
        }
        #expect(Interpolation.mayContainReferences("a ${b}"))
    }

    @Test func referencesAndLiteralsSplitInOrder() throws {
        let parsed = try Interpolation.parse("arn:${region}:${ lambda.process }x")
        #expect(parsed.parts.count == 5)
        guard case .reference(let first) = parsed.parts[1], case .reference(let second) = parsed.parts[3] else {
            Issue.record("expected references"); return
        }
        #expect(first.path == ["region"])
        #expect(first.scalarOffset == 4)
        #expect(second.path == ["lambda", "process"])
        #expect(second.text == "${ lambda.process }")
        #expect(parsed.soleReference == nil)
        #expect(try Interpolation.parse("${x}").soleReference?.name == "x")
    }

    @Test func doubledDollarIsALiteral() throws {
        let parsed = try Interpolation.parse("$${not} and $$.ctx")
        guard case .literal(let text) = parsed.parts[0] else { Issue.record("expected a literal"); return }
        #expect(parsed.parts.count == 1)
        #expect(text == "${not} and $$.ctx")
    }

    @Test func malformedReferencesAreErrorsAtTheirDollar() {
        #expect(throws: Interpolation.SyntaxError.self) { try Interpolation.parse("ab ${open") }
        do {
            _ = try Interpolation.parse("ab ${}")
        } catch {
            #expect(error.scalarOffset == 3)
            #expect(error.message.contains("empty"))
        }
        #expect(throws: Interpolation.SyntaxError.self) { try Interpolation.parse("${a..b}") }
        #expect(throws: Interpolation.SyntaxError.self) { try Interpolation.parse("${a b}") }
    }

    @Test func globsMatchWorkflowIDs() {
        #expect(Glob.matches("etl-*", "etl-daily"))
        #expect(Glob.matches("*", "x"))
        #expect(Glob.matches("a?c", "abc"))
        #expect(!Glob.matches("etl-*", "ml-etl"))
        #expect(!Glob.matches("abc", "abcd"))
    }
}
