import Diagnostics
import JSONValue
import Testing
import YAML

/// Anchors, aliases (expanded by value), merge keys, and the limits that keep them safe.
@Suite struct AliasAndMergeTests {
    @Test func aliasesExpandByValue() throws {
        let value = try YAMLParser.parse("""
            retry: &retry
              MaxAttempts: 3
              Errors: [States.ALL]
            a: *retry
            list: [&n 5, *n, *retry]
            """)
        let retry: JSON = ["MaxAttempts": 3, "Errors": ["States.ALL"]]
        #expect(value == ["retry": retry, "a": retry, "list": [5, 5, retry]])
    }

    @Test func scalarAliasAsKey() throws {
        #expect(try YAMLParser.parse("a: &k name\n*k : 1\n") == ["a": "name", "name": 1])
    }

    @Test func anchorOnKeyUsedAsValue() throws {
        #expect(try YAMLParser.parse("&k 12: a\nb: *k\n") == ["12": "a", "b": 12])
    }

    @Test func laterAnchorWithTheSameNameWins() throws {
        #expect(try YAMLParser.parse("a: &x 1\nb: *x\nc: &x 2\nd: *x\n") == ["a": 1, "b": 1, "c": 2, "d": 2])
    }

    @Test func mergeKeyExplicitKeysWin() throws {
        let value = try YAMLParser.parse("""
            base: &base {a: 1, b: 2, c: 3}
            over:
              b: 20
              <<: *base
              d: 4
              c: 30
            """)
        #expect(value["over"] == ["b": 20, "a": 1, "c": 30, "d": 4])
        // Merged members take the place of '<<'; explicit keys keep theirs.
        #expect(value["over"]?.objectValue?.keys == ["b", "a", "d", "c"])
    }

    @Test func mergeListEarlierMapsWin() throws {
        let value = try YAMLParser.parse("""
            one: &one {a: 1, b: 1}
            two: &two {b: 2, c: 2}
            m:
              <<: [*one, *two]
              z: 0
            """)
        #expect(value["m"] == ["a": 1, "b": 1, "c": 2, "z": 0])
        #expect(value["m"]?.objectValue?.keys == ["a", "b", "c", "z"])
    }

    @Test func inlineMergeAndNestedMerges() throws {
        let value = try YAMLParser.parse("""
            base: &base
              <<: {x: 1}
              y: 2
            m:
              <<: *base
              y: 3
            """)
        #expect(value["base"] == ["x": 1, "y": 2])
        #expect(value["m"] == ["x": 1, "y": 3])
    }

    @Test func quotedMergeKeyIsAnOrdinaryKey() throws {
        #expect(try YAMLParser.parse("\"<<\": 1\n") == ["<<": 1])
    }

    @Test func mergeOfANonMapping() {
        _ = expectYAMLError("a:\n  <<: 1️⃣5\n", .yamlInvalidMerge, messageContains: "not a number")
        _ = expectYAMLError("a:\n  <<: 1️⃣[{b: 1}, x]\n", .yamlInvalidMerge, messageContains: "element 2")
    }

    @Test func undefinedAlias() {
        _ = expectYAMLError("a: 1\nb: 1️⃣*nope\n", .yamlUndefinedAlias, messageContains: "'*nope'")
    }

    @Test func aliasInsideItsOwnAnchor() {
        let error = expectYAMLError("a: &x\n  b: 1️⃣*x\n", .yamlAliasCycle, messageContains: "cannot contain itself")
        #expect(error?.diagnostic.notes.first?.location?.line == 1)
    }

    @Test func aliasInsideARedefinitionOfItsAnchor() {
        _ = expectYAMLError("a: &x 1\nb: &x [1️⃣*x]\n", .yamlAliasCycle, messageContains: "cannot contain itself")
    }

    @Test func innerAnchorOfTheSameNameIsTheMostRecent() throws {
        #expect(try YAMLParser.parse("a: &x [&x 1, *x]\n") == ["a": [1, 1]])
    }

    @Test func collectionAliasAsKey() {
        _ = expectYAMLError("a: &m {b: 1}\n1️⃣*m : 2\n", .yamlInvalidKey, messageContains: "cannot be a mapping key")
    }

    @Test(.timeLimit(.minutes(1))) func billionLaughsIsRejectedQuickly() {
        var text = "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n"
        let names = ["a", "b", "c", "d", "e", "f", "g", "h", "i", "j"]
        for (previous, name) in zip(names, names.dropFirst()) {
            text += "\(name): &\(name) [" + Array(repeating: "*\(previous)", count: 9).joined(separator: ",") + "]\n"
        }
        let clock = ContinuousClock()
        let start = clock.now
        #expect(throws: YAMLError.self) { try YAMLParser.parse(text) }
        do {
            _ = try YAMLParser.parse(text)
        } catch {
            #expect(error.id == .yamlAliasExpansionLimit)
            // Each '*f' expands 597,871 nodes: the first one on line 7 ('g') crosses 1,000,000.
            #expect(error.location.line == 7)
            #expect(error.location.column == 8)
        }
        #expect(clock.now - start < .seconds(10))
    }

    @Test func aliasesOfAHugeStringAreCappedInBytes() {
        var text = "s: &s \(String(repeating: "x", count: 1_000_000))\nlist:\n"
        for _ in 0..<12 { text += "  - *s\n" }
        do {
            _ = try YAMLParser.parse(text)
            Issue.record("12 MB of aliased text accepted")
        } catch {
            #expect(error.id == .yamlAliasExpansionLimit)
            // The eleventh alias (line 13) takes the expanded text past 10,000,000 bytes.
            #expect(error.location.line == 13)
        }
    }

    @Test func manyModestAliasesAreFine() throws {
        var text = "d: &d {a: 1, b: [1, 2, 3]}\nlist:\n"
        for _ in 0..<2000 { text += "  - *d\n" }
        #expect(try YAMLParser.parse(text)["list"]?.arrayValue?.count == 2000)
    }
}
