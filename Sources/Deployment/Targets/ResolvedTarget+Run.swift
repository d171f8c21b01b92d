public import StepFunctionsAPI

extension ResolvedTarget {
    /// What `sfn run` starts for the machine named `name`: the environment's alias where the
    /// target has it (so the run executes the version the alias routes to), else the machine
    /// itself (targets without aliases, or a machine deployed before aliases existed).
    /// Throws when the machine is not deployed here.
    public func runnableARN(forMachineNamed name: String) async throws(DeploymentError) -> StateMachineARN {
        let machine = stateMachineARN(named: name)
        do {
            let alias = aliasARN(forMachineNamed: name)
            _ = try await service.describeStateMachineAlias(DescribeStateMachineAliasInput(stateMachineAliasArn: alias))
            return alias
        } catch where !MachineReader.isGone(error) && !TargetCapabilities.isUnsupported(error) && error.code != .invalidArn {
            throw .target(error, doing: "DescribeStateMachineAlias \(name):\(alias)", on: description)
        } catch {
            // No alias here: run the machine.
        }
        do {
            _ = try await service.describeStateMachine(DescribeStateMachineInput(stateMachineArn: machine))
            return machine
        } catch where MachineReader.isGone(error) {
            throw DeploymentError(
                .nothingToDeploy,
                "\(name) is not deployed to environment '\(environment)' on \(description): run `sfn apply --env \(environment)` first")
        } catch {
            throw .target(error, doing: "DescribeStateMachine \(name)", on: description)
        }
    }
}
