import JSONValue
import StepFunctionsAPI

/// What one environment has on its target: the machines sfn manages there (found by their
/// ownership tags) and the machines whose names the environment's workflows would take.
public struct TargetInventory: Sendable {
    /// By state machine name.
    public var machines: [String: DeployedMachine]

    public init(machines: [String: DeployedMachine]) {
        self.machines = machines
    }

    /// The machine sfn deployed for `workflow` here, or one with the name it would take.
    public func machine(named name: String) -> DeployedMachine? { machines[name] }

    /// Machines tagged as this environment's, by workflow id.
    public func managed(environment: String) -> [String: DeployedMachine] {
        var result: [String: DeployedMachine] = [:]
        for machine in machines.values {
            guard let ownership = machine.ownership, ownership.environment == environment else { continue }
            result[ownership.workflow] = machine
        }
        return result
    }

    /// Reads the target: lists every machine, reads the tags of each (when the target keeps
    /// tags) to find the environment's, then describes those and the ones named in `names`,
    /// with the alias `aliasName` and the version it routes to.
    public static func read(
        _ target: ResolvedTarget, capabilities: TargetCapabilities, names: Set<String>
    ) async throws(DeploymentError) -> TargetInventory {
        let service = target.service
        var listed: [StateMachineListItem] = []
        var token: String? = nil
        repeat {
            do {
                let page = try await service.listStateMachines(ListStateMachinesInput(maxResults: 1000, nextToken: token))
                listed += page.stateMachines
                token = page.nextToken
            } catch {
                throw .target(error, doing: "ListStateMachines", on: target.description)
            }
        } while token != nil
        let reader = MachineReader(target: target, capabilities: capabilities, names: names)
        let found: [String: DeployedMachine]
        do {
            found = try await readAll(listed, reader: reader)
        } catch let error as DeploymentError {
            throw error
        } catch {
            throw DeploymentError(.target, "reading \(target.description) failed: \(error)")
        }
        return TargetInventory(machines: found)
    }

    /// Reads machines with a bounded number of requests in flight: AWS throttles bursts, and
    /// the engine gains nothing from more.
    private static func readAll(_ listed: [StateMachineListItem], reader: MachineReader) async throws
        -> [String: DeployedMachine]
    {
        try await withThrowingTaskGroup(of: DeployedMachine?.self) { group in
            var machines: [String: DeployedMachine] = [:]
            var iterator = listed.makeIterator()
            for _ in 0..<16 {
                guard let item = iterator.next() else { break }
                group.addTask { try await reader.read(item) }
            }
            while let result = try await group.next() {
                if let machine = result { machines[machine.name] = machine }
                if let item = iterator.next() { group.addTask { try await reader.read(item) } }
            }
            return machines
        }
    }
}

/// Reads one listed machine, if it concerns the environment.
struct MachineReader: Sendable {
    var target: ResolvedTarget
    var capabilities: TargetCapabilities
    var names: Set<String>

    func read(_ item: StateMachineListItem) async throws(DeploymentError) -> DeployedMachine? {
        let service = target.service
        let arn = item.stateMachineArn
        var tags: [String: String] = [:]
        if capabilities.tags {
            do {
                let listedTags = try await service.listTagsForResource(ListTagsForResourceInput(resourceArn: .stateMachine(arn)))
                for tag in listedTags.tags ?? [] {
                    if let key = tag.key { tags[key] = tag.value ?? "" }
                }
            } catch where Self.isGone(error) {
                return nil
            } catch {
                throw .target(error, doing: "ListTagsForResource of \(arn.name)", on: target.description)
            }
        }
        let ownership = Ownership(tags: tags)
        guard names.contains(item.name) || ownership?.environment == target.environment else { return nil }
        let described: DescribeStateMachineOutput
        do {
            described = try await service.describeStateMachine(DescribeStateMachineInput(stateMachineArn: arn))
        } catch where Self.isGone(error) {
            return nil
        } catch {
            throw .target(error, doing: "DescribeStateMachine of \(arn.name)", on: target.description)
        }
        var machine = DeployedMachine(
            arn: arn, name: item.name, type: described.type, definitionText: described.definition,
            roleArn: described.roleArn, loggingConfiguration: described.loggingConfiguration,
            tracingConfiguration: described.tracingConfiguration, tags: tags)
        if capabilities.aliases {
            machine.alias = try await alias(of: arn, machine: machine)
            if machine.alias?.versionDefinitionSHA256 != machine.definitionSHA256 {
                machine.latestVersion = try await latestVersion(of: arn)
            }
        }
        return machine
    }

