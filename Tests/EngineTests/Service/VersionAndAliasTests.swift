import Engine
import JSONValue
import StepFunctionsAPI
import Testing

/// Versions and aliases through the client, as an SDK would call them: publishing (alone and
/// with create/update), listing, deleting, describing a version, aliases with one or two
/// versions, weighted routing, and executions started through a version or an alias.
@Suite struct VersionAndAliasTests {
    static let role = LocalStepFunctionsServiceTests.role
    static func pass(_ value: String) -> String {
        #"{"StartAt":"P","States":{"P":{"Type":"Pass","Result":"\#(value)","End":true}}}"#
    }

    let service: LocalStepFunctionsService
    let client: StepFunctionsClient<LoopbackTransport<LocalStepFunctionsService>>

    init() {
        service = LocalStepFunctionsService(options: .init(seed: 7))
        client = StepFunctionsClient(transport: LoopbackTransport(service: service))
    }

    /// A machine with versions 1 ("one") and 2 ("two"), published on create and on update.
    func twoVersions(_ name: String = "Flow") async throws -> (StateMachineARN, StateMachineARN, StateMachineARN) {
        let created = try await client.createStateMachine(CreateStateMachineInput(
            name: name, definition: Self.pass("one"), roleArn: Self.role, publish: true, versionDescription: "first"))
        let updated = try await client.updateStateMachine(UpdateStateMachineInput(
            stateMachineArn: created.stateMachineArn, definition: Self.pass("two"), publish: true,
            versionDescription: "second"))
        return (created.stateMachineArn, try #require(created.stateMachineVersionArn),
            try #require(updated.stateMachineVersionArn))
    }

    func output(of arn: ExecutionARN) async throws -> String? {
        try await service.waitForExecution(arn).output
    }

    @Test func publishOnCreateAndUpdateNumbersVersionsAndDescribesThem() async throws {
        let (machine, v1, v2) = try await twoVersions()
        #expect(v1.description == "\(machine):1")
        #expect(v2.description == "\(machine):2")
        let first = try await client.describeStateMachine(DescribeStateMachineInput(stateMachineArn: v1))
        #expect(first.stateMachineArn == v1)
        #expect(first.description == "first")
        #expect(first.definition == Self.pass("one"))
        let current = try await client.describeStateMachine(DescribeStateMachineInput(stateMachineArn: machine))
        #expect(current.definition == Self.pass("two"))
        #expect(current.description == nil)
        let listed = try await client.listStateMachineVersions(ListStateMachineVersionsInput(stateMachineArn: machine))
        #expect(listed.stateMachineVersions.map(\.stateMachineVersionArn) == [v2, v1])
    }

    @Test func publishingAnUnchangedRevisionReturnsItsVersion() async throws {
        let (machine, _, v2) = try await twoVersions()
        let again = try await client.publishStateMachineVersion(
            PublishStateMachineVersionInput(stateMachineArn: machine, description: "ignored"))
        #expect(again.stateMachineVersionArn == v2)
        // An update that changes nothing keeps the revision, so it publishes nothing new either.
        let same = try await client.updateStateMachine(UpdateStateMachineInput(
            stateMachineArn: machine, definition: Self.pass("two"), publish: true))
        #expect(same.stateMachineVersionArn == v2)
        let listed = try await client.listStateMachineVersions(ListStateMachineVersionsInput(stateMachineArn: machine))
        #expect(listed.stateMachineVersions.count == 2)
    }

    @Test func publishChecksTheRevisionId() async throws {
        let created = try await client.createStateMachine(
            CreateStateMachineInput(name: "Rev", definition: Self.pass("a"), roleArn: Self.role))
        let revision = try #require(
            try await client.describeStateMachine(DescribeStateMachineInput(stateMachineArn: created.stateMachineArn))
                .revisionId)
        _ = try await client.updateStateMachine(
            UpdateStateMachineInput(stateMachineArn: created.stateMachineArn, definition: Self.pass("b")))
        let message = await expectError(.conflictException) {
            _ = try await client.publishStateMachineVersion(
                PublishStateMachineVersionInput(stateMachineArn: created.stateMachineArn, revisionId: revision))
        }
        #expect(message?.message.contains(revision) == true)
        let current = try await client.describeStateMachine(
            DescribeStateMachineInput(stateMachineArn: created.stateMachineArn))
        let published = try await client.publishStateMachineVersion(PublishStateMachineVersionInput(
            stateMachineArn: created.stateMachineArn, revisionId: current.revisionId, description: "b"))
        #expect(published.stateMachineVersionArn.versionNumber == 1)
    }

