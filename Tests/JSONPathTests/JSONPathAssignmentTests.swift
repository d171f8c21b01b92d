import JSONValue
import Testing

@testable import JSONPath

@Suite struct JSONPathAssignmentTests {
    func assign(_ path: String, _ value: JSON, into document: JSON) throws -> Result<JSON, JSONPathFailure> {
        try JSONPath.parse(path).assigning(value, into: document)
    }

    @Test func dollarReplacesTheDocument() throws {
        #expect(try assign("$", "x", into: ["a": 1]) == .success("x"))
    }

    @Test func createsMissingObjectsAndOverwritesMembers() throws {
        #expect(try assign("$.result.sum", 3, into: ["a": 1]) == .success(["a": 1, "result": ["sum": 3]]))
        #expect(try assign("$.a", 2, into: ["a": 1, "b": 0]) == .success(["a": 2, "b": 0]))
        #expect(try assign("$['odd key'].x", true, into: [:]) == .success(["odd key": ["x": true]]))
    }

    @Test func keepsMemberOrder() throws {
        let result = try assign("$.a", 9, into: ["a": 1, "b": 2]).get()
        #expect(result.objectValue?.keys == ["a", "b"])
    }

    @Test func replacesExistingElements() throws {
        #expect(try assign("$.list[1].v", 5, into: ["list": [["v": 0], ["v": 1]]]) == .success(["list": [["v": 0], ["v": 5]]]))
    }

    @Test func failsWhereTheDocumentHasTheWrongShape() throws {
        #expect(try assign("$.x", 1, into: "hello") == .failure(JSONPathFailure(kind: .assignmentFailed, message: "cannot apply ['x'] to the string at $")))
        #expect(try assign("$.a.b", 1, into: ["a": 5]) == .failure(JSONPathFailure(kind: .assignmentFailed, message: "cannot apply ['b'] to the number at $['a']")))
        #expect(try assign("$.list[3]", 1, into: ["list": [1]]) == .failure(JSONPathFailure(kind: .assignmentFailed, message: "index [3] is out of bounds at $['list']")))
    }

    @Test func refusesPathsThatAreNotReferencePaths() throws {
        #expect(try assign("$.a[*]", 1, into: [:]) == .failure(JSONPathFailure(kind: .notAReferencePath, message: "'$.a[*]' is not a reference path and cannot be assigned to")))
        #expect(try assign("$$.a", 1, into: [:]) == .failure(JSONPathFailure(kind: .notAReferencePath, message: "'$$.a' is not a reference path and cannot be assigned to")))
    }
}
