import ASLModel

/// Which fields each kind of ASL object may have, of what JSON kind, in which query
/// language, and which are required. The single table behind the allowed-field,
/// field-type and required-field rules, written from the ASL specification and AWS's
/// per-state documentation.
struct FieldSchema {
    /// The JSON kind a field's value must have.
    enum ValueKind {
        case string, integer, number, boolean, object, array, any
        /// A path string or `null` (`InputPath`, `OutputPath`, `ResultPath`).
        case pathOrNull

        var description: String {
            switch self {
            case .string: "a string"
            case .integer: "an integer"
            case .number: "a number"
            case .boolean: "a boolean"
            case .object: "an object"
            case .array: "an array"
            case .any: "a JSON value"
            case .pathOrNull: "a path string or null"
            }
        }
    }

    /// Which query language a field belongs to.
    enum Mode { case both, jsonPath, jsonata }

    struct Field {
        var kind: ValueKind
        var mode: Mode = .both
        var required = false
        /// JSONata mode also accepts a `{% … %}` string in place of the value.
        var acceptsExpression = false
    }

    let fields: [String: Field]
    /// The required fields, sorted (computed once: validation runs per definition).
    let requiredFields: [String]

    init(fields: [String: Field]) {
        self.fields = fields
        self.requiredFields = fields.filter(\.value.required).map(\.key).sorted()
    }

    /// Field names valid for `language`, for "did you mean" suggestions.
    func names(in language: QueryLanguage) -> [String] {
        fields.filter { $0.value.mode == .both || ($0.value.mode == .jsonPath) == (language == .jsonPath) }
            .map(\.key).sorted()
    }

    // MARK: - Tables

    static func schema(for kind: DefinitionIndex.Kind) -> FieldSchema? {
        switch kind {
        case .machine: machine
        case .branch: branch
        case .itemProcessor: itemProcessor
        case .processorConfig: processorConfig
        case .state(let type): states[type]
        case .retrier: retrier
        case .catcher: catcher
        case .choiceRule(let topLevel): topLevel ? topChoiceRule : nestedChoiceRule
        case .itemReader: itemReader
        case .readerConfig: readerConfig
        case .itemBatcher: itemBatcher
        case .resultWriter: resultWriter
        case .writerConfig: writerConfig
        }
    }

    static let machine = FieldSchema(fields: [
        "Comment": Field(kind: .string), "StartAt": Field(kind: .string, required: true),
        "States": Field(kind: .object, required: true), "TimeoutSeconds": Field(kind: .integer),
        "Version": Field(kind: .string), "QueryLanguage": Field(kind: .string),
    ])
    static let branch = FieldSchema(fields: [
        "Comment": Field(kind: .string), "StartAt": Field(kind: .string, required: true),
        "States": Field(kind: .object, required: true),
    ])
    static let itemProcessor = FieldSchema(fields: branch.fields.merging(["ProcessorConfig": Field(kind: .object)]) { a, _ in a })
    static let processorConfig = FieldSchema(fields: ["Mode": Field(kind: .string), "ExecutionType": Field(kind: .string)])

    private static let common: [String: Field] = [
        "Type": Field(kind: .string, required: true), "Comment": Field(kind: .string), "QueryLanguage": Field(kind: .string),
    ]
    private static let transition: [String: Field] = ["Next": Field(kind: .string), "End": Field(kind: .boolean)]
    private static let io: [String: Field] = [
        "InputPath": Field(kind: .pathOrNull, mode: .jsonPath), "OutputPath": Field(kind: .pathOrNull, mode: .jsonPath),
    ]
    private static let result: [String: Field] = [
        "ResultPath": Field(kind: .pathOrNull, mode: .jsonPath), "ResultSelector": Field(kind: .object, mode: .jsonPath),
    ]
    private static let parameters: [String: Field] = [
        "Parameters": Field(kind: .object, mode: .jsonPath), "Arguments": Field(kind: .any, mode: .jsonata),
    ]
    private static let output: [String: Field] = ["Output": Field(kind: .any, mode: .jsonata)]
    private static let assign: [String: Field] = ["Assign": Field(kind: .object)]
    private static let errors: [String: Field] = ["Retry": Field(kind: .array), "Catch": Field(kind: .array)]

    private static func state(_ parts: [String: Field]...) -> FieldSchema {
        FieldSchema(fields: parts.reduce(into: common) { $0.merge($1) { a, _ in a } })
    }

