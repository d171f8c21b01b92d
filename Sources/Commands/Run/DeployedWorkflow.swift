import Records
import StepFunctionsAPI

/// A workflow as deployed to one environment's target: what `sfn run` starts, and the
/// revision its executions are recorded against.
struct DeployedWorkflow: Sendable {
    var workflow: String
    var environment: String
    var machineArn: StateMachineARN
    /// The environment's alias when the target has it, else the machine itself.
    var startArn: StateMachineARN
    var type: StateMachineType
    /// The commit of the version that runs; nil when neither the target nor the records say.
    var revision: Revision?
    var definitionSHA256: String

    /// Tag keys `sfn apply` puts on every machine it manages (see the deployment's ownership
    /// tags): the commit (`<sha>` or `<sha>-dirty`) and the definition's sha256.
    static let commitTag = "sfn:commit"
    static let definitionTag = "sfn:definition-sha256"
    /// The prefix of the version descriptions `sfn apply` publishes: `sfn: commit <sha>`.
    static let versionDescriptionPrefix = "sfn: commit "

    /// Finds `workflow` on `target`: the machine named `machineName` (the environment's naming
    /// rule), else the one the latest deployment recorded; its alias when there is one;
    /// the revision from the alias's version description, the machine's tags, or the records.
    ///
    /// A machine that does not exist means the workflow was never deployed there: the error
    /// says to apply first.
    static func locate(
        workflow: String, environment: String, machineName: String?, target: ExecutionTarget, records: RecordStore
    ) async throws(CommandFailure) -> DeployedWorkflow {
        let latest = try records.latestDeploymentOrFailure(environment: environment, workflow: workflow)
        let recordedArn = latest.flatMap { try? StateMachineARN(parsing: $0.stateMachineArn) }
        // The name the sources give first (the target may have moved since the last record),
        // then the machine the latest deployment recorded (the sources may not render now).
        var candidates: [StateMachineARN] = []
        for arn in [machineName.map { target.scope.stateMachine(named: $0) }, recordedArn].compactMap({ $0 })
        where !candidates.contains(arn) {
            candidates.append(arn)
        }
        let service = target.service
        var found: (arn: StateMachineARN, machine: DescribeStateMachineOutput)?
        for arn in candidates {
            do {
                found = (arn, try await service.describeStateMachine(DescribeStateMachineInput(stateMachineArn: arn)))
                break
            } catch where error.code == .stateMachineDoesNotExist {
                continue
            } catch {
                throw CommandFailure(message: "cannot read '\(arn.name)' on \(target.description): \(error.code): \(error.message)")
            }
        }
        guard let (machineArn, machine) = found else { throw neverDeployed(workflow, environment, target) }

        var startArn = machineArn
        var versionArn: StateMachineARN?
        let recordedAlias = machineArn == recordedArn ? latest?.aliasArn.flatMap { try? StateMachineARN(parsing: $0) } : nil
        let aliasArn = recordedAlias ?? machineArn.alias(target.alias)
        // A target without aliases (some emulators) answers with an error: start the machine then.
        if let alias = try? await service.describeStateMachineAlias(
            DescribeStateMachineAliasInput(stateMachineAliasArn: aliasArn))
        {
            startArn = aliasArn
            versionArn = alias.routingConfiguration?.max { $0.weight < $1.weight }?.stateMachineVersionArn
        }

        var revision: Revision?
        if let versionArn,
            let version = try? await service.describeStateMachine(DescribeStateMachineInput(stateMachineArn: versionArn)),
            let text = version.description, text.hasPrefix(versionDescriptionPrefix)
        {
            revision = Revision(parsing: String(text.dropFirst(versionDescriptionPrefix.count)))
        }
        let tags = (try? await service.listTagsForResource(ListTagsForResourceInput(resourceArn: .stateMachine(machineArn))))?
            .tags ?? []
        func tag(_ key: String) -> String? { tags.first { $0.key == key }?.value.flatMap { $0.isEmpty ? nil : $0 } }
        let tagged = tag(commitTag).map(Revision.init(parsing:))
        let recorded = machineArn == recordedArn ? latest.map { Revision(commit: $0.commit, dirty: $0.dirty) } : nil
        revision = revision ?? tagged ?? recorded
        var sha = ""
        if let taggedSHA = tag(definitionTag), tagged == revision {
            sha = taggedSHA
        } else if let latest, recorded == revision {
            sha = latest.definitionSHA256
        }
        return DeployedWorkflow(
            workflow: workflow, environment: environment, machineArn: machineArn, startArn: startArn, type: machine.type,
            revision: revision, definitionSHA256: sha)
    }

    static func neverDeployed(_ workflow: String, _ environment: String, _ target: ExecutionTarget) -> CommandFailure {
        CommandFailure(
            message: "workflow '\(workflow)' was never deployed to '\(environment)' (\(target.description)): run `sfn apply --env \(environment)` first")
    }
}

extension RecordStore {
    func latestDeploymentOrFailure(environment: String, workflow: String) throws(CommandFailure) -> DeploymentRecord? {
        do {
            return try latestDeployment(environment: environment, workflow: workflow)
        } catch {
            throw CommandFailure(message: error.message)
        }
    }
}