    @Test func versionDescriptionNeedsPublish() async throws {
        let message = await expectError(.validationException) {
            _ = try await client.createStateMachine(CreateStateMachineInput(
                name: "NoPublish", definition: Self.pass("a"), roleArn: Self.role, versionDescription: "x"))
        }
        #expect(message?.message == "Version description can only be set when publish is true")
    }

    @Test func listVersionsPagesNewestFirst() async throws {
        let created = try await client.createStateMachine(
            CreateStateMachineInput(name: "Many", definition: Self.pass("0"), roleArn: Self.role, publish: true))
        for n in 1...4 {
            _ = try await client.updateStateMachine(UpdateStateMachineInput(
                stateMachineArn: created.stateMachineArn, definition: Self.pass("\(n)"), publish: true))
        }
        let first = try await client.listStateMachineVersions(
            ListStateMachineVersionsInput(stateMachineArn: created.stateMachineArn, maxResults: 3))
        #expect(first.stateMachineVersions.map { $0.stateMachineVersionArn.versionNumber } == [5, 4, 3])
        let second = try await client.listStateMachineVersions(ListStateMachineVersionsInput(
            stateMachineArn: created.stateMachineArn, nextToken: first.nextToken, maxResults: 3))
        #expect(second.stateMachineVersions.map { $0.stateMachineVersionArn.versionNumber } == [2, 1])
        #expect(second.nextToken == nil)
    }

    @Test func aVersionAnAliasRoutesToCannotBeDeleted() async throws {
        let (machine, v1, v2) = try await twoVersions()
        let alias = try await client.createStateMachineAlias(CreateStateMachineAliasInput(
            description: "live", name: "live",
            routingConfiguration: [RoutingConfigurationListItem(stateMachineVersionArn: v1, weight: 100)]))
        #expect(alias.stateMachineAliasArn.description == "\(machine):live")
        let message = await expectError(.conflictException) {
            _ = try await client.deleteStateMachineVersion(DeleteStateMachineVersionInput(stateMachineVersionArn: v1))
        }
        #expect(message?.message.contains(alias.stateMachineAliasArn.description) == true)
        _ = try await client.deleteStateMachineVersion(DeleteStateMachineVersionInput(stateMachineVersionArn: v2))
        let listed = try await client.listStateMachineVersions(ListStateMachineVersionsInput(stateMachineArn: machine))
        #expect(listed.stateMachineVersions.map(\.stateMachineVersionArn) == [v1])
        // A deleted number is not reused.
        let next = try await client.updateStateMachine(UpdateStateMachineInput(
            stateMachineArn: machine, definition: Self.pass("three"), publish: true))
        #expect(next.stateMachineVersionArn?.versionNumber == 3)
        await expectError(.resourceNotFound) {
            _ = try await client.describeStateMachine(DescribeStateMachineInput(stateMachineArn: v2))
        }
    }

    @Test func executionsOfAVersionAndAnAliasRunThatVersion() async throws {
        let (machine, v1, v2) = try await twoVersions()
        let alias = try await client.createStateMachineAlias(CreateStateMachineAliasInput(
            name: "prod", routingConfiguration: [RoutingConfigurationListItem(stateMachineVersionArn: v1, weight: 100)]))
        let byVersion = try await client.startExecution(StartExecutionInput(stateMachineArn: v2, name: "v"))
        let byAlias = try await client.startExecution(
            StartExecutionInput(stateMachineArn: alias.stateMachineAliasArn, name: "a"))
        let plain = try await client.startExecution(StartExecutionInput(stateMachineArn: machine, name: "m"))
        #expect(byAlias.executionArn.description == machine.execution(named: "a").description)
        #expect(try await output(of: byVersion.executionArn) == #""two""#)
        #expect(try await output(of: byAlias.executionArn) == #""one""#)
        #expect(try await output(of: plain.executionArn) == #""two""#)

        let described = try await client.describeExecution(DescribeExecutionInput(executionArn: byAlias.executionArn))
        #expect(described.stateMachineArn == machine)
        #expect(described.stateMachineVersionArn == v1)
        #expect(described.stateMachineAliasArn == alias.stateMachineAliasArn)
        let versionOnly = try await client.describeExecution(DescribeExecutionInput(executionArn: byVersion.executionArn))
        #expect(versionOnly.stateMachineVersionArn == v2)
        #expect(versionOnly.stateMachineAliasArn == nil)

        let ofV1 = try await client.listExecutions(ListExecutionsInput(stateMachineArn: v1))
        #expect(ofV1.executions.map(\.name) == ["a"])
        let ofAlias = try await client.listExecutions(ListExecutionsInput(stateMachineArn: alias.stateMachineAliasArn))
        #expect(ofAlias.executions.map(\.stateMachineAliasArn) == [alias.stateMachineAliasArn])
        let all = try await client.listExecutions(ListExecutionsInput(stateMachineArn: machine))
        #expect(all.executions.map(\.name) == ["m", "a", "v"])
    }

