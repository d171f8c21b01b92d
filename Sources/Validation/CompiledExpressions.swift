public import Intrinsics
public import JSONPath
public import JSONValue

/// Every JSONPath-mode expression of a definition, parsed once by validation and kept
/// for the engine, which then does no parsing at run time.
///
/// Keys are the pointers of the fields that hold the expressions, as in the
/// definition (`/States/Load/InputPath`, `/States/Load/Parameters/id.$`).
public struct CompiledExpressions: Sendable {
    /// Path fields: `InputPath`, `OutputPath`, `ResultPath`, `ItemsPath`, the `…Path`
    /// settings, choice rules' `Variable` and `…Path` operands.
    public internal(set) var paths: [JSONPointer: JSONPath] = [:]
    /// Values of `"Key.$"` members of payload templates, and `ErrorPath`/`CausePath`:
    /// a path or an intrinsic call.
    public internal(set) var payloads: [JSONPointer: PayloadExpression] = [:]

    public init() {}
}
