import Diagnostics
import JSONValue

/// Numeric fields stay within ASL's and AWS's bounds: timeouts and intervals are
/// positive, counts are not negative, `BackoffRate` is at least 1, a percentage is
/// 0–100. (Whether the value is an integer is the field-type rule's concern.)
struct ValueRangeRule: ValidationRule {
    static let id = DiagnosticID("validation", "value-out-of-range")

    struct Bound {
        var field: String
        var minimum: Double
        var maximum: Double?
    }

    static let maxSeconds = 99_999_999.0

    static let bounds: [DefinitionIndex.Kind: [Bound]] = [
        .machine: [Bound(field: "TimeoutSeconds", minimum: 1, maximum: maxSeconds)],
        .state("Task"): [
            Bound(field: "TimeoutSeconds", minimum: 1, maximum: maxSeconds),
            Bound(field: "HeartbeatSeconds", minimum: 1, maximum: maxSeconds),
        ],
        .state("Wait"): [Bound(field: "Seconds", minimum: 0, maximum: maxSeconds)],
        .state("Map"): [
            Bound(field: "MaxConcurrency", minimum: 0),
            Bound(field: "ToleratedFailurePercentage", minimum: 0, maximum: 100),
            Bound(field: "ToleratedFailureCount", minimum: 0),
        ],
        .retrier: [
            Bound(field: "MaxAttempts", minimum: 0, maximum: maxSeconds),
            Bound(field: "IntervalSeconds", minimum: 1, maximum: maxSeconds),
            Bound(field: "BackoffRate", minimum: 1),
            Bound(field: "MaxDelaySeconds", minimum: 1, maximum: 31_622_400),  // below 31622401 (a year and a second)
        ],
        .itemBatcher: [
            Bound(field: "MaxItemsPerBatch", minimum: 1),
            Bound(field: "MaxInputBytesPerBatch", minimum: 1, maximum: 262_144),  // 256 KiB, the payload limit
        ],
        .readerConfig: [Bound(field: "MaxItems", minimum: 1)],
    ]

    func check(_ context: inout ValidationContext) {
        for object in context.index.objects {
            guard let bounds = Self.bounds[object.kind] else { continue }
            for bound in bounds {
                guard case .number(let number)? = object.value[bound.field] else { continue }
                let value = number.doubleValue
                let tooLow = value < bound.minimum
                let tooHigh = bound.maximum.map { value > $0 } ?? false
                guard tooLow || tooHigh else { continue }
                let range = bound.maximum.map { "between \(Self.format(bound.minimum)) and \(Self.format($0))" }
                    ?? "at least \(Self.format(bound.minimum))"
                context.report(
                    Self.id, code: AWSCode.schema, "\"\(bound.field)\" is \(number.literal); it must be \(range)",
                    at: object.pointer.appending(bound.field))
            }
        }
    }

    static func format(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(value)
    }
}
