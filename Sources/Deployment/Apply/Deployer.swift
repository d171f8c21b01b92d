import Foundation
import StepFunctionsAPI

/// Applies a plan to its target, workflow by workflow: create or update the machine (publishing
/// a version described by the commit where the target has versions), set its tags, then move
/// the environment's alias. Deletes come last.
///
/// The order within one workflow is what makes an interrupted apply safe to repeat: the
/// definition first, its ownership tags next (they name the definition's sha256), the alias
/// last. Whatever step was not reached shows in the next plan as exactly what is left.
public struct Deployer: Sendable {
    public var target: ResolvedTarget
    public var recorder: DeploymentRecorder?
    /// The word records use for what was done (`promote`, `rollback`); the plan action when nil.
    public var recordedAction: String?

    public init(target: ResolvedTarget, recorder: DeploymentRecorder? = nil, recordedAction: String? = nil) {
        self.target = target
        self.recorder = recorder
        self.recordedAction = recordedAction
    }

    /// Applies every item that changes something, in plan order with deletes last, stopping at the
    /// first failure. `planId` is recorded when the plan was saved and reviewed.
    public func apply(_ plan: DeploymentPlan, planId: String? = nil) async -> ApplyOutcome {
        var applied: [AppliedWorkflow] = []
        let ordered = plan.changes.filter { $0.action != .delete } + plan.changes.filter { $0.action == .delete }
        for item in ordered {
            do {
                var done = try await apply(item, capabilities: plan.capabilities)
                if let recorder {
                    let entry = DeploymentEntry(
                        environment: plan.environment, applied: done, target: target.description, planId: planId,
                        action: recordedAction ?? item.action.rawValue)
                    do {
                        try await recorder.record(entry)
                    } catch {
                        return ApplyOutcome(
                            plan: plan, applied: applied + [done],
                            failure: (item.workflow, DeploymentError(.records, "the deployment of '\(item.workflow)' was made but could not be recorded: \(error)")))
                    }
                }
                // Pruning comes after the record: the deployment stands whether or not it succeeds.
                do {
                    done.prunedVersions = try await pruneVersions(after: done, capabilities: plan.capabilities)
                } catch {
                    return ApplyOutcome(plan: plan, applied: applied + [done], failure: (item.workflow, error))
                }
                applied.append(done)
            } catch {
                return ApplyOutcome(plan: plan, applied: applied, failure: (item.workflow, error))
            }
        }
        return ApplyOutcome(plan: plan, applied: applied, failure: nil)
    }

    func apply(_ item: PlanItem, capabilities: TargetCapabilities) async throws(DeploymentError) -> AppliedWorkflow {
        let arn = try parseARN(item.stateMachineArn)
        guard let desired = item.desired else {
            try await call("DeleteStateMachine \(item.stateMachineName)") { () async throws(StepFunctionsError) in
                _ = try await target.service.deleteStateMachine(DeleteStateMachineInput(stateMachineArn: arn))
            }
            return AppliedWorkflow(
                workflow: item.workflow, action: .delete, stateMachineName: item.stateMachineName,
                stateMachineArn: arn.description, versionArn: nil, aliasArn: nil,
                revision: DeployedRevision(commit: "", dirty: false), definitionSHA256: "")
        }
        var versionArn: StateMachineARN?
        var aliasExists = item.changes.contains { $0.path == "alias.\(desired.alias)" && $0.kind == .changed }
        switch item.action {
        case .create, .replace:
            if item.action == .replace {
                try await call("DeleteStateMachine \(item.stateMachineName)") { () async throws(StepFunctionsError) in
                    _ = try await target.service.deleteStateMachine(DeleteStateMachineInput(stateMachineArn: arn))
                }
                aliasExists = false
            }
            versionArn = try await create(item, desired: desired, capabilities: capabilities)
        case .update:
            versionArn = try await update(item, arn: arn, desired: desired, capabilities: capabilities)
        case .delete, .keep:
            break
        }
        var aliasArn: StateMachineARN?
        if capabilities.aliases && item.movesAlias {
            if versionArn == nil, let reused = item.aliasVersion { versionArn = try parseARN(reused) }
            if versionArn == nil { versionArn = try await publish(arn, desired: desired, capabilities: capabilities) }
            if let versionArn {
                aliasArn = try await moveAlias(of: arn, to: versionArn, name: desired.alias, exists: aliasExists)
            }
        }
        return AppliedWorkflow(
            workflow: item.workflow, action: item.action, stateMachineName: item.stateMachineName,
            stateMachineArn: arn.description, versionArn: versionArn?.description, aliasArn: aliasArn?.description,
            revision: desired.revision, definitionSHA256: desired.definitionSHA256)
    }

