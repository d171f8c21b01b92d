/// The ARN of an activity: `arn:aws:states:us-east-1:123456789012:activity:ApproveOrder`.
public struct ActivityARN: StepFunctionsResourceName {
    public var scope: ARNScope
    public var name: String

    public init(scope: ARNScope, name: String) {
        self.scope = scope
        self.name = name
    }

    public init(parsing text: String) throws(StepFunctionsError) {
        let parts = try ARNParts(parsing: text, allowedTypes: ["activity"])
        guard parts.fields.count == 1 else { throw ARNParts.invalid(text) }
        self.init(scope: parts.scope, name: String(parts.fields[0]))
    }

    public var description: String { "\(scope):activity:\(name)" }
}
