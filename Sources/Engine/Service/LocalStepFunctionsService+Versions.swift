public import StepFunctionsAPI

/// PublishStateMachineVersion, ListStateMachineVersions and DeleteStateMachineVersion, and
/// the publishing that CreateStateMachine and UpdateStateMachine do with `publish: true`.
///
/// A version is a frozen copy of the machine's revision under `…:stateMachine:Name:N`,
/// numbered from 1 and never renumbered (a deleted number is not reused). Publishing a
/// revision that already has a version returns that version, as AWS does.
extension LocalStepFunctionsService {
    /// AWS's limit on versions per state machine.
    static let versionLimit = 1000

    public func publishStateMachineVersion(_ input: PublishStateMachineVersionInput) async throws(StepFunctionsError)
        -> PublishStateMachineVersionOutput
    {
        var machine = try stateMachine(input.stateMachineArn)
        if let description = input.description { try checkLength(description, of: "description") }
        if let revisionId = input.revisionId, revisionId != machine.revisionId {
            throw StepFunctionsError(
                .conflictException,
                "Failed to publish the State Machine version: the given revisionId '\(revisionId)' does not match the "
                    + "current revision '\(machine.revisionId)' of '\(machine.arn)'")
        }
        if let existing = versionOfCurrentRevision(machine) {
            return PublishStateMachineVersionOutput(
                creationDate: existing.creationDate, stateMachineVersionArn: existing.arn)
        }
        guard versions.values.filter({ $0.arn.unqualified == machine.arn }).count < Self.versionLimit else {
            throw StepFunctionsError(
                .serviceQuotaExceededException,
                "The maximum number of versions (\(Self.versionLimit)) of '\(machine.arn)' has been reached")
        }
        let version = published(&machine, description: input.description, date: now)
        try persist([try entry(.stateMachine, machine), try entry(.version, version)])
        machines[machine.arn.description] = machine
        versions[version.arn.description] = version
        return PublishStateMachineVersionOutput(creationDate: version.creationDate, stateMachineVersionArn: version.arn)
    }

    public func listStateMachineVersions(_ input: ListStateMachineVersionsInput) async throws(StepFunctionsError)
        -> ListStateMachineVersionsOutput
    {
        let machine = try stateMachine(input.stateMachineArn)
        // AWS lists the newest version first.
        let owned = versions.values.filter { $0.arn.unqualified == machine.arn }
            .sorted { ($0.arn.versionNumber ?? 0) > ($1.arn.versionNumber ?? 0) }
        let page = try PageToken.page(owned, maxResults: input.maxResults, nextToken: input.nextToken)
        return ListStateMachineVersionsOutput(
            stateMachineVersions: page.items.map {
                StateMachineVersionListItem(stateMachineVersionArn: $0.arn, creationDate: $0.creationDate)
            },
            nextToken: page.nextToken)
    }

    public func deleteStateMachineVersion(_ input: DeleteStateMachineVersionInput) async throws(StepFunctionsError)
        -> DeleteStateMachineVersionOutput
    {
        let arn = input.stateMachineVersionArn
        guard arn.versionNumber != nil, arn.mapStateLabel == nil else {
            throw .invalidArn("Resource type not valid in this context: \(arn)")
        }
        let routing = aliases.values.filter { alias in
            alias.routingConfiguration.contains { $0.stateMachineVersionArn == arn }
        }.sorted { $0.sequence < $1.sequence }
        guard routing.isEmpty else {
            throw StepFunctionsError(
                .conflictException,
                "Version to be deleted must not be referenced by an alias. Current list of aliases referencing "
                    + "this version: [\(routing.map(\.arn.description).joined(separator: ", "))]")
        }
        // AWS answers success for a version that is already gone.
        guard versions[arn.description] != nil else { return DeleteStateMachineVersionOutput() }
        try persist([], deleting: [CatalogEntry.Key(kind: .version, key: arn.description)])
        versions[arn.description] = nil
        return DeleteStateMachineVersionOutput()
    }

    // MARK: Helpers

    /// The version that publishes `machine` under its next number (and counts it on `machine`).
    func published(
        _ machine: inout StoredStateMachine, description: String?, date: StepFunctionsAPI.Timestamp
    ) -> StoredStateMachine {
        machine.latestVersion += 1
        var version = machine
        version.arn = machine.arn.version(machine.latestVersion)
        version.creationDate = date
        version.versionDescription = description
        version.sequence = nextSequence()
        return version
    }

    /// The existing version of the machine's current revision, if one was published.
    func versionOfCurrentRevision(_ machine: StoredStateMachine) -> StoredStateMachine? {
        versions.values.filter { $0.arn.unqualified == machine.arn && $0.revisionId == machine.revisionId }
            .max { ($0.arn.versionNumber ?? 0) < ($1.arn.versionNumber ?? 0) }
    }

    /// The stored version a version ARN names.
    func version(_ arn: StateMachineARN) throws(StepFunctionsError) -> StoredStateMachine {
        guard let version = versions[arn.description] else {
            if machines[arn.unqualified.description] == nil { throw .stateMachineDoesNotExist(arn.description) }
            throw .resourceNotFound(arn.description)
        }
        return version
    }

    /// AWS accepts `versionDescription` only together with `publish: true`.
    func checkVersionDescription(_ description: String?, publish: Bool?) throws(StepFunctionsError) {
        guard let description else { return }
        try checkLength(description, of: "versionDescription")
        guard publish == true else {
            throw StepFunctionsError(
                .validationException, "Version description can only be set when publish is true")
        }
    }

    /// AWS's limit on descriptions of versions and aliases: 256 characters.
    func checkLength(_ description: String, of field: String) throws(StepFunctionsError) {
        guard description.count <= 256 else {
            throw .validation(
                value: description, at: field, constraint: "Member must have length less than or equal to 256")
        }
    }
}
