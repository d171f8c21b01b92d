import Diagnostics
import JSONValue
import Testing
import TestSupport
import YAML

/// Every problem stops the parse with its id, a plain message and the exact position.
@Suite struct YAMLErrorTests {
    @Test func tabIndentingAMappingValue() {
        _ = expectYAMLError("a:\n1️⃣\tb: 2\n", .yamlTabIndentation, messageContains: "tabs are not allowed for indentation in YAML; use spaces")
    }

    @Test func tabAtTheStartOfTheFile() {
        _ = expectYAMLError("1️⃣\ta: 1\n", .yamlTabIndentation, messageContains: "use spaces")
    }

    @Test func tabIndentingAContinuationLine() {
        _ = expectYAMLError("a: 1\n1️⃣\tb: 2\n", .yamlTabIndentation, messageContains: "use spaces")
    }

    @Test func tabAfterTheColonIsFine() throws {
        #expect(try YAMLParser.parse("a:\t1\n") == ["a": 1])
    }

    @Test func duplicateKeyPointsAtTheSecondWithANoteAtTheFirst() {
        let marked = "States:\n  2️⃣Load: {Type: Pass}\n  1️⃣Load: {Type: Fail}\n"
        let source = MarkedText(marked)
        let error = expectYAMLError(marked, .yamlDuplicateKey, messageContains: "duplicate key 'Load'")
        #expect(error?.diagnostic.notes.first?.location == source["2️⃣"])
        #expect(error?.diagnostic.notes.first?.message == "'Load' is first defined here")
    }

    @Test func duplicateKeysInFlowMappingsAndDifferentSpellings() {
        _ = expectYAMLError("{a: 1, 1️⃣a: 2}\n", .yamlDuplicateKey, messageContains: "'a'")
        _ = expectYAMLError("a: 1\n1️⃣\"a\": 2\n", .yamlDuplicateKey, messageContains: "'a'")
        _ = expectYAMLError("b:\n  <<: {x: 1}\n  1️⃣<<: {y: 1}\n", .yamlDuplicateKey, messageContains: "'<<'")
    }

    @Test func sameKeyInDifferentMappingsIsFine() throws {
        #expect(try YAMLParser.parse("a: {x: 1}\nb: {x: 2}\n") == ["a": ["x": 1], "b": ["x": 2]])
    }

    @Test func secondDocument() {
        _ = expectYAMLError("a: 1\n1️⃣---\nb: 2\n", .yamlMultipleDocuments, messageContains: "second YAML document")
        _ = expectYAMLError("---\na: 1\n1️⃣---\n", .yamlMultipleDocuments, messageContains: "second YAML document")
    }

    @Test func contentAfterDocumentEnd() {
        _ = expectYAMLError("a: 1\n...\n1️⃣b: 2\n", .yamlMultipleDocuments, messageContains: "second YAML document")
    }

    @Test func collectionAsKey() {
        _ = expectYAMLError("1️⃣[a, b]: 1\n", .yamlInvalidKey, messageContains: "a sequence cannot be a mapping key")
        _ = expectYAMLError("x: 1\n? 1️⃣{a: 1}\n: 2\n", .yamlInvalidKey, messageContains: "a mapping cannot be a mapping key")
    }

    @Test func unclosedFlowSequence() {
        let error = expectYAMLError("a: [1, 2\nb1️⃣: 3\n", .yamlSyntax, messageContains: "is a closing ']' missing?")
        #expect(error?.diagnostic.notes.first?.location == SourceLocation(file: "test.yaml", line: 1, column: 4))
    }

    @Test func unclosedFlowMapping() {
        _ = expectYAMLError("a: {b: 1\n1️⃣", .yamlSyntax, messageContains: "is a closing '}' missing?")
    }

    @Test func unclosedQuotedString() {
        let error = expectYAMLError("a: 1\nb: 1️⃣\"abc\n", .yamlSyntax, messageContains: "never closed")
        #expect(error?.diagnostic.notes.first?.message == "the file ends here")
    }

    @Test func valueIndentedTooFar() {
        _ = expectYAMLError("a: 1\n  b1️⃣: 2\n", .yamlSyntax, messageContains: "check this line's indentation")
    }

    @Test func colonInsideAPlainValue() {
        _ = expectYAMLError("a: b1️⃣: c\n", .yamlSyntax, messageContains: "quote the value if it contains ': '")
    }

    @Test func lineWithoutAColon() {
        _ = expectYAMLError("a: 1\n1️⃣foo\n", .yamlSyntax, messageContains: "has no ':'")
    }

    @Test func dedentedKeyInAList() {
        let error = expectYAMLError("- a\n1️⃣b: 1\n", .yamlSyntax, messageContains: "expected a '- ' list item")
        #expect(error?.diagnostic.notes.first?.location?.line == 1)
    }

