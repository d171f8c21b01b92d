public import StepFunctionsAPI

/// CreateStateMachineAlias, DescribeStateMachineAlias, UpdateStateMachineAlias,
/// ListStateMachineAliases and DeleteStateMachineAlias, and the weighted choice of a version
/// when StartExecution names an alias.
///
/// An alias routes to one version (weight 100) or splits between two versions of the same
/// machine by weights that sum to 100. The choice draws from the service's seeded
/// generator, so a seeded service routes the same sequence of starts the same way.
extension LocalStepFunctionsService {
    /// AWS's limit on aliases per state machine.
    static let aliasLimit = 100

    public func createStateMachineAlias(_ input: CreateStateMachineAliasInput) async throws(StepFunctionsError)
        -> CreateStateMachineAliasOutput
    {
        try ResourceName.validateAlias(input.name)
        if let description = input.description { try checkLength(description, of: "description") }
        let machine = try routedMachine(input.routingConfiguration)
        let arn = machine.arn.alias(input.name)
        if let existing = aliases[arn.description] {
            // AWS's idempotency: the same name, description and routing return the same alias.
            guard existing.description == input.description,
                existing.routingConfiguration == input.routingConfiguration
            else {
                throw StepFunctionsError(
                    .conflictException,
                    "Failed to create alias because an alias with the same name and a different routing configuration "
                        + "already exists: '\(arn)'")
            }
            return CreateStateMachineAliasOutput(stateMachineAliasArn: arn, creationDate: existing.creationDate)
        }
        guard aliases.values.filter({ $0.arn.unqualified == machine.arn }).count < Self.aliasLimit else {
            throw StepFunctionsError(
                .serviceQuotaExceededException,
                "The maximum number of aliases (\(Self.aliasLimit)) of '\(machine.arn)' has been reached")
        }
        let date = now
        let alias = StoredAlias(
            arn: arn, description: input.description, routingConfiguration: input.routingConfiguration,
            creationDate: date, updateDate: date, sequence: nextSequence())
        try persist([try entry(.alias, alias)])
        aliases[arn.description] = alias
        return CreateStateMachineAliasOutput(stateMachineAliasArn: arn, creationDate: date)
    }

    public func describeStateMachineAlias(_ input: DescribeStateMachineAliasInput) async throws(StepFunctionsError)
        -> DescribeStateMachineAliasOutput
    {
        let alias = try alias(input.stateMachineAliasArn)
        return DescribeStateMachineAliasOutput(
            stateMachineAliasArn: alias.arn, name: alias.name, description: alias.description,
            routingConfiguration: alias.routingConfiguration, creationDate: alias.creationDate,
            updateDate: alias.updateDate)
    }

    public func updateStateMachineAlias(_ input: UpdateStateMachineAliasInput) async throws(StepFunctionsError)
        -> UpdateStateMachineAliasOutput
    {
        var alias = try alias(input.stateMachineAliasArn)
        guard input.description != nil || input.routingConfiguration != nil else {
            throw StepFunctionsError(
                .validationException, "Either the description or the RoutingConfiguration must be specified")
        }
        if let description = input.description {
            try checkLength(description, of: "description")
            alias.description = description
        }
        if let routing = input.routingConfiguration {
            let machine = try routedMachine(routing)
            guard machine.arn == alias.arn.unqualified else {
                throw StepFunctionsError(
                    .validationException,
                    "Routing configuration must contain state machine version ARNs that belong to the same state "
                        + "machine as the alias '\(alias.arn)'")
            }
            alias.routingConfiguration = routing
        }
        alias.updateDate = now
        try persist([try entry(.alias, alias)])
        aliases[alias.arn.description] = alias
        return UpdateStateMachineAliasOutput(updateDate: alias.updateDate)
    }

    public func listStateMachineAliases(_ input: ListStateMachineAliasesInput) async throws(StepFunctionsError)
        -> ListStateMachineAliasesOutput
    {
        // A version ARN lists the aliases of its machine; AWS accepts both.
        let arn = input.stateMachineArn
        if arn.aliasName != nil { throw .invalidArn("Resource type not valid in this context: \(arn)") }
        if arn.versionNumber != nil { _ = try version(arn) }
        let machine = try stateMachine(arn.unqualified)
        let owned = aliases.values.filter { $0.arn.unqualified == machine.arn }.sorted { $0.sequence < $1.sequence }
        let page = try PageToken.page(owned, maxResults: input.maxResults, nextToken: input.nextToken)
        return ListStateMachineAliasesOutput(
            stateMachineAliases: page.items.map {
                StateMachineAliasListItem(stateMachineAliasArn: $0.arn, creationDate: $0.creationDate)
            },
            nextToken: page.nextToken)
    }

    public func deleteStateMachineAlias(_ input: DeleteStateMachineAliasInput) async throws(StepFunctionsError)
        -> DeleteStateMachineAliasOutput
    {
        let alias = try alias(input.stateMachineAliasArn)
        let key = alias.arn.description
        try persist([], deleting: [CatalogEntry.Key(kind: .alias, key: key), CatalogEntry.Key(kind: .tags, key: key)])
        aliases[key] = nil
        tags[key] = nil
        return DeleteStateMachineAliasOutput()
    }

    // MARK: Helpers

    /// The stored alias an alias ARN names.
    func alias(_ arn: StateMachineARN) throws(StepFunctionsError) -> StoredAlias {
        guard arn.aliasName != nil, arn.mapStateLabel == nil else {
            throw .invalidArn("Resource type not valid in this context: \(arn)")
        }
        guard let alias = aliases[arn.description] else { throw .resourceNotFound(arn.description) }
        return alias
    }

    /// Checks a routing configuration as AWS does and answers the machine its versions belong to.
    func routedMachine(_ routing: [RoutingConfigurationListItem]) throws(StepFunctionsError) -> StoredStateMachine {
        guard (1...2).contains(routing.count) else {
            throw StepFunctionsError(
                .validationException,
                "Routing configuration must contain 1 or 2 state machine versions, not \(routing.count)")
        }
        for item in routing where !(0...100).contains(item.weight) {
            throw .validation(
                value: String(item.weight), at: "routingConfiguration.member.weight",
                constraint: "Member must have value between 0 and 100")
        }
        guard routing.map(\.weight).reduce(0, +) == 100 else {
            throw StepFunctionsError(
                .validationException, "The sum of the weights in the routing configuration must be equal to 100")
        }
        let arns = routing.map(\.stateMachineVersionArn)
        for arn in arns where arn.versionNumber == nil || arn.mapStateLabel != nil {
            throw .invalidArn("Resource type not valid in this context: \(arn)")
        }
        guard Set(arns.map(\.unqualified)).count == 1 else {
            throw StepFunctionsError(
                .validationException, "Both stateMachineVersionArn values must belong to the same state machine")
        }
        guard Set(arns).count == arns.count else {
            throw StepFunctionsError(
                .validationException, "Routing configuration must contain distinct state machine version ARNs")
        }
        for arn in arns { _ = try version(arn) }
        return try stateMachine(arns[0].unqualified)
    }

    /// The version an alias routes this start to, drawn by weight.
    func route(_ alias: StoredAlias) throws(StepFunctionsError) -> StoredStateMachine {
        let routing = alias.routingConfiguration
        var draw = Int(random.next() % 100)
        var chosen = routing[routing.count - 1]
        for item in routing {
            if draw < item.weight {
                chosen = item
                break
            }
            draw -= item.weight
        }
        return try version(chosen.stateMachineVersionArn)
    }
}
