import Diagnostics
public import StepFunctionsAPI

/// TagResource, UntagResource and ListTagsForResource for state machines (activities
/// are not supported locally yet), and ValidateStateMachineDefinition from `Validator`.
extension LocalStepFunctionsService {
    /// AWS's limit on tags per resource.
    static let tagLimit = 50

    public func tagResource(_ input: TagResourceInput) async throws(StepFunctionsError) -> TagResourceOutput {
        let arn = try taggable(input.resourceArn)
        try applyTags(input.tags, to: arn)
        return TagResourceOutput()
    }

    public func untagResource(_ input: UntagResourceInput) async throws(StepFunctionsError) -> UntagResourceOutput {
        let arn = try taggable(input.resourceArn)
        tags[arn]?.removeAll { input.tagKeys.contains($0.key) }
        return UntagResourceOutput()
    }

    public func listTagsForResource(_ input: ListTagsForResourceInput) async throws(StepFunctionsError)
        -> ListTagsForResourceOutput
    {
        let arn = try taggable(input.resourceArn)
        return ListTagsForResourceOutput(tags: (tags[arn] ?? []).map { Tag(key: $0.key, value: $0.value) })
    }

    /// A tag's key replaces the value of the same key; at most 50 tags per resource.
    func applyTags(_ newTags: [Tag], to arn: String) throws(StepFunctionsError) {
        var current = tags[arn] ?? []
        for tag in newTags {
            let key = tag.key ?? ""
            guard !key.isEmpty, key.count <= 128 else {
                throw .validation(value: key, at: "tags.member.key", constraint: "Member must have length between 1 and 128")
            }
            let value = tag.value ?? ""
            if let index = current.firstIndex(where: { $0.key == key }) {
                current[index].value = value
            } else {
                current.append((key, value))
            }
        }
        guard current.count <= Self.tagLimit else {
            throw StepFunctionsError(
                .tooManyTags, "Too many tags on resource: '\(arn)' (at most \(Self.tagLimit))", resourceName: arn)
        }
        tags[arn] = current
    }

    private func taggable(_ arn: StepFunctionsARN) throws(StepFunctionsError) -> String {
        if case .activity(let activity) = arn, engine.callbacks.activity(activity.description) != nil {
            return activity.description
        }
        guard case .stateMachine(let machine) = arn, machine.qualifier == nil, machines[machine.description] != nil
        else { throw .resourceNotFound(arn.description) }
        return machine.description
    }

    public func validateStateMachineDefinition(_ input: ValidateStateMachineDefinitionInput)
        async throws(StepFunctionsError) -> ValidateStateMachineDefinitionOutput
    {
        let result = DefinitionCheck.validate(input.definition, type: input.type ?? .standard)
        let minimum = input.severity ?? .error
        let shown = result.diagnostics.filter { $0.isError || ($0.severity == .warning && minimum == .warning) }
        let limit = try PageToken.pageSize(input.maxResults, limit: 100)
        return ValidateStateMachineDefinitionOutput(
            result: result.diagnostics.hasErrors ? .fail : .ok,
            diagnostics: shown.prefix(limit).map(DefinitionCheck.apiDiagnostic),
            truncated: shown.count > limit)
    }
}