    @Test func badIndentationInsideAMapping() {
        _ = expectYAMLError("a:\n    b: 1\n  1️⃣c: 2\n", .yamlSyntax, messageContains: "expected a new 'key: value' entry")
    }

    @Test func textAfterAQuotedValue() {
        _ = expectYAMLError("a: \"ok\" 1️⃣trailing\n", .yamlSyntax, messageContains: "quote the whole value")
    }

    @Test func strayClosingBracketIsNotASecondDocument() {
        _ = expectYAMLError("{a: 1}1️⃣}\n", .yamlSyntax, messageContains: "unexpected '}': the document's top-level value has already ended")
    }

    @Test func aliasAndAnchorWithoutAName() {
        _ = expectYAMLError("a: *1️⃣\n", .yamlSyntax, messageContains: "'*' must be followed by the name of an anchor")
        _ = expectYAMLError("a: &1️⃣\n", .yamlSyntax, messageContains: "'&' must be followed by an anchor name")
    }

    @Test func shortHexEscape() {
        _ = expectYAMLError("key: \"a\\x1️⃣4\"\n", .yamlSyntax, messageContains: "take 2, 4 and 8 hex digits")
    }

    @Test func blockScalarIndicatorWithTextOnItsLine() {
        _ = expectYAMLError("a: |1️⃣xy\n  b\n", .yamlSyntax, messageContains: "must end its line")
    }

    @Test func verbatimCustomTag() {
        _ = expectYAMLError("a: 1️⃣!<x> 1\n", .yamlUnknownTag, messageContains: "'!<x>'")
    }

    @Test func unknownEscape() {
        _ = expectYAMLError("a: \"x1️⃣\\q\"\n", .yamlSyntax, messageContains: "unknown escape sequence")
    }

    @Test func reservedIndicator() {
        _ = expectYAMLError("a: 1️⃣@home\n", .yamlSyntax, messageContains: "'@' cannot start a plain value")
    }

    @Test func binaryFile() {
        var bytes: [UInt8] = Array("a: 1\nb: ".utf8)
        bytes += [0x00, 0x01, 0xFF, 0x89, 0x50, 0x4E, 0x47]
        do {
            _ = try YAMLParser.parseDocument(utf8: bytes, file: "img.yaml")
            Issue.record("binary input parsed")
        } catch {
            #expect(error.id == .yamlInvalidUTF8)
            #expect(error.message.contains("binary file"))
            #expect(error.location == SourceLocation(file: "img.yaml", line: 2, column: 4))
        }
    }

    @Test func invalidUTF8() {
        let bytes: [UInt8] = Array("name: caf".utf8) + [0xE9, 0x0A]
        do {
            _ = try YAMLParser.parseDocument(utf8: bytes, file: "latin1.yaml")
            Issue.record("Latin-1 input parsed")
        } catch {
            #expect(error.id == .yamlInvalidUTF8)
            #expect(error.message.contains("not valid UTF-8"))
            #expect(error.location == SourceLocation(file: "latin1.yaml", line: 1, column: 10))
        }
    }

    @Test func utf16IsNotUTF8() {
        let bytes: [UInt8] = [0xFF, 0xFE, 0x61, 0x00, 0x3A, 0x00]
        #expect(throws: YAMLError.self) { try YAMLParser.parseDocument(utf8: bytes, file: "u16.yaml") }
    }

    @Test func controlCharacter() {
        _ = expectYAMLError("a: x1️⃣\u{1B}[0m\n", .yamlInvalidUTF8, messageContains: "control character U+001B")
    }

    @Test func nulInAString() {
        _ = expectYAMLError("a: 1\nb: x1️⃣\u{0}\n", .yamlInvalidUTF8, messageContains: "binary file")
    }

    @Test func deepNestingIsLimited() {
        let deep = String(repeating: "[", count: 600) + String(repeating: "]", count: 600)
        do {
            _ = try YAMLParser.parse(deep)
            Issue.record("600 levels parsed")
        } catch {
            #expect(error.id == .yamlTooDeep)
            #expect(error.location.column == 513)
        }
        let fine = String(repeating: "[", count: 500) + String(repeating: "]", count: 500)
        #expect((try? YAMLParser.parse(fine)) != nil)
    }

    @Test func errorRendersAsADiagnostic() {
        do {
            _ = try YAMLParser.parseDocument("a: 1\na: 2\n", file: "w.yaml")
        } catch {
            #expect(error.description == "w.yaml:2:1: error[yaml.duplicate-key]: duplicate key 'a' in this mapping; each key may appear only once")
            #expect(error.diagnostic.severity == .error)
        }
    }
}
