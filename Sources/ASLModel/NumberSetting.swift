/// A numeric setting that is written literally, read from the input by a `…Path`
/// field (JSONPath mode), or computed by a `{% … %}` expression (JSONata mode):
/// `TimeoutSeconds`/`TimeoutSecondsPath`, `MaxConcurrency`/`MaxConcurrencyPath` …
public enum NumberSetting: Sendable, Hashable {
    case value(Double)
    case path(String)
    case expression(String)

    /// The literal value as an integer, when it is one.
    public var integerValue: Int? {
        if case .value(let v) = self, v == v.rounded(), abs(v) < 9.0e15 { return Int(v) }
        return nil
    }
}
