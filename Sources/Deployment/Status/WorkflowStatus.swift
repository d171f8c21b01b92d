import Foundation
import StepFunctionsAPI

/// One workflow in one environment, as `sfn status` reports it.
public struct WorkflowStatus: Sendable, Hashable, Codable {
    public var environment: String
    public var workflow: String
    public var stateMachineName: String
    /// The commit the environment runs (its alias's version, else the tags); nil when not deployed.
    public var deployed: DeployedRevision?
    /// What the working tree would do to it: `keep` when nothing is pending.
    public var pending: PlanAction
    /// The target's definition is not what sfn deployed (edited by hand).
    public var drift: Bool
    public var lastExecution: LastExecution?

    public struct LastExecution: Sendable, Hashable, Codable {
        public var status: String
        public var startDate: Date
        public var name: String
    }
}

/// Status of every workflow of one environment: one plan of the working tree, the inventory it
/// read, and each machine's newest execution.
public struct EnvironmentStatus: Sendable {
    public var environment: String
    public var target: String
    public var workflows: [WorkflowStatus]
    /// The plan's notes (features the target lacks, machines left behind).
    public var notes: [String]

    public static func read(_ session: DeploymentSession, environment: String) async throws(DeploymentError) -> EnvironmentStatus {
        let planned = try await session.plan(environment: environment)
        var workflows: [WorkflowStatus] = []
        for item in planned.plan.items {
            let machine = planned.inventory.machine(named: item.stateMachineName)
            var status = WorkflowStatus(
                environment: environment, workflow: item.workflow, stateMachineName: item.stateMachineName,
                deployed: machine?.deployedRevision, pending: item.action, drift: machine?.hasDrifted ?? false,
                lastExecution: nil)
            if let machine { status.lastExecution = await lastExecution(of: machine.arn, on: planned.target) }
            workflows.append(status)
        }
        return EnvironmentStatus(
            environment: environment, target: planned.target.description, workflows: workflows, notes: planned.plan.notes)
    }

    /// The newest execution, or nil when there is none or the target cannot list them.
    static func lastExecution(of arn: StateMachineARN, on target: ResolvedTarget) async -> WorkflowStatus.LastExecution? {
        guard let page = try? await target.service.listExecutions(ListExecutionsInput(stateMachineArn: arn, maxResults: 1)),
            let newest = page.executions.max(by: { $0.startDate.date < $1.startDate.date })
        else { return nil }
        return WorkflowStatus.LastExecution(status: newest.status.rawValue, startDate: newest.startDate.date, name: newest.name)
    }
}
