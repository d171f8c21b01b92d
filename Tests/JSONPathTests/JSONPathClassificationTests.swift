import Testing

@testable import JSONPath

@Suite struct JSONPathClassificationTests {
    @Test(arguments: [
        // text, reference, definite
        ("$", true, true),
        ("$.a.b", true, true),
        ("$['a b'].c", true, true),
        ("$.a[0]", true, true),
        ("$.a[-1]", false, true),
        ("$.a.length()", false, true),
        ("$.a[*]", false, false),
        ("$.*", false, false),
        ("$..a", false, false),
        ("$.a[1:2]", false, false),
        ("$.a[0,1]", false, false),
        ("$['a','b']", false, false),
        ("$.a[?(@.x)]", false, false),
    ])
    func classifies(_ text: String, reference: Bool, definite: Bool) throws {
        let path = try JSONPath.parse(text)
        #expect(path.isReferencePath == reference)
        #expect(path.isDefinite == definite)
    }

    @Test func roots() throws {
        let context = try JSONPath.parse("$$.Execution.Input")
        #expect(context.isContextPath && !context.isVariablePath)
        #expect(context.root == .context)

        let variable = try JSONPath.parse("$orderId.value")
        #expect(variable.isVariablePath && !variable.isContextPath)
        #expect(variable.variableName == "orderId")

        let input = try JSONPath.parse("$.a")
        #expect(!input.isVariablePath && !input.isContextPath && input.variableName == nil)
    }

    @Test func descriptionIsTheText() throws {
        #expect(try JSONPath.parse("$.a[ 0 ]").description == "$.a[ 0 ]")
    }
}
