import JSONValue
import Testing

@testable import JSONPath

@Suite struct JSONPathParserTests {
    @Test(arguments: [
        ("$", "$"),
        ("$$", "$$"),
        ("$.foo", "$['foo']"),
        ("$.foo.bar", "$['foo']['bar']"),
        ("$.foo-bar", "$['foo-bar']"),
        ("$.a:b", "$['a:b']"),
        ("$.ü", "$['ü']"),
        ("$.0", "$['0']"),
        ("$['a b']", "$['a b']"),
        ("$[\"a b\"]", "$['a b']"),
        ("$.abc.['def ghi']", "$['abc']['def ghi']"),
        ("$['it\\'s']", "$['it's']"),
        ("$[0]", "$[0]"),
        ("$[-1]", "$[-1]"),
        ("$[ 2 ]", "$[2]"),
        ("$[*]", "$[*]"),
        ("$.*", "$[*]"),
        ("$..name", "$..['name']"),
        ("$..*", "$..[*]"),
        ("$..[0]", "$..[0]"),
        ("$[1:3]", "$[1:3]"),
        ("$[:2]", "$[:2]"),
        ("$[-2:]", "$[-2:]"),
        ("$[::2]", "$[::2]"),
        ("$[0,1]", "$[0,1]"),
        ("$['a','b']", "$['a', 'b']"),
        ("$.items.length()", "$['items'].length()"),
        ("$$.Execution.Id", "$$['Execution']['Id']"),
        ("$$.Map.Item.Value", "$$['Map']['Item']['Value']"),
        ("$myVar", "$myVar"),
        ("$myVar.field", "$myVar['field']"),
        ("$my_var2[0]", "$my_var2[0]"),
    ])
    func accepts(_ text: String, normalized: String) throws {
        let path = try JSONPath.parse(text)
        #expect(path.text == text)
        #expect(path.normalizedText == normalized)
    }

    @Test(arguments: [
        "$.book[?(@.price < 10)]",
        "$.book[?(@.price<10)]",
        "$.book[?(@.isbn)]",
        "$.book[?(!@.isbn)]",
        "$.book[?(@.price < 10 && @.x == 'y')]",
        "$.book[?(@.a == 1 || (@.b != \"z\" && @.c >= 2.5))]",
        "$.book[?(@.author =~ /.*REES/i)]",
        "$.book[?(@.tag in ['a', 'b'])]",
        "$.book[?(@.tag nin ['a'])]",
        "$.book[?(@.tags anyof ['a'])]",
        "$.book[?(@.tags size 2)]",
        "$.book[?(@.price > $.limit)]",
        "$.book[?(@.length > 1)]",
        "$.book[?(@.ok == true && @.gone == null)]",
        "$[?(@['odd key'] == -1)]",
    ])
    func acceptsFilters(_ text: String) throws {
        let path = try JSONPath.parse(text)
        #expect(!path.isDefinite)
        #expect(!path.isReferencePath)
    }

    @Test func parsesFilterStructure() throws {
        let path = try JSONPath.parse("$.b[?(@.price < 10 && @.x == 'y')]")
        let expected = JSONPathFilter.and(
            .comparison(.current([.child(.name("price"))]), .less, .literal(10)),
            .comparison(.current([.child(.name("x"))]), .equal, .literal("y")))
        #expect(path.segments == [.child(.name("b")), .child(.filter(expected))])
    }

    @Test(arguments: [
        ("", 0, "path must start with '$', but it is empty at offset 0"),
        ("foo", 0, "path must start with '$' at offset 0"),
        (" $.a", 0, "path must start with '$' at offset 0"),
        ("$.", 2, "expected a member name after '.' at offset 2"),
        ("$.a.", 4, "expected a member name after '.' at offset 4"),
        ("$..", 3, "path must not end with '..' at offset 3"),
        ("$.a b", 3, "member name 'a' is followed by whitespace; write names with spaces as ['a …'] at offset 3"),
        ("$.a ", 3, "member name 'a' is followed by whitespace; write names with spaces as ['a …'] at offset 3"),
        ("$[", 1, "unclosed '[' at offset 1"),
        ("$.a[0", 3, "unclosed '[' at offset 3"),
        ("$['a'", 1, "unclosed '[' at offset 1"),
        ("$['a", 2, "unterminated string at offset 2"),
        ("$[]", 1, "empty '[]'; expected a quoted name, index, slice, '*' or filter at offset 1"),
        ("$[a]", 2, "expected a quoted name, index, slice, '*' or filter after '[' but found 'a' at offset 2"),
        ("$[0 1]", 4, "expected ']' but found '1' at offset 4"),
        ("$[::0]", 5, "slice step must not be 0 at offset 5"),
        ("$x!", 2, "expected '.' or '[' but found '!' at offset 2"),
        ("$a", 2, "no error"),
        ("$.a.foo()", 4, "unknown path function 'foo()' at offset 4"),
        ("$.a.length().b", 12, "a path function must be the last segment; found '.' at offset 12"),
        ("$[?(@.a <)]", 9, "unexpected ')' in filter; expected '@', '$' or a literal at offset 9"),
        ("$[?(@.a == 1]", 12, "expected ')' but found ']' at offset 12"),
        ("$[?(@.a == 1", 3, "unclosed '(' at offset 3"),
        ("$[?('x')]", 4, "expected a comparison operator after the literal at offset 4"),
        ("$[?(@.a =~ 'x')]", 11, "expected a regular expression '/…/' after '=~' at offset 11"),
        ("$[?(@.a =~ /(/)]", 11, "invalid regular expression '/(/' at offset 11"),
        ("$[?(@.a == $$.x)]", 11, "the context object '$$' cannot be used inside a filter at offset 11"),
        ("$[99999999999999999999]", 2, "index '99999999999999999999' is too large at offset 2"),
    ])
    func rejects(_ text: String, offset: Int, message: String) {
        do {
            let path = try JSONPath.parse(text)
            #expect(message == "no error", "parsed \(path.normalizedText)")
        } catch {
            #expect(error.offset == offset)
            #expect(error.message == message)
        }
    }

    @Test func offsetsCountUnicodeScalars() {
        #expect(throws: JSONPathSyntaxError(message: "expected a member name after '.' at offset 5", offset: 5)) {
            try JSONPath.parse("$.ü😀.")
        }
    }

    @Test func unicodeEscapesInQuotedNames() throws {
        let path = try JSONPath.parse("$['\\u00fc\\n']")
        #expect(path.segments == [.child(.name("ü\n"))])
    }

    /// Inside quotes, only the enclosing quote needs escaping; a backslash before the
    /// other quote is kept, as AWS (Jayway) keeps it (recorded in the escape-sequence case).
    @Test func backslashBeforeTheOtherQuoteIsKept() throws {
        let input: JSON = ["Test\\\"\"Name\"": "found", "it's": "apostrophe"]
        #expect(try JSONPath.parse(#"$['Test\""Name"']"#).evaluate(input) == .success("found"))
        #expect(try JSONPath.parse(#"$['it\'s']"#).evaluate(input) == .success("apostrophe"))
        #expect(try JSONPath.parse(#"$["it's"]"#).evaluate(input) == .success("apostrophe"))
    }
}
