public import JSONValue

/// Writes the stored documents of history events and cursors (what their `Codable` forms
/// encode to) straight into one reusable byte buffer: a durable store writes one event per
/// row and rewrites the cursor on every transition, and building each row as a `JSON` tree,
/// then a `String`, cost as much CPU as SQLite itself. `StoredJSONTests` and
/// `StoredBytesTests` hold the documents to the `Codable` form, so old databases and the
/// reader are untouched.
///
/// A payload is stored as its compact text inside a string; the writer keeps the last
/// payload's quoted text and reuses it while the next payload is the very same value (a
/// state's output is the next state's input and the cursor's), so each is written once.
public struct StoredJSONWriter {
    /// The document last written; valid until the next `write`.
    public private(set) var bytes: [UInt8] = []
    /// The last payload written and its quoted compact text (`"{\"a\":1}"`).
    private var cachedPayload: JSON?
    private var cachedQuoted: [UInt8] = []
    private var scratch: [UInt8] = []

    public init() {
        bytes.reserveCapacity(512)
    }

    /// Replaces `bytes` with `event`'s stored document.
    public mutating func write(_ event: HistoryEvent) {
        bytes.removeAll(keepingCapacity: true)
        _ = append(event)
    }

    /// Replaces `bytes` with `cursor`'s stored document.
    public mutating func write(_ cursor: ExecutionCursor) {
        bytes.removeAll(keepingCapacity: true)
        _ = append(cursor)
    }

    /// Appends `event`'s stored document after the ones already in `bytes`; its range there.
    public mutating func append(_ event: HistoryEvent) -> Range<Int> {
        let start = bytes.count
        event.writeStored(into: &self)
        return start..<bytes.count
    }

    /// Appends `cursor`'s stored document after the ones already in `bytes`; its range there.
    public mutating func append(_ cursor: ExecutionCursor) -> Range<Int> {
        let start = bytes.count
        cursor.writeStored(into: &self)
        return start..<bytes.count
    }

    // MARK: Pieces, for the types' `writeStored(into:)`

    /// Text that needs no escaping: punctuation and the documents' own keys.
    @inline(__always)
    mutating func raw(_ text: StaticString) {
        bytes.append(contentsOf: UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    /// `"name":`, after a comma unless it opens its object (no value ends in `{`).
    mutating func key(_ name: StaticString) {
        if bytes.last != UInt8(ascii: "{") { bytes.append(UInt8(ascii: ",")) }
        bytes.append(UInt8(ascii: "\""))
        raw(name)
        bytes.append(UInt8(ascii: "\""))
        bytes.append(UInt8(ascii: ":"))
    }

    mutating func integer(_ value: Int) { JSON.appendInteger(Int64(value), to: &bytes) }
    mutating func integer(_ value: Int64) { JSON.appendInteger(value, to: &bytes) }

    /// A `UInt64` in decimal, as `JSONEncoder` writes it (past `Int64.max` too).
    mutating func unsigned(_ value: UInt64) {
        if let small = Int64(exactly: value) { return integer(small) }
        bytes.append(contentsOf: String(value).utf8)
    }

    mutating func bool(_ value: Bool) { value ? raw("true") : raw("false") }

    mutating func string(_ value: String) { JSON.appendQuoted(value, to: &bytes) }

    /// `{"millisecondsSinceEpoch":…}`.
    mutating func timestamp(_ time: Timestamp) {
        raw("{\"millisecondsSinceEpoch\":")
        integer(time.millisecondsSinceEpoch)
        raw("}")
    }

    /// `{"truncated":…}`, a payload's details.
    mutating func dataDetails(_ details: HistoryEventExecutionDataDetails) {
        raw("{\"truncated\":")
        bool(details.truncated)
        raw("}")
    }

    /// A payload as `JSON`'s `Codable` form keeps it: its compact text, as a string.
    mutating func payload(_ value: JSON) {
        if let cachedPayload, cachedPayload.sharesStorage(with: value) {
            return bytes.append(contentsOf: cachedQuoted)
        }
        scratch.removeAll(keepingCapacity: true)
        value.serialize(into: &scratch)
        let start = bytes.count
        scratch.withUnsafeBufferPointer { JSON.appendQuoted(utf8: $0, to: &bytes) }
        switch value {
        case .object, .array: remember(value, from: start)
        default: break  // scalars and strings have no identity to key a cache on
        }
    }

    private mutating func remember(_ value: JSON, from start: Int) {
        cachedPayload = value
        cachedQuoted.removeAll(keepingCapacity: true)
        cachedQuoted.append(contentsOf: bytes[start...])
    }

    /// A `[String: JSON]` as its `Codable` form keeps it: an object of compact texts, in
    /// the dictionary's own order.
    mutating func payloads(_ values: [String: JSON]) {
        raw("{")
        for (name, value) in values {
            if bytes.last != UInt8(ascii: "{") { bytes.append(UInt8(ascii: ",")) }
            string(name)
            bytes.append(UInt8(ascii: ":"))
            payload(value)
        }
        raw("}")
    }
}
