import Diagnostics
public import StepFunctionsAPI

/// TagResource, UntagResource and ListTagsForResource for state machines, aliases and
/// activities, and ValidateStateMachineDefinition from `Validator`.
extension LocalStepFunctionsService {
    /// AWS's limit on tags per resource.
    static let tagLimit = 50

    public func tagResource(_ input: TagResourceInput) async throws(StepFunctionsError) -> TagResourceOutput {
        let arn = try taggable(input.resourceArn)
        let list = try merged(input.tags, into: tags[arn] ?? [], of: arn)
        try persist([try tagsEntry(arn, list)])
        tags[arn] = list
        return TagResourceOutput()
    }

    public func untagResource(_ input: UntagResourceInput) async throws(StepFunctionsError) -> UntagResourceOutput {
        let arn = try taggable(input.resourceArn)
        var list = tags[arn] ?? []
        list.removeAll { input.tagKeys.contains($0.key) }
        try persist([try tagsEntry(arn, list)])
        tags[arn] = list
        return UntagResourceOutput()
    }

    public func listTagsForResource(_ input: ListTagsForResourceInput) async throws(StepFunctionsError)
        -> ListTagsForResourceOutput
    {
        let arn = try taggable(input.resourceArn)
        return ListTagsForResourceOutput(tags: (tags[arn] ?? []).map { Tag(key: $0.key, value: $0.value) })
    }

    /// `current` with `newTags` applied: a tag's key replaces the value of the same key; at
    /// most 50 tags per resource.
    func merged(_ newTags: [Tag], into current: [(key: String, value: String)], of arn: String)
        throws(StepFunctionsError) -> [(key: String, value: String)]
    {
        var current = current
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
        return current
    }

    private func taggable(_ arn: StepFunctionsARN) throws(StepFunctionsError) -> String {
        if case .activity(let activity) = arn, engine.callbacks.activity(activity.description) != nil {
            return activity.description
        }
        // State machines and aliases carry tags; versions do not (AWS tags a version's machine).
        guard case .stateMachine(let machine) = arn, machine.versionNumber == nil,
            machines[machine.description] != nil || aliases[machine.description] != nil
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
