import StepFunctionsAPI

/// `keep_versions`: after a deployment, deletes a machine's versions beyond the newest `keep`
/// that no alias routes to.
///
/// AWS keeps at most 1,000 versions of a state machine and refuses to publish past that, so
/// an environment deployed from every commit needs old versions removed. A version an alias
/// still routes to (the environment's own, a canary's, one made by hand) is never deleted,
/// whatever its age: AWS would refuse with ConflictException, and rollback needs it.
struct VersionPruner: Sendable {
    var service: any StepFunctionsService
    var keep: Int

    /// Deletes what is beyond the newest `keep` versions of `machine` and unrouted; returns the
    /// deleted version numbers, oldest first.
    func prune(_ machine: StateMachineARN) async throws(StepFunctionsError) -> [Int] {
        let versions = try await versions(of: machine)
        guard versions.count > keep else { return [] }
        let routed = try await routedVersions(of: machine)
        let old = versions.sorted(by: >).dropFirst(keep).filter { !routed.contains($0) }
        var deleted: [Int] = []
        for number in old.sorted() {
            do {
                _ = try await service.deleteStateMachineVersion(
                    DeleteStateMachineVersionInput(stateMachineVersionArn: machine.version(number)))
                deleted.append(number)
            } catch where error.code == .conflictException {
                // An alias was pointed at it since the listing: it stays.
            }
        }
        return deleted
    }

    /// Every version number of `machine`, through all pages.
    func versions(of machine: StateMachineARN) async throws(StepFunctionsError) -> [Int] {
        var numbers: [Int] = []
        var token: String?
        repeat {
            let page = try await service.listStateMachineVersions(
                ListStateMachineVersionsInput(stateMachineArn: machine, nextToken: token, maxResults: 1000))
            numbers += page.stateMachineVersions.compactMap(\.stateMachineVersionArn.versionNumber)
            token = page.nextToken
        } while token != nil
        return numbers
    }

    /// The version numbers any alias of `machine` routes to.
    func routedVersions(of machine: StateMachineARN) async throws(StepFunctionsError) -> Set<Int> {
        var routed: Set<Int> = []
        var token: String?
        repeat {
            let page = try await service.listStateMachineAliases(
                ListStateMachineAliasesInput(stateMachineArn: machine, nextToken: token, maxResults: 100))
            for alias in page.stateMachineAliases {
                let described = try await service.describeStateMachineAlias(
                    DescribeStateMachineAliasInput(stateMachineAliasArn: alias.stateMachineAliasArn))
                for route in described.routingConfiguration ?? [] {
                    if let number = route.stateMachineVersionArn.versionNumber { routed.insert(number) }
                }
            }
            token = page.nextToken
        } while token != nil
        return routed
    }
}