    /// The environment's alias and its version, nil when the machine has no such alias.
    func alias(of arn: StateMachineARN, machine: DeployedMachine) async throws(DeploymentError) -> DeployedAlias? {
        let service = target.service
        let aliasArn = arn.alias(target.alias)
        let described: DescribeStateMachineAliasOutput
        do {
            described = try await service.describeStateMachineAlias(DescribeStateMachineAliasInput(stateMachineAliasArn: aliasArn))
        } catch where Self.isGone(error) {
            return nil
        } catch {
            throw .target(error, doing: "DescribeStateMachineAlias \(aliasArn.name):\(target.alias)", on: target.description)
        }
        let route = described.routingConfiguration?.max { $0.weight < $1.weight }
        guard let versionArn = route?.stateMachineVersionArn else {
            return DeployedAlias(arn: aliasArn, versionArn: nil, revision: nil, versionDefinitionSHA256: nil)
        }
        do {
            let version = try await service.describeStateMachine(DescribeStateMachineInput(stateMachineArn: versionArn))
            // Usually the version holds the machine's own text, whose identity is known already.
            let sha = machine.definition != nil && version.definition == machine.definitionText
                ? machine.definitionSHA256 : (try? JSON.parse(version.definition))?.canonicalSHA256
            return DeployedAlias(
                arn: aliasArn, versionArn: versionArn, revision: DeployedRevision(versionDescription: version.description),
                versionDefinitionSHA256: sha)
        } catch where Self.isGone(error) {
            return DeployedAlias(arn: aliasArn, versionArn: versionArn, revision: nil, versionDefinitionSHA256: nil)
        } catch {
            throw .target(error, doing: "DescribeStateMachine of version \(versionArn)", on: target.description)
        }
    }

    /// The newest version of `arn`: listed where the target lists versions, else found by
    /// describing version numbers (doubling, then halving), since numbers have no gaps.
    func latestVersion(of arn: StateMachineARN) async throws(DeploymentError) -> (arn: StateMachineARN, definitionSHA256: String?)? {
        let service = target.service
        if capabilities.versionListing {
            do {
                let page = try await service.listStateMachineVersions(ListStateMachineVersionsInput(stateMachineArn: arn, maxResults: 1))
                guard let newest = page.stateMachineVersions.first?.stateMachineVersionArn else { return nil }
                let version = try await service.describeStateMachine(DescribeStateMachineInput(stateMachineArn: newest))
                return (newest, (try? JSON.parse(version.definition))?.canonicalSHA256)
            } catch {
                throw .target(error, doing: "ListStateMachineVersions of \(arn.name)", on: target.description)
            }
        }
        func describe(_ number: Int) async throws(DeploymentError) -> DescribeStateMachineOutput? {
            do {
                return try await service.describeStateMachine(DescribeStateMachineInput(stateMachineArn: arn.version(number)))
            } catch where Self.isGone(error) || error.code == .invalidArn {
                return nil
            } catch {
                throw .target(error, doing: "DescribeStateMachine of \(arn.name):\(number)", on: target.description)
            }
        }
        guard var found = try await describe(1) else { return nil }
        var low = 1, high = 2
        while let next = try await describe(high) {
            found = next
            low = high
            high *= 2
        }
        // low exists, high does not.
        while high - low > 1 {
            let middle = (low + high) / 2
            if let next = try await describe(middle) {
                found = next
                low = middle
            } else {
                high = middle
            }
        }
        return (arn.version(low), (try? JSON.parse(found.definition))?.canonicalSHA256)
    }

    /// A machine deleted between the listing and the next call, or an alias that does not exist.
    static func isGone(_ error: StepFunctionsError) -> Bool {
        [.stateMachineDoesNotExist, .resourceNotFound].contains(error.code)
    }
}
