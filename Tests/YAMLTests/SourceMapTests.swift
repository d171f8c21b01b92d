import Diagnostics
import JSONValue
import Testing
import TestSupport
import YAML

/// Every node's position: `location` at the value, `keyLocation` at the key naming it.
@Suite struct SourceMapTests {
    private func document(_ source: MarkedText) throws -> SourceDocument {
        try YAMLParser.parseDocument(source.text, file: source.file)
    }

    @Test func blockMappingPositions() throws {
        let source = MarkedText("""
            1️⃣2️⃣StartAt: 3️⃣Load
            States:
              4️⃣Load:
                5️⃣6️⃣Type: 7️⃣Pass
                Next:
                8️⃣- 9️⃣x
            """)
        let map = try document(source).sourceMap
        #expect(map[.root]?.location == source["1️⃣"])
        #expect(map[.root]?.keyLocation == nil)
        #expect(map[[.key("StartAt")]]?.keyLocation == source["2️⃣"])
        #expect(map[[.key("StartAt")]]?.location == source["3️⃣"])
        #expect(map[[.key("States"), .key("Load")]]?.keyLocation == source["4️⃣"])
        #expect(map[[.key("States"), .key("Load")]]?.location == source["5️⃣"])
        #expect(map[[.key("States"), .key("Load"), .key("Type")]]?.keyLocation == source["6️⃣"])
        #expect(map[[.key("States"), .key("Load"), .key("Type")]]?.location == source["7️⃣"])
        #expect(map[[.key("States"), .key("Load"), .key("Next")]]?.location == source["8️⃣"])
        #expect(map[[.key("States"), .key("Load"), .key("Next"), .index(0)]]?.location == source["9️⃣"])
        #expect(map[[.key("States"), .key("Load"), .key("Next"), .index(0)]]?.keyLocation == nil)
    }

    @Test func flowPositionsAndUnicodeColumns() throws {
        let source = MarkedText("1️⃣ñame: 2️⃣{é: 3️⃣[4️⃣1, 5️⃣\"🚀\"]}\n")
        let map = try document(source).sourceMap
        #expect(map[[.key("ñame")]]?.keyLocation == source["1️⃣"])
        #expect(map[[.key("ñame")]]?.location == source["2️⃣"])
        #expect(map[[.key("ñame"), .key("é")]]?.location == source["3️⃣"])
        #expect(map[[.key("ñame"), .key("é"), .index(0)]]?.location == source["4️⃣"])
        #expect(map[[.key("ñame"), .key("é"), .index(1)]]?.location == source["5️⃣"])
    }

    @Test func everyNodeHasAnEntry() throws {
        let text = "a: {b: [1, 2, {c: d}]}\ne: f\n"
        let map = try YAMLParser.parseDocument(text, file: "t.yaml").sourceMap
        let expected: [JSONPointer] = [
            [], [.key("a")], [.key("a"), .key("b")], [.key("a"), .key("b"), .index(0)], [.key("a"), .key("b"), .index(1)],
            [.key("a"), .key("b"), .index(2)], [.key("a"), .key("b"), .index(2), .key("c")], [.key("e")],
        ]
        #expect(Set(map.entries.keys) == Set(expected))
    }

    @Test func aliasedNodesPointAtTheAnchoredText() throws {
        // A node's position is its start, properties included: here the anchor.
        let source = MarkedText("""
            base: 6️⃣&b
              1️⃣x: 2️⃣1
            3️⃣use: 4️⃣*b
            list:
              - 5️⃣*b
            """)
        let map = try document(source).sourceMap
        // The alias node itself: the key where it is used, the anchored node's position.
        #expect(map[[.key("use")]]?.keyLocation == source["3️⃣"])
        #expect(map[[.key("use")]]?.location == source["6️⃣"])
        #expect(map[[.key("use"), .key("x")]]?.location == source["2️⃣"])
        #expect(map[[.key("use"), .key("x")]]?.keyLocation == source["1️⃣"])
        #expect(map[[.key("list"), .index(0)]]?.keyLocation == nil)
        #expect(map[[.key("list"), .index(0), .key("x")]]?.location == source["2️⃣"])
        _ = source["4️⃣"]
        _ = source["5️⃣"]
    }

    @Test func mergedMembersPointAtTheirDefinition() throws {
        let source = MarkedText("""
            defaults: &d
              1️⃣retries: 2️⃣3
              timeout: 10
            task:
              <<: *d
              3️⃣timeout: 4️⃣20
            """)
        let document = try document(source)
        let map = document.sourceMap
        #expect(map[[.key("task"), .key("retries")]]?.keyLocation == source["1️⃣"])
        #expect(map[[.key("task"), .key("retries")]]?.location == source["2️⃣"])
        #expect(map[[.key("task"), .key("timeout")]]?.keyLocation == source["3️⃣"])
        #expect(map[[.key("task"), .key("timeout")]]?.location == source["4️⃣"])
        // The '<<' entry itself is not part of the document.
        #expect(map[[.key("task"), .key("<<")]] == nil)
        #expect(document.value["task"] == ["retries": 3, "timeout": 20])
    }

    @Test func anchorDefinedInsideAMergeKeepsItsEntries() throws {
        let source = MarkedText("""
            a:
              <<: &m {1️⃣k: 2️⃣v}
            b: *m
            """)
        let map = try document(source).sourceMap
        #expect(map[[.key("a"), .key("k")]]?.location == source["2️⃣"])
        #expect(map[[.key("b"), .key("k")]]?.location == source["2️⃣"])
        #expect(map[[.key("b"), .key("k")]]?.keyLocation == source["1️⃣"])
    }

    @Test func anchoredMappingWithMergeCopiesTheMergedResult() throws {
        let source = MarkedText("""
            a: &a
              <<: {1️⃣k: v}
            b: *a
            """)
        let map = try document(source).sourceMap
        #expect(map[[.key("b"), .key("k")]]?.keyLocation == source["1️⃣"])
        #expect(map[[.key("b"), .key("<<")]] == nil)
    }

    @Test func crlfLineEndings() throws {
        let document = try YAMLParser.parseDocument("a: 1\r\nb:\r\n  c: 2\r\n", file: "w.yaml")
        #expect(document.value == ["a": 1, "b": ["c": 2]])
        #expect(document.sourceMap[[.key("b"), .key("c")]]?.location == SourceLocation(file: "w.yaml", line: 3, column: 6))
    }

    @Test func oldMacLineEndingsCountAsLines() throws {
        let document = try YAMLParser.parseDocument("a: 1\rb: 2\r", file: "w.yaml")
        #expect(document.sourceMap[[.key("b")]]?.location == SourceLocation(file: "w.yaml", line: 2, column: 4))
        do {
            _ = try YAMLParser.parseDocument("a: 1\r\nb: 2\rc: \u{7}\n", file: "w.yaml")
            Issue.record("control character accepted")
        } catch {
            #expect(error.location == SourceLocation(file: "w.yaml", line: 3, column: 4))
        }
    }
}
