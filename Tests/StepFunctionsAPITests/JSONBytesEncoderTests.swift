import JSONValue
import StepFunctionsAPI
import Testing

/// `JSONBytesEncoder` writes what the tree encoder serializes, byte for byte, and gives up
/// (nil) on the container orders it cannot write in one pass, which `APICoding` then encodes
/// through the tree.
@Suite struct JSONBytesEncoderTests {
    struct Leaf: Codable { var name: String; var weight: Double?; var flags: [Bool] }
    struct Empty: Codable {}
    struct Tree: Codable {
        var id: Int64
        var big: UInt64
        var small: Int8
        var label: String?
        var leaves: [Leaf]
        var matrix: [[Int]]
        var byName: [String: Leaf]
        var empty: Empty
        var nothing: [String]
        var when: Timestamp
        var arn: StateMachineARN
    }

    static let tree = Tree(
        id: -42, big: UInt64.max, small: 7, label: "quote \" backslash \\ newline \n é 😀 \u{1}",
        leaves: [Leaf(name: "a", weight: 0.1, flags: [true, false]), Leaf(name: "b", weight: nil, flags: [])],
        matrix: [[1, 2], [], [3]], byName: ["x": Leaf(name: "x", weight: 1e300, flags: [true])], empty: Empty(),
        nothing: [], when: Timestamp(millisecondsSince1970: 1_732_780_800_120),
        arn: ARNScope.local.stateMachine(named: "Orders").version(3))

    private func treeBytes<T: Encodable>(_ value: T) throws -> [UInt8] {
        try JSONValueEncoder().encode(value).serializedUTF8(.compact)
    }

    @Test func writesWhatTheTreeEncoderSerializes() throws {
        let bytes = try #require(try JSONBytesEncoder().encode(Self.tree))
        #expect(String(decoding: bytes, as: UTF8.self) == String(decoding: try treeBytes(Self.tree), as: UTF8.self))
    }

    @Test func writesTopLevelPrimitivesAndCollections() throws {
        #expect(try JSONBytesEncoder().encode("a\"b") == treeBytes("a\"b"))
        #expect(try JSONBytesEncoder().encode(12) == treeBytes(12))
        #expect(try JSONBytesEncoder().encode([1.5, 2]) == treeBytes([1.5, 2]))
        #expect(try JSONBytesEncoder().encode([String]()) == Array("[]".utf8))
        #expect(try JSONBytesEncoder().encode(Empty()) == Array("{}".utf8))
        #expect(try JSONBytesEncoder().encode([Empty(), Empty()]) == Array("[{},{}]".utf8))
    }

    /// A nested container filled after its parent wrote on cannot be written in one pass.
    struct LateNested: Encodable {
        enum Keys: String, CodingKey { case inner, after, value }
        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: Keys.self)
            var inner = container.nestedContainer(keyedBy: Keys.self, forKey: .inner)
            try container.encode(1, forKey: .after)
            try inner.encode(2, forKey: .value)
        }
    }

    /// A key encoded twice: the tree keeps the last value in the first position.
    struct RepeatedKey: Encodable {
        enum Keys: String, CodingKey { case a, b }
        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: Keys.self)
            try container.encode(1, forKey: .a)
            try container.encode(2, forKey: .b)
            try container.encode(3, forKey: .a)
        }
    }

    struct UsesSuper: Encodable {
        enum Keys: String, CodingKey { case own }
        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: Keys.self)
            try container.encode("x", forKey: .own)
            var base = container.superEncoder().container(keyedBy: Keys.self)
            try base.encode("y", forKey: .own)
        }
    }

    /// Nested containers used in order stream like any other member.
    struct OrderedNested: Encodable {
        enum Keys: String, CodingKey { case first, list, last }
        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: Keys.self)
            var first = container.nestedContainer(keyedBy: Keys.self, forKey: .first)
            try first.encode(true, forKey: .last)
            var list = container.nestedUnkeyedContainer(forKey: .list)
            try list.encode("a")
            var object = list.nestedContainer(keyedBy: Keys.self)
            try object.encodeNil(forKey: .first)
            try list.encode(3)
            try container.encode(4, forKey: .last)
        }
    }

    @Test func containersUsedOutOfOrderAreLeftToTheTree() throws {
        #expect(try JSONBytesEncoder().encode(LateNested()) == nil)
        #expect(try JSONBytesEncoder().encode(RepeatedKey()) == nil)
        #expect(try JSONBytesEncoder().encode(UsesSuper()) == nil)
        // APICoding falls back and writes what the tree writes.
        #expect(String(decoding: try APICoding.encode(LateNested()), as: UTF8.self) == #"{"inner":{"value":2},"after":1}"#)
        #expect(String(decoding: try APICoding.encode(RepeatedKey()), as: UTF8.self) == #"{"a":3,"b":2}"#)
        #expect(try APICoding.encode(UsesSuper()) == treeBytes(UsesSuper()))
    }

    @Test func nestedContainersInOrderStream() throws {
        let bytes = try #require(try JSONBytesEncoder().encode(OrderedNested()))
        #expect(String(decoding: bytes, as: UTF8.self) == #"{"first":{"last":true},"list":["a",{"first":null},3],"last":4}"#)
        #expect(bytes == (try treeBytes(OrderedNested())))
    }

    @Test func refusesNonFiniteNumbersWithTheirPath() {
        #expect {
            _ = try JSONBytesEncoder().encode(Leaf(name: "n", weight: .infinity, flags: []))
        } throws: { error in
            guard case EncodingError.invalidValue(_, let context) = error else { return false }
            return context.codingPath.map(\.stringValue) == ["weight"]
        }
    }

    /// The API's own shapes, as the server answers them.
    @Test func apiResponsesMatchTheTree() throws {
        let scope = ARNScope.local
        let execution = scope.stateMachine(named: "Orders").execution(named: "run-1")
        let described = DescribeExecutionOutput(
            executionArn: execution, stateMachineArn: scope.stateMachine(named: "Orders"), name: "run-1",
            status: .succeeded, startDate: Timestamp(millisecondsSince1970: 1_000), stopDate: Timestamp(millisecondsSince1970: 2_500),
            input: #"{"a":1}"#, inputDetails: CloudWatchEventsExecutionDataDetails(included: true),
            output: "[]", outputDetails: CloudWatchEventsExecutionDataDetails(included: true))
        let bytes = try #require(try JSONBytesEncoder().encode(described))
        #expect(bytes == (try treeBytes(described)))
        #expect(try APICoding.decode(DescribeExecutionOutput.self, from: bytes) == described)
    }
}
