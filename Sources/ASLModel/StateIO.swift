public import JSONValue

/// The fields that shape a state's data flow, shared by every state type that has them.
///
/// JSONPath states use the path fields and payload templates; JSONata states use
/// `Arguments` and `Output`. A field a state type does not allow is always nil here:
/// validation rejects it before a model reaches the engine.
public struct StateIO: Sendable, Hashable {
    public var inputPath: PathValue?
    public var outputPath: PathValue?
    public var resultPath: PathValue?
    /// The payload template (`.$` keys are paths or intrinsic calls), kept as JSON.
    public var parameters: JSON?
    public var resultSelector: JSON?
    /// JSONata mode: the value (or `{% %}` expression) passed to the resource or branches.
    public var arguments: JSON?
    /// JSONata mode: the state's output.
    public var output: JSON?
    /// Variables assigned when the state completes (both modes).
    public var assign: JSON?

    public init(
        inputPath: PathValue? = nil, outputPath: PathValue? = nil, resultPath: PathValue? = nil,
        parameters: JSON? = nil, resultSelector: JSON? = nil, arguments: JSON? = nil,
        output: JSON? = nil, assign: JSON? = nil
    ) {
        self.inputPath = inputPath
        self.outputPath = outputPath
        self.resultPath = resultPath
        self.parameters = parameters
        self.resultSelector = resultSelector
        self.arguments = arguments
        self.output = output
        self.assign = assign
    }
}
