internal import CYAML
import Diagnostics
import JSONValue

/// Drives libyaml's event (parser) API over one input buffer and feeds a `DocumentBuilder`.
///
/// Owns every libyaml resource it creates: the parser is deleted and each event is
/// deleted on every path, errors included. libyaml keeps pointers into the input, so
/// the buffer must outlive `read` (the caller holds it for the call's duration).
enum LibYAMLReader {
    static func read(_ input: UnsafeBufferPointer<UInt8>, file: String) throws(YAMLError) -> (JSON, SourceMap) {
        guard let base = input.baseAddress, !input.isEmpty else { return (.null, SourceMap()) }
        // Heap-allocated so libyaml's structs never move while it holds them.
        let parser = UnsafeMutablePointer<yaml_parser_t>.allocate(capacity: 1)
        let event = UnsafeMutablePointer<yaml_event_t>.allocate(capacity: 1)
        defer {
            parser.deallocate()
            event.deallocate()
        }
        guard yaml_parser_initialize(parser) == 1 else {
            throw YAMLError(.yamlSyntax, "libyaml could not allocate a parser (out of memory)", at: SourceLocation(file: file, line: 1, column: 1))
        }
        defer { yaml_parser_delete(parser) }
        yaml_parser_set_input_string(parser, base, input.count)

        var builder = DocumentBuilder(file: file)
        var documents = 0
        var explicitEnd = false
        while true {
            guard yaml_parser_parse(parser, event) == 1 else {
                throw LibYAMLErrorTranslation.translate(
                    parser.pointee, input: input, file: file, afterExplicitEnd: explicitEnd)
            }
            defer { yaml_event_delete(event) }
            let mark = event.pointee.start_mark
            let location = SourceLocation(file: file, line: Int(mark.line) + 1, column: Int(mark.column) + 1)
            switch event.pointee.type {
            case YAML_STREAM_END_EVENT:
                return builder.finish()
            case YAML_DOCUMENT_START_EVENT:
                documents += 1
                if documents > 1 { throw multipleDocuments(at: location) }
            case YAML_DOCUMENT_END_EVENT:
                explicitEnd = event.pointee.data.document_end.implicit == 0
            case YAML_SCALAR_EVENT:
                let scalar = event.pointee.data.scalar
                try builder.scalar(
                    UnsafeBufferPointer(start: scalar.value, count: scalar.length),
                    tag: string(scalar.tag), plain: scalar.style == YAML_PLAIN_SCALAR_STYLE,
                    anchor: string(scalar.anchor), at: location)
            case YAML_ALIAS_EVENT:
                try builder.alias(string(event.pointee.data.alias.anchor) ?? "", at: location)
            case YAML_SEQUENCE_START_EVENT:
                let start = event.pointee.data.sequence_start
                try builder.startCollection(
                    mapping: false, tag: string(start.tag), anchor: string(start.anchor), at: location)
            case YAML_MAPPING_START_EVENT:
                let start = event.pointee.data.mapping_start
                try builder.startCollection(
                    mapping: true, tag: string(start.tag), anchor: string(start.anchor), at: location)
            case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                try builder.endCollection()
            default:
                break
            }
        }
    }

    static func multipleDocuments(at location: SourceLocation) -> YAMLError {
        YAMLError(
            .yamlMultipleDocuments,
            "a second YAML document starts here; a file holds exactly one document (remove the extra '---' or '...')",
            at: location)
    }

    private static func string(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        pointer.map { String(cString: $0) }
    }
}
