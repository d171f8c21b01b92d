import JSONValue
import Testing

@Suite struct JSONObjectTests {
    @Test func keepsInsertionOrderThroughUpdates() {
        var object: JSONObject = ["b": 1, "a": 2]
        object["c"] = 3
        object["b"] = 10
        #expect(object.keys == ["b", "a", "c"])
        #expect(object["b"] == 10)
        #expect(object.removeValue(forKey: "a") == 2)
        #expect(object.keys == ["b", "c"])
        object["c"] = nil
        #expect(object.keys == ["b"])
        #expect(object.removeValue(forKey: "missing") == nil)
    }

    @Test func repeatedKeysInInitKeepFirstPositionLastValue() {
        let object = JSONObject([("a", 1), ("b", 2), ("a", 3)])
        #expect(object.keys == ["a", "b"])
        #expect(object["a"] == 3)
    }

    /// Past the index threshold lookups go through a dictionary; it must track every edit.
    @Test func largeObjectsStayConsistent() {
        var object = JSONObject()
        for k in 0..<40 { object["k\(k)"] = .number(JSONNumber(k)) }
        #expect(object.count == 40)
        #expect(object["k37"] == 37)
        object.removeValue(forKey: "k3")
        #expect(object["k3"] == nil)
        #expect(object["k4"] == 4)
        #expect(object.position(of: "k4") == 3)
        object["k3"] = "back"
        #expect(object.keys.last == "k3")
        #expect(object["k39"] == 39)
        for k in 0..<36 { object.removeValue(forKey: "k\(k)") }
        #expect(object.keys == ["k36", "k37", "k38", "k39"])
        #expect(object["k38"] == 38)
        object.appendUnchecked("z", nil)
        #expect(object["z"] == JSON.null)
    }

    @Test func equalityIgnoresOrder() {
        let a: JSONObject = ["a": 1, "b": [1, 2]]
        let b: JSONObject = ["b": [1, 2], "a": 1.0]
        #expect(a == b)
        #expect(a.hashValue == b.hashValue)
        #expect(a != ["a": 1, "b": [2, 1]])
    }

    @Test func sortsByUTF16CodeUnits() {
        let object: JSONObject = ["\u{FB33}": 1, "😀": 2, "b": 3, "B": 4, "ba": 5, "": 6, "é": 7]
        #expect(object.sortedMembers.map(\.key) == ["", "B", "b", "ba", "é", "😀", "\u{FB33}"])
        #expect(object.sortedIndices() == [5, 3, 2, 4, 6, 1, 0])
    }
}

@Suite struct JSONObjectCapacityTests {
    @Test func reservedObjectsBehaveLikeAnyOther() {
        var object = JSONObject(minimumCapacity: 3)
        object.appendUnchecked("a", 1)
        object.reserveCapacity(40)
        for i in 0..<30 { object.appendUnchecked("k\(i)", .number(JSONNumber(i))) }
        #expect(object.count == 31)
        #expect(object["k29"] == 29)
        #expect(object.keys.first == "a")
        #expect(object == JSONObject([("a", 1)] + (0..<30).map { ("k\($0)", JSON.number(JSONNumber($0))) }))
    }
}
