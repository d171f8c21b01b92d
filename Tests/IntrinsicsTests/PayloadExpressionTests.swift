import JSONPath
import JSONValue
import Testing

@testable import Intrinsics

@Suite struct PayloadExpressionTests {
    @Test func decidesByTheFirstCharacter() throws {
        guard case .path(let path) = try PayloadExpression.parse("$.a") else {
            Issue.record("expected a path")
            return
        }
        #expect(path.text == "$.a")
        guard case .intrinsic(let call) = try PayloadExpression.parse("States.UUID()") else {
            Issue.record("expected an intrinsic")
            return
        }
        #expect(call.function == .uuid)
    }

    @Test func rejectsEverythingElse() {
        #expect(throws: IntrinsicSyntaxError(message: "expected a JSONPath ('$…') or an intrinsic function ('States.…') at offset 0", offset: 0)) {
            try PayloadExpression.parse("'literal'")
        }
        #expect(throws: IntrinsicSyntaxError(message: "expected a JSONPath ('$…') or an intrinsic function ('States.…') but the value is empty at offset 0", offset: 0)) {
            try PayloadExpression.parse("")
        }
        #expect(throws: IntrinsicSyntaxError(message: "expected a member name after '.' at offset 4", offset: 4)) {
            try PayloadExpression.parse("$.a.")
        }
    }

    @Test func evaluatesPathsAndCalls() throws {
        let input: JSON = ["a": [1, 2]]
        #expect(try PayloadExpression.parse("$.a[1]").evaluate(input: input, context: [:]) == .success(2))
        #expect(try PayloadExpression.parse("States.ArrayLength($.a)").evaluate(input: input, context: [:]) == .success(2))
        guard case .failure(let failure) = try PayloadExpression.parse("$.b").evaluate(input: input, context: [:]) else {
            Issue.record("expected a failure")
            return
        }
        #expect(failure.error == "States.Runtime")
        #expect(failure.cause == "No results for path: $['b']")
    }
}
