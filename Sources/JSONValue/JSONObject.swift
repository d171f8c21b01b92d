/// A JSON object that keeps its members in insertion order.
///
/// Lookups are linear for small objects (most ASL objects have under a dozen keys,
/// where a scan beats hashing) and go through a key index once an object grows.
public struct JSONObject: Sendable {
    public typealias Member = (key: String, value: JSON)

    private var keys_: [String] = []
    private var values_: [JSON] = []
    /// Built lazily past `indexThreshold` members; maps a key to its position.
    private var index: [String: Int]?

    private static let indexThreshold = 16

    public init() {}

    /// Members in order; a repeated key keeps its first position and its last value.
    public init(_ members: some Sequence<(String, JSON)>) {
        for (key, value) in members { self[key] = value }
    }

    public var count: Int { keys_.count }
    public var isEmpty: Bool { keys_.isEmpty }
    public var keys: [String] { keys_ }
    public var values: [JSON] { values_ }

    public func position(of key: String) -> Int? {
        if let index { return index[key] }
        return keys_.firstIndex(of: key)
    }

    public subscript(key: String) -> JSON? {
        get { position(of: key).map { values_[$0] } }
        set {
            if let newValue { updateValue(newValue, forKey: key) } else { removeValue(forKey: key) }
        }
    }

    /// Sets a member, keeping its position if present; returns the old value.
    @discardableResult
    public mutating func updateValue(_ value: JSON, forKey key: String) -> JSON? {
        if let i = position(of: key) {
            let old = values_[i]
            values_[i] = value
            return old
        }
        keys_.append(key)
        values_.append(value)
        if index != nil {
            index![key] = keys_.count - 1
        } else if keys_.count > JSONObject.indexThreshold {
            index = Dictionary(uniqueKeysWithValues: keys_.enumerated().map { ($1, $0) })
        }
        return nil
    }

    @discardableResult
    public mutating func removeValue(forKey key: String) -> JSON? {
        guard let i = position(of: key) else { return nil }
        keys_.remove(at: i)
        let old = values_.remove(at: i)
        index = keys_.count > JSONObject.indexThreshold
            ? Dictionary(uniqueKeysWithValues: keys_.enumerated().map { ($1, $0) }) : nil
        return old
    }

    /// Appends a member known not to be present (parsers check duplicates themselves).
    public mutating func appendUnchecked(_ key: String, _ value: JSON) {
        keys_.append(key)
        values_.append(value)
        if index != nil {
            index![key] = keys_.count - 1
        } else if keys_.count > JSONObject.indexThreshold {
            index = Dictionary(uniqueKeysWithValues: keys_.enumerated().map { ($1, $0) })
        }
    }

    /// The members sorted by key in UTF-16 code-unit order, as RFC 8785 sorts them.
    public var sortedMembers: [Member] {
        zip(keys_, values_).map { (key: $0, value: $1) }
            .sorted { $0.key.utf16.lexicographicallyPrecedes($1.key.utf16) }
    }
}

extension JSONObject: RandomAccessCollection {
    public var startIndex: Int { 0 }
    public var endIndex: Int { keys_.count }
    public subscript(position: Int) -> Member { (key: keys_[position], value: values_[position]) }
}

extension JSONObject: ExpressibleByDictionaryLiteral {
    public init(dictionaryLiteral elements: (String, JSON)...) { self.init(elements) }
}

extension JSONObject: Hashable {
    /// Member order is ignored, as in JSON's data model.
    public static func == (lhs: JSONObject, rhs: JSONObject) -> Bool {
        guard lhs.count == rhs.count else { return false }
        for (key, value) in zip(lhs.keys_, lhs.values_) {
            guard let other = rhs[key], other == value else { return false }
        }
        return true
    }

    public func hash(into hasher: inout Hasher) {
        // Order-independent: combine per-member hashes commutatively.
        var sum = 0
        for (key, value) in zip(keys_, values_) {
            var h = Hasher()
            h.combine(key)
            h.combine(value)
            sum = sum &+ h.finalize()
        }
        hasher.combine(count)
        hasher.combine(sum)
    }
}