    static let states: [String: FieldSchema] = [
        "Task": state(transition, io, result, parameters, output, assign, errors, [
            "Resource": Field(kind: .string, required: true),
            "TimeoutSeconds": Field(kind: .integer, acceptsExpression: true),
            "TimeoutSecondsPath": Field(kind: .string, mode: .jsonPath),
            "HeartbeatSeconds": Field(kind: .integer, acceptsExpression: true),
            "HeartbeatSecondsPath": Field(kind: .string, mode: .jsonPath),
            "Credentials": Field(kind: .object, acceptsExpression: true),
        ]),
        "Pass": state(transition, io, output, assign, [
            "ResultPath": Field(kind: .pathOrNull, mode: .jsonPath), "Parameters": Field(kind: .object, mode: .jsonPath),
            "Result": Field(kind: .any, mode: .jsonPath),
        ]),
        "Choice": state(io, output, assign, [
            "Choices": Field(kind: .array, required: true), "Default": Field(kind: .string),
        ]),
        "Wait": state(transition, io, output, assign, [
            "Seconds": Field(kind: .integer, acceptsExpression: true), "Timestamp": Field(kind: .string),
            "SecondsPath": Field(kind: .string, mode: .jsonPath), "TimestampPath": Field(kind: .string, mode: .jsonPath),
        ]),
        "Succeed": state(io, output),
        "Fail": state([
            "Error": Field(kind: .string), "Cause": Field(kind: .string),
            "ErrorPath": Field(kind: .string, mode: .jsonPath), "CausePath": Field(kind: .string, mode: .jsonPath),
        ]),
        "Parallel": state(transition, io, result, parameters, output, assign, errors, [
            "Branches": Field(kind: .array, required: true),
        ]),
        "Map": state(transition, io, result, output, assign, errors, [
            "Parameters": Field(kind: .object, mode: .jsonPath),
            "ItemProcessor": Field(kind: .object), "Iterator": Field(kind: .object),
            "ItemsPath": Field(kind: .string, mode: .jsonPath), "Items": Field(kind: .array, mode: .jsonata, acceptsExpression: true),
            "ItemSelector": Field(kind: .object, acceptsExpression: true),
            "MaxConcurrency": Field(kind: .integer, acceptsExpression: true),
            "MaxConcurrencyPath": Field(kind: .string, mode: .jsonPath),
            "ToleratedFailurePercentage": Field(kind: .number, acceptsExpression: true),
            "ToleratedFailurePercentagePath": Field(kind: .string, mode: .jsonPath),
            "ToleratedFailureCount": Field(kind: .integer, acceptsExpression: true),
            "ToleratedFailureCountPath": Field(kind: .string, mode: .jsonPath),
            "ItemReader": Field(kind: .object), "ItemBatcher": Field(kind: .object), "ResultWriter": Field(kind: .object),
            "Label": Field(kind: .string),
        ]),
    ]

    static let retrier = FieldSchema(fields: [
        "ErrorEquals": Field(kind: .array, required: true), "IntervalSeconds": Field(kind: .integer),
        "MaxAttempts": Field(kind: .integer), "BackoffRate": Field(kind: .number), "MaxDelaySeconds": Field(kind: .integer),
        "JitterStrategy": Field(kind: .string), "Comment": Field(kind: .string),
    ])
    static let catcher = FieldSchema(fields: [
        "ErrorEquals": Field(kind: .array, required: true), "Next": Field(kind: .string, required: true),
        "Comment": Field(kind: .string), "ResultPath": Field(kind: .pathOrNull, mode: .jsonPath),
        "Output": Field(kind: .any, mode: .jsonata), "Assign": Field(kind: .object),
    ])

    /// Operators and combinators of a JSONPath choice rule, at any level.
    private static let ruleBody: [String: Field] = {
        var fields: [String: Field] = [
            "Variable": Field(kind: .string, mode: .jsonPath), "And": Field(kind: .array, mode: .jsonPath),
            "Or": Field(kind: .array, mode: .jsonPath), "Not": Field(kind: .object, mode: .jsonPath),
            "Comment": Field(kind: .string),
        ]
        for (name, op) in ChoiceOperator.all {
            let kind: ValueKind = switch op.operand {
            case .string, .timestamp, .path: .string
            case .number: .number
            case .boolean: .boolean
            }
            fields[name] = Field(kind: kind, mode: .jsonPath)
        }
        return fields
    }()
    static let topChoiceRule = FieldSchema(fields: ruleBody.merging([
        "Next": Field(kind: .string, required: true), "Assign": Field(kind: .object),
        "Condition": Field(kind: .boolean, mode: .jsonata, acceptsExpression: true), "Output": Field(kind: .any, mode: .jsonata),
    ]) { a, _ in a })
    static let nestedChoiceRule = FieldSchema(fields: ruleBody)

    static let itemReader = FieldSchema(fields: [
        "Resource": Field(kind: .string, required: true), "ReaderConfig": Field(kind: .object),
        "Parameters": Field(kind: .object, mode: .jsonPath), "Arguments": Field(kind: .any, mode: .jsonata),
    ])
    static let readerConfig = FieldSchema(fields: [
        "InputType": Field(kind: .string), "CSVHeaderLocation": Field(kind: .string), "CSVHeaders": Field(kind: .array),
        "CSVDelimiter": Field(kind: .string), "ManifestType": Field(kind: .string),
        "MaxItems": Field(kind: .integer, acceptsExpression: true), "MaxItemsPath": Field(kind: .string, mode: .jsonPath),
        "ItemsPointer": Field(kind: .string),
    ])
    static let itemBatcher = FieldSchema(fields: [
        "MaxItemsPerBatch": Field(kind: .integer, acceptsExpression: true),
        "MaxItemsPerBatchPath": Field(kind: .string, mode: .jsonPath),
        "MaxInputBytesPerBatch": Field(kind: .integer, acceptsExpression: true),
        "MaxInputBytesPerBatchPath": Field(kind: .string, mode: .jsonPath),
        "BatchInput": Field(kind: .object, acceptsExpression: true),
    ])
    static let resultWriter = FieldSchema(fields: [
        "Resource": Field(kind: .string), "WriterConfig": Field(kind: .object),
        "Parameters": Field(kind: .object, mode: .jsonPath), "Arguments": Field(kind: .any, mode: .jsonata),
    ])
    static let writerConfig = FieldSchema(fields: [
        "OutputType": Field(kind: .string), "Transformation": Field(kind: .string),
    ])
}
