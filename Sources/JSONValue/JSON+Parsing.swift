extension JSON {
    /// Parses JSON text strictly (see `JSONParser`); errors are located in `<input>`.
    public static func parse(_ text: String) throws(JSONParseError) -> JSON {
        var text = text
        let result = text.withUTF8 { buffer in
            Result { () throws(JSONParseError) in try JSONParser.parse(buffer) }
        }
        return try result.get()
    }

    /// Parses UTF-8 bytes, which may be invalid (rejected with a positioned error).
    public static func parse(utf8: [UInt8]) throws(JSONParseError) -> JSON {
        let result = utf8.withUnsafeBufferPointer { buffer in
            Result { () throws(JSONParseError) in try JSONParser.parse(buffer) }
        }
        return try result.get()
    }
}