    @Test func startSyncExecutionRunsTheVersionAnAliasNames() async throws {
        let created = try await client.createStateMachine(CreateStateMachineInput(
            name: "Quick", definition: Self.pass("old"), roleArn: Self.role, type: .express, publish: true))
        let old = try #require(created.stateMachineVersionArn)
        _ = try await client.updateStateMachine(UpdateStateMachineInput(
            stateMachineArn: created.stateMachineArn, definition: Self.pass("new"), publish: true))
        let alias = try await client.createStateMachineAlias(CreateStateMachineAliasInput(
            name: "stable", routingConfiguration: [.init(stateMachineVersionArn: old, weight: 100)]))
        let synced = try await client.startSyncExecution(
            StartSyncExecutionInput(stateMachineArn: alias.stateMachineAliasArn, input: "{}"))
        #expect(synced.status == .succeeded)
        #expect(synced.output == #""old""#)
        #expect(synced.stateMachineArn == created.stateMachineArn)
        let latest = try await client.startSyncExecution(StartSyncExecutionInput(stateMachineArn: created.stateMachineArn))
        #expect(latest.output == #""new""#)
    }

    @Test func weightedRoutingSplitsStartsReproducibly() async throws {
        let (_, v1, v2) = try await twoVersions()
        let alias = try await client.createStateMachineAlias(CreateStateMachineAliasInput(
            name: "canary",
            routingConfiguration: [
                RoutingConfigurationListItem(stateMachineVersionArn: v1, weight: 80),
                RoutingConfigurationListItem(stateMachineVersionArn: v2, weight: 20),
            ]))
        var versionsRun: [Int] = []
        for n in 0..<200 {
            let started = try await client.startExecution(
                StartExecutionInput(stateMachineArn: alias.stateMachineAliasArn, name: "run-\(n)"))
            let described = try await client.describeExecution(DescribeExecutionInput(executionArn: started.executionArn))
            versionsRun.append(try #require(described.stateMachineVersionArn?.versionNumber))
        }
        let toSecond = versionsRun.filter { $0 == 2 }.count
        #expect((20...60).contains(toSecond), "\(toSecond) of 200 starts went to version 2")

        // The same seed routes the same starts the same way.
        let again = VersionAndAliasTests()
        let (_, w1, w2) = try await again.twoVersions()
        let replay = try await again.client.createStateMachineAlias(CreateStateMachineAliasInput(
            name: "canary",
            routingConfiguration: [
                RoutingConfigurationListItem(stateMachineVersionArn: w1, weight: 80),
                RoutingConfigurationListItem(stateMachineVersionArn: w2, weight: 20),
            ]))
        var replayed: [Int] = []
        for n in 0..<200 {
            let started = try await again.client.startExecution(
                StartExecutionInput(stateMachineArn: replay.stateMachineAliasArn, name: "run-\(n)"))
            let described = try await again.client.describeExecution(
                DescribeExecutionInput(executionArn: started.executionArn))
            replayed.append(try #require(described.stateMachineVersionArn?.versionNumber))
        }
        #expect(replayed == versionsRun)
    }

    @Test func aliasRoutingIsCheckedAsAWSChecksIt() async throws {
        let (machine, v1, v2) = try await twoVersions()
        let (_, other, _) = try await twoVersions("Other")
        func create(_ routing: [RoutingConfigurationListItem]) async -> String? {
            await expectError(.validationException) {
                _ = try await client.createStateMachineAlias(
                    CreateStateMachineAliasInput(name: "bad", routingConfiguration: routing))
            }?.message
        }
        #expect(await create([.init(stateMachineVersionArn: v1, weight: 50)])?
            .contains("sum of the weights in the routing configuration must be equal to 100") == true)
        #expect(await create([.init(stateMachineVersionArn: v1, weight: 50), .init(stateMachineVersionArn: other, weight: 50)])?
            .contains("must belong to the same state machine") == true)
        #expect(await create([
            .init(stateMachineVersionArn: v1, weight: 50), .init(stateMachineVersionArn: v2, weight: 25),
            .init(stateMachineVersionArn: v2, weight: 25),
        ])?.contains("Routing configuration must contain 1 or 2") == true)
        await expectError(.resourceNotFound) {
            _ = try await client.createStateMachineAlias(CreateStateMachineAliasInput(
                name: "gone", routingConfiguration: [.init(stateMachineVersionArn: machine.version(9), weight: 100)]))
        }
        await expectError(.validationException) {
            _ = try await client.createStateMachineAlias(CreateStateMachineAliasInput(
                name: "123", routingConfiguration: [.init(stateMachineVersionArn: v1, weight: 100)]))
        }
        await expectError(.resourceNotFound) {
            _ = try await client.describeStateMachineAlias(
                DescribeStateMachineAliasInput(stateMachineAliasArn: machine.alias("nothing")))
        }
        let wrongKind = await expectError(.invalidArn) {
            _ = try await client.describeStateMachineAlias(DescribeStateMachineAliasInput(stateMachineAliasArn: v1))
        }
        #expect(wrongKind?.message == "Invalid Arn: 'Resource type not valid in this context: \(v1)'")
    }

    @Test func aliasesAreUpdatedListedAndDeleted() async throws {
        let (machine, v1, v2) = try await twoVersions()
        let one = [RoutingConfigurationListItem(stateMachineVersionArn: v1, weight: 100)]
        let created = try await client.createStateMachineAlias(
            CreateStateMachineAliasInput(description: "d", name: "live", routingConfiguration: one))
        // The same request again is idempotent; a different one conflicts.
        let again = try await client.createStateMachineAlias(
            CreateStateMachineAliasInput(description: "d", name: "live", routingConfiguration: one))
        #expect(again.stateMachineAliasArn == created.stateMachineAliasArn)
        await expectError(.conflictException) {
            _ = try await client.createStateMachineAlias(CreateStateMachineAliasInput(
                name: "live", routingConfiguration: [.init(stateMachineVersionArn: v2, weight: 100)]))
        }
        await expectError(.validationException) {
            _ = try await client.updateStateMachineAlias(
                UpdateStateMachineAliasInput(stateMachineAliasArn: created.stateMachineAliasArn))
        }
        _ = try await client.updateStateMachineAlias(UpdateStateMachineAliasInput(
            stateMachineAliasArn: created.stateMachineAliasArn, description: "moved",
            routingConfiguration: [.init(stateMachineVersionArn: v1, weight: 30), .init(stateMachineVersionArn: v2, weight: 70)]))
        let described = try await client.describeStateMachineAlias(
            DescribeStateMachineAliasInput(stateMachineAliasArn: created.stateMachineAliasArn))
        #expect(described.name == "live")
        #expect(described.description == "moved")
        #expect(described.routingConfiguration?.map(\.weight) == [30, 70])
        _ = try await client.createStateMachineAlias(
            CreateStateMachineAliasInput(name: "beta", routingConfiguration: one))
        let listed = try await client.listStateMachineAliases(ListStateMachineAliasesInput(stateMachineArn: machine))
        #expect(listed.stateMachineAliases.map { $0.stateMachineAliasArn.aliasName } == ["live", "beta"])
        _ = try await client.deleteStateMachineAlias(
            DeleteStateMachineAliasInput(stateMachineAliasArn: created.stateMachineAliasArn))
        let after = try await client.listStateMachineAliases(ListStateMachineAliasesInput(stateMachineArn: v1))
        #expect(after.stateMachineAliases.map { $0.stateMachineAliasArn.aliasName } == ["beta"])
    }

    @Test func deletingAMachineRemovesItsVersionsAndAliases() async throws {
        let (machine, v1, _) = try await twoVersions()
        let alias = try await client.createStateMachineAlias(CreateStateMachineAliasInput(
            name: "live", routingConfiguration: [.init(stateMachineVersionArn: v1, weight: 100)]))
        _ = try await client.deleteStateMachine(DeleteStateMachineInput(stateMachineArn: machine))
        await expectError(.stateMachineDoesNotExist) {
            _ = try await client.describeStateMachine(DescribeStateMachineInput(stateMachineArn: v1))
        }
        await expectError(.resourceNotFound) {
            _ = try await client.describeStateMachineAlias(
                DescribeStateMachineAliasInput(stateMachineAliasArn: alias.stateMachineAliasArn))
        }
        // A machine of the same name starts its versions at 1 again.
        let (_, fresh, _) = try await twoVersions()
        #expect(fresh.versionNumber == 1)
    }
}
