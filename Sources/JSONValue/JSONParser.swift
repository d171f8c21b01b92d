import Diagnostics

/// Reads JSON text (RFC 8259, strictly) into `JSON`, optionally with a source map.
///
/// Works on contiguous UTF-8 bytes and never touches `Character`s: this parser sits on
/// every hot path of the engine. Nesting is handled with explicit stacks rather than
/// recursion, so a hostile document cannot overflow the stack; it is capped at
/// `maxDepth` levels all the same, with a positioned error.
///
/// Strict on purpose: definitions are identities (their canonical sha256), so anything
/// two JSON readers might disagree on (duplicate keys, lone surrogates, invalid UTF-8,
/// comments, trailing garbage) is an error at its line and column.
public struct JSONParser {
    /// The deepest nesting of arrays and objects accepted.
    public static let maxDepth = 512

    let bytes: UnsafeBufferPointer<UInt8>
    let end: Int
    /// Where line 1, column 1 starts: after a UTF-8 byte order mark when there is one.
    let textStart: Int
    let file: String
    var i: Int

    /// The containers open at the current position, innermost last.
    var frames: [Frame] = []
    /// Elements and member values of every open container, outermost first; each closes
    /// into one exactly-sized array (growing a fresh array per container cost several
    /// reallocations each).
    var values: [JSON] = []
    /// Keys of every open object and their offsets (a duplicate key's error points at
    /// the first definition); the last one of an object is the key whose value comes next.
    var keys: [String] = []
    var keyOffsets: [Int] = []
    /// Reused for strings that contain escapes.
    var scratch: [UInt8] = []
    /// Present only for `parseDocument`: plain `parse` pays nothing for positions.
    var mapper: SourceMapBuilder?

    enum Open {
        case array(opener: Int)
        case object(opener: Int)
    }

    /// An open container: what it is, where its opener is, where its entries start on the
    /// shared stacks, and (for objects past `JSONObject.indexThreshold` members) a key
    /// index for duplicate checks that the finished object then keeps.
    struct Frame {
        let kind: Open
        let valueBase: Int
        let keyBase: Int
        var keyIndex: [String: Int]?
    }

    init(bytes: UnsafeBufferPointer<UInt8>, file: String, buildSourceMap: Bool) {
        self.bytes = bytes
        self.end = bytes.count
        self.file = file
        let hasBOM = bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF
        self.textStart = hasBOM ? 3 : 0
        self.i = textStart
        if buildSourceMap { mapper = SourceMapBuilder(file: file, start: textStart) }
    }

    // MARK: Entry points

    /// Parses a whole document and builds its source map: every node's position, and for
    /// object members the position of their key. `file` names the source in locations.
    public static func parseDocument(_ text: String, file: String) throws(JSONParseError) -> SourceDocument {
        var text = text
        let result = text.withUTF8 { buffer in
            Result { () throws(JSONParseError) in try parseDocument(buffer, file: file) }
        }
        return try result.get()
    }

    /// Like `parseDocument(_:file:)` for raw bytes, which may be invalid UTF-8 (a positioned error).
    public static func parseDocument(utf8: [UInt8], file: String) throws(JSONParseError) -> SourceDocument {
        let result = utf8.withUnsafeBufferPointer { buffer in
            Result { () throws(JSONParseError) in try parseDocument(buffer, file: file) }
        }
        return try result.get()
    }

    /// Parses bytes the caller keeps alive for the duration of the call.
    public static func parseDocument(_ buffer: UnsafeBufferPointer<UInt8>, file: String) throws(JSONParseError) -> SourceDocument {
        var parser = JSONParser(bytes: buffer, file: file, buildSourceMap: true)
        let value = try parser.parseWholeText()
        let sourceMap = parser.mapper?.makeSourceMap() ?? SourceMap()
        return SourceDocument(value: value, sourceMap: sourceMap, file: file)
    }

    /// Parses bytes without building a source map; errors name `file`.
    public static func parse(_ buffer: UnsafeBufferPointer<UInt8>, file: String = "<input>") throws(JSONParseError) -> JSON {
        var parser = JSONParser(bytes: buffer, file: file, buildSourceMap: false)
        return try parser.parseWholeText()
    }

    // MARK: Driver

    mutating func parseWholeText() throws(JSONParseError) -> JSON {
        skipWhitespace()
        guard i < end else { throw failure(.emptyDocument, "empty document", at: textStart) }
        let value = try parseValue()
        skipWhitespace()
        if i < end { throw trailingContent() }
        return value
    }

