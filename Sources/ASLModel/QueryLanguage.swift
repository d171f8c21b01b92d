/// The expression language of a state machine or one state: `QueryLanguage` in ASL.
///
/// JSONPath is the default. A state may opt into JSONata under a JSONPath machine,
/// but not the reverse; the field set a state may use depends on its language
/// (`Parameters`/`InputPath` in JSONPath, `Arguments`/`Output` in JSONata).
public enum QueryLanguage: String, Sendable, Hashable, CaseIterable {
    case jsonPath = "JSONPath"
    case jsonata = "JSONata"
}
