import Diagnostics
import JSONValue
import Testing
import TestSupport

/// `JSONParser.parseDocument` records where every node and every key was written.
@Suite struct JSONParserSourceMapTests {
    @Test func recordsEveryNodeAndKey() throws {
        let source = MarkedText(
            """
            1️⃣{
              2️⃣"StartAt": 3️⃣"Ünïcode 😀",
              4️⃣"States": 5️⃣{
                6️⃣"Ünïcode 😀": 7️⃣{ 8️⃣"Type": 9️⃣"Pass", "Retry": [ 1, 2 ] }
              }
            }
            """, file: "flow.json")
        let document = try JSONParser.parseDocument(source.text, file: "flow.json")
        #expect(document.file == "flow.json")
        let map = document.sourceMap
        #expect(map[.root] == SourceMap.Entry(location: source["1️⃣"]))
        #expect(map[["StartAt"]] == SourceMap.Entry(location: source["3️⃣"], keyLocation: source["2️⃣"]))
        #expect(map[["States"]] == SourceMap.Entry(location: source["5️⃣"], keyLocation: source["4️⃣"]))
        #expect(map[["States", "Ünïcode 😀"]] == SourceMap.Entry(location: source["7️⃣"], keyLocation: source["6️⃣"]))
        #expect(
            map[["States", "Ünïcode 😀", "Type"]] == SourceMap.Entry(location: source["9️⃣"], keyLocation: source["8️⃣"]))
        let second = try #require(map[["States", "Ünïcode 😀", "Retry", .index(1)]])
        #expect(second.keyLocation == nil)
        #expect(second.location == SourceLocation(file: "flow.json", line: 4, column: 50))
        #expect(map.entries.count == 8)
    }

    @Test func arrayElementsAreIndexed() throws {
        let source = MarkedText("1️⃣[2️⃣1,\n 3️⃣[], 4️⃣{}, 5️⃣\"x\"]", file: "a.json")
        let map = try JSONParser.parseDocument(source.text, file: "a.json").sourceMap
        #expect(map[[]]?.location == source["1️⃣"])
        #expect(map[[.index(0)]]?.location == source["2️⃣"])
        #expect(map[[.index(1)]]?.location == source["3️⃣"])
        #expect(map[[.index(2)]]?.location == source["4️⃣"])
        #expect(map[[.index(3)]]?.location == source["5️⃣"])
        #expect(map.entries.count == 5)
    }

    @Test func bytesVariantSkipsTheBOM() throws {
        let document = try JSONParser.parseDocument(utf8: [0xEF, 0xBB, 0xBF] + Array("{\n \"a\": 1}".utf8), file: "b.json")
        #expect(document.value == ["a": 1])
        #expect(document.sourceMap[[]]?.location == SourceLocation(file: "b.json", line: 1, column: 1))
        #expect(document.sourceMap[["a"]]?.keyLocation == SourceLocation(file: "b.json", line: 2, column: 2))
        #expect(document.sourceMap[["a"]]?.location == SourceLocation(file: "b.json", line: 2, column: 7))
    }
}
