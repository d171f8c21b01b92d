import JSONValue
import Testing

@Suite struct JSONPointerTests {
    let document: JSON = [
        "States": ["Load": ["Next": "Save", "Retry": [["MaxAttempts": 3]]], "a/b~c": 1, "0": "zero"],
        "": "empty key",
    ]

    @Test func escapesPerRFC6901() {
        let pointer: JSONPointer = ["States", "a/b~c", 0]
        #expect(pointer.description == "/States/a~1b~0c/0")
        #expect(pointer.awsLocation == "/States/a/b~c/0")
        #expect(JSONPointer.root.description == "")
        #expect(JSONPointer([.key("")]).description == "/")
    }

    @Test func parsesRFC6901Text() {
        #expect(JSONPointer(parsing: "") == .root)
        #expect(JSONPointer(parsing: "/States/a~1b~0c/0") == ["States", "a/b~c", 0])
        #expect(JSONPointer(parsing: "/~01") == ["~1"])
        #expect(JSONPointer(parsing: "/") == [""])
        #expect(JSONPointer(parsing: "/a/01") == ["a", "01"])
        #expect(JSONPointer(parsing: "/a/-1") == ["a", "-1"])
        #expect(JSONPointer(parsing: "States") == nil)
    }

    @Test func roundTripsThroughText() {
        for pointer: JSONPointer in [[], ["a"], ["", "x/y", "~"], ["States", 3, "Next"]] {
            #expect(JSONPointer(parsing: pointer.description) == pointer)
        }
    }

    @Test func resolves() {
        #expect(JSONPointer.root.resolve(in: document) == document)
        #expect(JSONPointer(parsing: "/States/Load/Next")?.resolve(in: document) == "Save")
        #expect(JSONPointer(parsing: "/States/Load/Retry/0/MaxAttempts")?.resolve(in: document) == 3)
        #expect(JSONPointer(parsing: "/States/a~1b~0c")?.resolve(in: document) == 1)
        #expect(JSONPointer(parsing: "/States/0")?.resolve(in: document) == "zero")
        #expect(JSONPointer(parsing: "/")?.resolve(in: document) == "empty key")
        #expect(JSONPointer(parsing: "/States/Load/Retry/1")?.resolve(in: document) == nil)
        #expect(JSONPointer(parsing: "/States/Missing")?.resolve(in: document) == nil)
        #expect(JSONPointer(parsing: "/States/Load/Next/x")?.resolve(in: document) == nil)
    }

    @Test func navigates() {
        let pointer: JSONPointer = ["States", "Load"]
        #expect(pointer.appending("Next") == ["States", "Load", "Next"])
        #expect(pointer.appending(2) == ["States", "Load", 2])
        #expect(pointer.appending(["Retry", 0]) == ["States", "Load", "Retry", 0])
        #expect(pointer.parent == ["States"])
        #expect(pointer.last == .key("Load"))
        #expect(JSONPointer.root.parent == nil)
        #expect(JSONPointer.root.isRoot)
    }
}

extension JSONPointerTests {
    @Test func indexAndNumericKeyAreTheSameToken() throws {
        #expect(JSONPointer([.key("0")]) == JSONPointer([.index(0)]))
        #expect(JSONPointer([.key("0")]).hashValue == JSONPointer([.index(0)]).hashValue)
        #expect(JSONPointer([.key("01")]) != JSONPointer([.index(1)]))
        let document = try JSONParser.parseDocument(#"{"States": {"0": true}}"#, file: "a.json")
        let pointer = try #require(JSONPointer(parsing: "/States/0"))
        #expect(document.sourceMap[pointer]?.location.column == 18)
    }
}
