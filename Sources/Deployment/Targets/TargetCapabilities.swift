import StepFunctionsAPI

/// What a target implements of the API sfn deploys with, probed once per run.
///
/// Emulators differ: the embedded engine may lack versions and aliases, moto publishes
/// versions only through `publish` on create and update and cannot list them, some
/// emulators ignore tags. Plans say what is missing in `notes`, and apply takes the path the
/// target supports, so a missing feature degrades a deployment instead of failing it.
public struct TargetCapabilities: Sendable, Hashable, Codable {
    /// Versions can be published (with `publish` on create/update at least).
    public var versions: Bool
    /// ListStateMachineVersions and PublishStateMachineVersion work too.
    public var versionListing: Bool
    public var aliases: Bool
    /// Tags are kept and listed: ownership can be read back from the target.
    public var tags: Bool
    /// ValidateStateMachineDefinition answers.
    public var validation: Bool

    public init(versions: Bool, versionListing: Bool, aliases: Bool, tags: Bool, validation: Bool) {
        self.versions = versions
        self.versionListing = versionListing
        self.aliases = aliases
        self.tags = tags
        self.validation = validation
    }

    /// Everything (AWS itself).
    public static let full = TargetCapabilities(
        versions: true, versionListing: true, aliases: true, tags: true, validation: true)

    /// What a plan tells the user about deploying without the missing features.
    public var notes: [String] {
        var notes: [String] = []
        if !versions {
            notes.append("this target has no versions: each deployment replaces the definition in place, and its commit is kept in the sfn:commit tag")
        }
        if versions && !aliases {
            notes.append("this target has no aliases: versions are published, but executions run the latest definition")
        } else if !aliases && !versions {
            notes.append("this target has no aliases: executions run the latest definition")
        }
        if !tags {
            notes.append("this target keeps no tags: machines are recognised by name, and prune cannot tell sfn's machines from others")
        }
        return notes
    }

    /// Asks the target about each feature with requests that change nothing: listings and a
    /// validation of a one-state definition, about a machine that does not exist. An answer
    /// of "no such machine" means the action exists; "unknown/unsupported operation" means
    /// it does not. Any other failure (unreachable, refused credentials) is thrown.
    public static func probe(_ target: ResolvedTarget) async throws(DeploymentError) -> TargetCapabilities {
        let service = target.service
        let missing = target.scope.stateMachine(named: "sfn-capability-probe-0")
        func supported(_ action: String, _ call: () async throws(StepFunctionsError) -> Void) async throws(DeploymentError)
            -> Bool
        {
            do {
                try await call()
                return true
            } catch {
                if isUnsupported(error) { return false }
                if isAbsent(error) { return true }
                throw .target(error, doing: action, on: target.description)
            }
        }
        let tags = try await supported("ListTagsForResource") { () async throws(StepFunctionsError) in
            _ = try await service.listTagsForResource(ListTagsForResourceInput(resourceArn: .stateMachine(missing)))
        }
        let listing = try await supported("ListStateMachineVersions") { () async throws(StepFunctionsError) in
            _ = try await service.listStateMachineVersions(ListStateMachineVersionsInput(stateMachineArn: missing))
        }
        let aliases = try await supported("ListStateMachineAliases") { () async throws(StepFunctionsError) in
            _ = try await service.listStateMachineAliases(ListStateMachineAliasesInput(stateMachineArn: missing))
        }
        let validation = try await supported("ValidateStateMachineDefinition") { () async throws(StepFunctionsError) in
            _ = try await service.validateStateMachineDefinition(
                ValidateStateMachineDefinitionInput(definition: #"{"StartAt":"A","States":{"A":{"Type":"Succeed"}}}"#))
        }
        // An emulator with aliases but no version listing (moto) publishes through `publish`
        // on create and update: aliases need versions to route to.
        return TargetCapabilities(
            versions: listing || aliases, versionListing: listing, aliases: aliases, tags: tags, validation: validation)
    }

    /// An action the target does not implement, in the words emulators use for it.
    static func isUnsupported(_ error: StepFunctionsError) -> Bool {
        let codes: Set<String> = [
            "UnsupportedOperation", "UnknownOperationException", "InvalidAction", "NotImplemented",
            "NotImplementedException", "UnknownOperation",
        ]
        if codes.contains(error.code.rawValue) { return true }
        // moto's server answers an action it does not route with an HTML page and a 500.
        if error.code == .internalFailure && error.message.contains("without an AWS error body") { return true }
        let message = error.message.lowercased()
        return message.contains("not yet implemented") || message.contains("not implemented")
            || message.contains("does not support")
    }

    /// The answer about a machine that does not exist: the action itself is there.
    static func isAbsent(_ error: StepFunctionsError) -> Bool {
        [.stateMachineDoesNotExist, .resourceNotFound, .invalidArn, .validationException].contains(error.code)
    }
}