    /// Creates the machine with its tags (and its first version); on AWS a replaced machine may
    /// still be `DELETING` for a moment, so creation is retried a few times.
    private func create(_ item: PlanItem, desired: DesiredMachine, capabilities: TargetCapabilities)
        async throws(DeploymentError) -> StateMachineARN?
    {
        let input = CreateStateMachineInput(
            name: item.stateMachineName, definition: desired.definition, roleArn: desired.roleArn, type: desired.type,
            tags: capabilities.tags ? desired.tags : nil, publish: capabilities.versions ? true : nil,
            versionDescription: capabilities.versions ? desired.revision.versionDescription : nil)
        var attempt = 0
        while true {
            do {
                return try await target.service.createStateMachine(input).stateMachineVersionArn
            } catch where (error.code == .stateMachineDeleting || error.code == .stateMachineAlreadyExists)
                && item.action == .replace && attempt < 10
            {
                attempt += 1
                try? await Task.sleep(for: .seconds(1))
            } catch {
                throw .target(error, doing: "CreateStateMachine \(item.stateMachineName)", on: target.description)
            }
        }
    }

    /// Updates what changed, publishing a version when the definition or configuration did,
    /// then brings the tags to the desired set.
    private func update(
        _ item: PlanItem, arn: StateMachineARN, desired: DesiredMachine, capabilities: TargetCapabilities
    ) async throws(DeploymentError) -> StateMachineARN? {
        let configuration = item.changes.filter { !$0.path.hasPrefix("tags.") && !$0.path.hasPrefix("alias.") }
        var versionArn: StateMachineARN?
        if !configuration.isEmpty {
            let paths = Set(configuration.map(\.path))
            let input = UpdateStateMachineInput(
                stateMachineArn: arn, definition: desired.definition, roleArn: desired.roleArn,
                loggingConfiguration: paths.contains("logging") ? LoggingConfiguration(level: .off, includeExecutionData: false) : nil,
                tracingConfiguration: paths.contains("tracing") ? TracingConfiguration(enabled: false) : nil,
                publish: capabilities.versions ? true : nil,
                versionDescription: capabilities.versions ? desired.revision.versionDescription : nil)
            try await call("UpdateStateMachine \(item.stateMachineName)") { () async throws(StepFunctionsError) in
                versionArn = try await target.service.updateStateMachine(input).stateMachineVersionArn
            }
        }
        if capabilities.tags {
            try await call("TagResource \(item.stateMachineName)") { () async throws(StepFunctionsError) in
                _ = try await target.service.tagResource(TagResourceInput(resourceArn: .stateMachine(arn), tags: desired.tags))
            }
            let removed = item.changes.filter { $0.path.hasPrefix("tags.") && $0.kind == .removed }
                .map { String($0.path.dropFirst("tags.".count)) }
            if !removed.isEmpty {
                try await call("UntagResource \(item.stateMachineName)") { () async throws(StepFunctionsError) in
                    _ = try await target.service.untagResource(UntagResourceInput(resourceArn: .stateMachine(arn), tagKeys: removed))
                }
            }
        }
        return versionArn
    }

