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

    /// Past this many members lookups go through `index` (below it a scan is faster).
    static let indexThreshold = 16

    public init() {}

    /// An empty object with room for `capacity` members, for builders that know the size
    /// (the engine's payload templates): appends then never reallocate.
    public init(minimumCapacity capacity: Int) {
        keys_.reserveCapacity(capacity)
        values_.reserveCapacity(capacity)
    }

    /// Makes room for `capacity` members in total.
    public mutating func reserveCapacity(_ capacity: Int) {
        keys_.reserveCapacity(capacity)
        values_.reserveCapacity(capacity)
    }

    /// Members in order; a repeated key keeps its first position and its last value.
    public init(_ members: some Sequence<(String, JSON)>) {
        for (key, value) in members { self[key] = value }
    }

    /// For parsers: members already checked for duplicates, with their key index when
    /// the parser built one (it must map every key to its position).
    init(validatedKeys keys: [String], values: [JSON], index: [String: Int]?) {
        keys_ = keys
        values_ = values
        if let index {
            self.index = index
        } else if keys.count > JSONObject.indexThreshold {
            self.index = Dictionary(uniqueKeysWithValues: keys.enumerated().map { ($1, $0) })
        }
    }

    /// An object from parallel arrays of keys and values, for builders whose keys are
    /// known to be distinct (a compiled payload template shares one `keys` array across
    /// every object it builds, so building one allocates only its values).
    public init(distinctKeys keys: [String], values: [JSON]) {
        precondition(keys.count == values.count, "one value per key")
        keys_ = keys
        values_ = values
        if keys.count > JSONObject.indexThreshold {
            index = Dictionary(keys.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        }
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
            index?[key] = keys_.count - 1
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
            index?[key] = keys_.count - 1
        } else if keys_.count > JSONObject.indexThreshold {
            index = Dictionary(uniqueKeysWithValues: keys_.enumerated().map { ($1, $0) })
        }
    }

    /// The members sorted by key in UTF-16 code-unit order, as RFC 8785 sorts them.
    public var sortedMembers: [Member] {
        sortedIndices().map { (key: keys_[$0], value: values_[$0]) }
    }

    /// Member positions in RFC 8785 key order (UTF-16 code units), for serializers.
    public func sortedIndices() -> [Int] {
        var order = Array(keys_.indices)
        if !keys_.isSorted(by: JSONObject.precedesInUTF16) {
            order.sort { JSONObject.precedesInUTF16(keys_[$0], keys_[$1]) }
        }
        return order
    }

    /// Whether `a` sorts before `b` by UTF-16 code units, computed on UTF-8 bytes.
    ///
    /// Byte order of UTF-8 is code point order, which agrees with UTF-16 order except
    /// between U+E000–U+FFFF (lead byte EE/EF) and supplementary characters (lead byte
    /// F0–F4), whose surrogates sort below U+E000 in UTF-16.
    static func precedesInUTF16(_ a: String, _ b: String) -> Bool {
        let contiguous = a.utf8.withContiguousStorageIfAvailable { left in
            b.utf8.withContiguousStorageIfAvailable { right in precedesInUTF16(left, right) }
        }
        if let result = contiguous ?? nil { return result }
        return precedesInUTF16(Array(a.utf8), Array(b.utf8))
    }

    static func precedesInUTF16(_ left: some Collection<UInt8>, _ right: some Collection<UInt8>) -> Bool {
        var l = left.makeIterator()
        var r = right.makeIterator()
        while true {
            switch (l.next(), r.next()) {
            case (nil, nil): return false
            case (nil, _): return true
            case (_, nil): return false
            case let (x?, y?):
                if x == y { continue }
                if x >= 0xF0, y == 0xEE || y == 0xEF { return true }
                if y >= 0xF0, x == 0xEE || x == 0xEF { return false }
                return x < y
            }
        }
    }
}

extension Array where Element == String {
    fileprivate func isSorted(by precedes: (String, String) -> Bool) -> Bool {
        for k in indices.dropFirst() where !precedes(self[k - 1], self[k]) { return false }
        return true
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
        for position in lhs.keys_.indices {
            let key = lhs.keys_[position]
            // Same order is the common case: compare in place before looking the key up.
            if rhs.keys_[position] == key {
                guard lhs.values_[position] == rhs.values_[position] else { return false }
            } else {
                guard let other = rhs[key], other == lhs.values_[position] else { return false }
            }
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

