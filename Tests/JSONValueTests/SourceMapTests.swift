import Diagnostics
import JSONValue
import Testing

@Suite struct SourceMapTests {
    func at(_ line: Int, _ column: Int, _ file: String = "a.json") -> Diagnostics.SourceLocation {
        SourceLocation(file: file, line: line, column: column)
    }

    @Test func nearestFallsBackToTheClosestAncestor() {
        var map = SourceMap()
        map[.root] = .init(location: at(1, 1))
        map[["States"]] = .init(location: at(2, 13), keyLocation: at(2, 3))
        #expect(map.nearest(["States"])?.location == at(2, 13))
        #expect(map.nearest(["States", "Load", "Next"])?.location == at(2, 13))
        #expect(map.nearest(["Comment"])?.location == at(1, 1))
        #expect(SourceMap().nearest(["x"]) == nil)
    }

    @Test func graftsATemplateUnderAPrefix() throws {
        let template = try JSONParser.parseDocument("{\n  \"MaxAttempts\": 3\n}", file: "templates/retry.json")
        var map = SourceMap()
        map[.root] = .init(location: at(1, 1))
        let use = at(7, 14)
        map.graft(template.sourceMap, at: ["States", "Load", "Retry", 0], includedFrom: use)
        let entry = try #require(map[["States", "Load", "Retry", 0, "MaxAttempts"]])
        #expect(entry.location == at(2, 18, "templates/retry.json"))
        #expect(entry.keyLocation == at(2, 3, "templates/retry.json"))
        #expect(entry.includedFrom == [use])
        #expect(map[["States", "Load", "Retry", 0]]?.location == at(1, 1, "templates/retry.json"))
        #expect(map[.root]?.location == at(1, 1))

        // A nested graft appends the outer use after the inner one (innermost first).
        var outer = SourceMap()
        outer.graft(map, at: ["Branches", 0], includedFrom: at(9, 9, "b.json"))
        #expect(
            outer[["Branches", 0, "States", "Load", "Retry", 0]]?.includedFrom == [use, at(9, 9, "b.json")])
        #expect(outer[["Branches", 0]]?.includedFrom == [at(9, 9, "b.json")])
    }

    @Test func subtreeReRootsEntries() throws {
        let document = try JSONParser.parseDocument(#"{"A": {"B": [1, 2]}, "AB": 3}"#, file: "a.json")
        let subtree = document.sourceMap.subtree(at: ["A"])
        #expect(subtree[.root]?.location == at(1, 7))
        #expect(subtree[["B", 1]]?.location == at(1, 17))
        #expect(subtree.entries.count == 4)
        #expect(subtree[["AB"]] == nil)
        #expect(document.sourceMap.subtree(at: ["missing"]).isEmpty)
    }
}