    /// A version of the machine's current revision, for an alias that must move without an
    /// update (an apply stopped before the alias moved, a rollback). AWS answers with the latest
    /// version when the revision is already published; an emulator that only publishes on update
    /// gets an update that changes nothing but publishes.
    private func publish(_ arn: StateMachineARN, desired: DesiredMachine, capabilities: TargetCapabilities)
        async throws(DeploymentError) -> StateMachineARN?
    {
        guard capabilities.versions else { return nil }
        var versionArn: StateMachineARN?
        try await call("PublishStateMachineVersion \(arn.name)") { () async throws(StepFunctionsError) in
            if capabilities.versionListing {
                versionArn = try await target.service.publishStateMachineVersion(
                    PublishStateMachineVersionInput(stateMachineArn: arn, description: desired.revision.versionDescription)
                ).stateMachineVersionArn
            } else {
                versionArn = try await target.service.updateStateMachine(
                    UpdateStateMachineInput(
                        stateMachineArn: arn, definition: desired.definition, publish: true,
                        versionDescription: desired.revision.versionDescription)
                ).stateMachineVersionArn
            }
        }
        return versionArn
    }

    /// Points the environment's alias at `version`, creating the alias on first deploy.
    func moveAlias(of arn: StateMachineARN, to version: StateMachineARN, name: String, exists: Bool)
        async throws(DeploymentError) -> StateMachineARN
    {
        let routing = [RoutingConfigurationListItem(stateMachineVersionArn: version, weight: 100)]
        let aliasArn = arn.alias(name)
        do {
            if exists {
                _ = try await target.service.updateStateMachineAlias(
                    UpdateStateMachineAliasInput(stateMachineAliasArn: aliasArn, routingConfiguration: routing))
                return aliasArn
            }
            return try await target.service.createStateMachineAlias(
                CreateStateMachineAliasInput(
                    description: "sfn: environment \(target.environment)", name: name, routingConfiguration: routing)
            ).stateMachineAliasArn
        } catch where !exists && (error.code == .conflictException || error.code == .validationException) {
            // The alias exists after all (made by hand, or by an apply that stopped after it): move it.
            do {
                _ = try await target.service.updateStateMachineAlias(
                    UpdateStateMachineAliasInput(stateMachineAliasArn: aliasArn, routingConfiguration: routing))
                return aliasArn
            } catch {
                throw .target(error, doing: "UpdateStateMachineAlias \(arn.name):\(name)", on: target.description)
            }
        } catch {
            throw .target(error, doing: "\(exists ? "Update" : "Create")StateMachineAlias \(arn.name):\(name)", on: target.description)
        }
    }

    /// `keep_versions`: once a deployment published a version and moved the alias to it, the
    /// machine's versions beyond the newest `keep` that no alias routes to are deleted.
    func pruneVersions(after done: AppliedWorkflow, capabilities: TargetCapabilities) async throws(DeploymentError) -> [Int] {
        guard let keep = target.keepVersions, capabilities.versions && capabilities.versionListing, done.versionArn != nil
        else { return [] }
        let machine = try parseARN(done.stateMachineArn)
        do {
            return try await VersionPruner(service: target.service, keep: keep).prune(machine)
        } catch {
            throw DeploymentError(
                .target,
                "'\(done.workflow)' was deployed and recorded, but deleting its versions beyond the newest \(keep) failed on \(target.description): \(error.code.rawValue): \(error.message)")
        }
    }

    private func call(_ what: String, _ body: () async throws(StepFunctionsError) -> Void) async throws(DeploymentError) {
        do {
            try await body()
        } catch {
            throw .target(error, doing: what, on: target.description)
        }
    }

    private func parseARN(_ text: String) throws(DeploymentError) -> StateMachineARN {
        do {
            return try StateMachineARN(parsing: text)
        } catch {
            throw DeploymentError(.plan, "the plan names '\(text)', which is not a state machine ARN: \(error.message)")
        }
    }
}