    /// Reads one value starting at `i` (whitespace already skipped). Containers push a
    /// frame and loop back here for their first child; a finished value is attached to the
    /// innermost open container, closing every container that ends right after it.
    mutating func parseValue() throws(JSONParseError) -> JSON {
        while true {
            var value: JSON
            if mapper != nil { noteValueStart() }
            guard i < end else { throw unexpected("expected a value") }
            switch bytes[i] {
            case UInt8(ascii: "{"):
                try open(.object(opener: i))
                skipWhitespace()
                if i < end, bytes[i] == UInt8(ascii: "}") {
                    i += 1
                    frames.removeLast()
                    value = .object(JSONObject())
                } else {
                    try parseKey()
                    continue
                }
            case UInt8(ascii: "["):
                try open(.array(opener: i))
                skipWhitespace()
                if i < end, bytes[i] == UInt8(ascii: "]") {
                    i += 1
                    frames.removeLast()
                    value = .array([])
                } else {
                    continue
                }
            case UInt8(ascii: "\""):
                value = .string(try parseString())
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                value = .number(try parseNumber())
            default:
                value = try parseWord()
            }

            // Attach the finished value to its parents, closing containers as they end.
            // (Only the kind is read here: a copy of the frame would share its key index and
            // make every insertion into it copy the whole dictionary.)
            attach: while let kind = frames.last?.kind {
                mapper?.path.removeLast()
                values.append(value)
                skipWhitespace()
                switch kind {
                case .array(let opener):
                    guard i < end else { throw unexpected("expected ',' or ']' after array element") }
                    let byte = bytes[i]
                    if byte == UInt8(ascii: ",") {
                        i += 1
                        skipWhitespace()
                        if i < end, bytes[i] == UInt8(ascii: "]") { throw trailingComma(before: "]", at: i) }
                        break attach
                    }
                    guard byte == UInt8(ascii: "]") else {
                        throw unexpected("expected ',' or ']' after array element", opener: opener, "[")
                    }
                    i += 1
                    let frame = frames.removeLast()
                    value = .array(Array(values[frame.valueBase...]))
                    values.removeSubrange(frame.valueBase...)
                case .object(let opener):
                    guard i < end else { throw unexpected("expected ',' or '}' after object member") }
                    let byte = bytes[i]
                    if byte == UInt8(ascii: ",") {
                        i += 1
                        skipWhitespace()
                        if i < end, bytes[i] == UInt8(ascii: "}") { throw trailingComma(before: "}", at: i) }
                        try parseKey()
                        break attach
                    }
                    guard byte == UInt8(ascii: "}") else {
                        throw unexpected("expected ',' or '}' after object member", opener: opener, "{")
                    }
                    i += 1
                    let frame = frames.removeLast()
                    value = .object(
                        JSONObject(
                            validatedKeys: Array(keys[frame.keyBase...]), values: Array(values[frame.valueBase...]),
                            index: frame.keyIndex))
                    keys.removeSubrange(frame.keyBase...)
                    keyOffsets.removeSubrange(frame.keyBase...)
                    values.removeSubrange(frame.valueBase...)
                }
            }
            if frames.isEmpty { return value }
        }
    }

    /// Pushes a container, refusing to nest past `maxDepth`.
    mutating func open(_ container: Open) throws(JSONParseError) {
        guard frames.count < JSONParser.maxDepth else {
            throw failure(.tooDeep, "nesting is deeper than \(JSONParser.maxDepth) levels of arrays and objects", at: i)
        }
        frames.append(Frame(kind: container, valueBase: values.count, keyBase: keys.count))
        i += 1
    }

    /// Reads `"key" :` with the whitespace around it, checking the key is not a duplicate.
    mutating func parseKey() throws(JSONParseError) {
        guard i < end, bytes[i] == UInt8(ascii: "\"") else {
            throw unexpected("expected a string key or '}'")
        }
        let keyOffset = i
        mapper?.noteKey(at: keyOffset, in: bytes)
        let key = try parseString()
        let last = frames.count - 1
        let keyBase = frames[last].keyBase
        let position = keys.count - keyBase
        var first: Int? = nil
        if let index = frames[last].keyIndex {
            first = index[key]
        } else {
            for k in keyBase..<keys.count where keys[k] == key {
                first = k - keyBase
                break
            }
        }
        if let first {
            let firstLocation = location(of: keyOffsets[keyBase + first])
            throw failure(
                .duplicateKey, "duplicate key \"\(key)\" (first defined at \(firstLocation.line):\(firstLocation.column))",
                at: keyOffset, notes: [Diagnostic.Note("\"\(key)\" is first defined here", at: firstLocation)])
        }
        keys.append(key)
        keyOffsets.append(keyOffset)
        if frames[last].keyIndex != nil {
            frames[last].keyIndex?[key] = position
        } else if position + 1 > JSONObject.indexThreshold {
            var index: [String: Int] = [:]
            for k in keyBase..<keys.count { index[keys[k]] = k - keyBase }
            frames[last].keyIndex = index
        }
        skipWhitespace()
        guard i < end, bytes[i] == UInt8(ascii: ":") else {
            throw unexpected("expected ':' after key \"\(key)\"")
        }
        i += 1
        skipWhitespace()
    }

    /// Reads `true`, `false` or `null`; anything else word-like gets a precise message.
    mutating func parseWord() throws(JSONParseError) -> JSON {
        if matches("true") { i += 4; return .bool(true) }
        if matches("false") { i += 5; return .bool(false) }
        if matches("null") { i += 4; return .null }
        throw unexpected("expected a value")
    }

    func matches(_ word: StaticString) -> Bool {
        let count = word.utf8CodeUnitCount
        guard end - i >= count else { return false }
        let pointer = word.utf8Start
        for k in 0..<count where bytes[i + k] != pointer[k] { return false }
        // `trueish` is not `true` followed by garbage we would report confusingly.
        return i + count == end || !JSONParser.isWordByte(bytes[i + count])
    }

    @inline(__always)
    mutating func skipWhitespace() {
        while i < end {
            switch bytes[i] {
            case 0x20, 0x0A, 0x0D, 0x09: i += 1
            default: return
            }
        }
    }

    static func isWordByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "_"), UInt8(ascii: "."), UInt8(ascii: "+"),
            UInt8(ascii: "-"):
            true
        default: false
        }
    }

    /// Records the node starting at `i` in the source map under its pointer.
    mutating func noteValueStart() {
        let token: JSONPointer.Token?
        switch frames.last?.kind {
        case .array?: token = .index(values.count - frames[frames.count - 1].valueBase)
        case .object?: token = .key(keys[keys.count - 1])
        case nil: token = nil
        }
        mapper?.enterValue(token, at: i, in: bytes)
    }
}
