import JSONValue
public import StepFunctionsAPI

/// DescribeMapRun, ListMapRuns, UpdateMapRun, and the Map Run side of ListExecutions,
/// DescribeExecution and GetExecutionHistory: read from the engine's `MapRunRegistry`,
/// where distributed Map states keep their runs and child executions. A service opened on
/// a database fills the registry from its `MapRunStore` first (`restoreMapRuns`), so the
/// runs of earlier services answer too.
extension LocalStepFunctionsService {
    /// Reads the Map Runs a durable catalog kept into the engine's registry; called by
    /// `open` before RUNNING parents resume (they continue their runs from it).
    func restoreMapRuns() throws(StepFunctionsError) {
        guard let store = catalog as? any MapRunStore else { return }
        do {
            engine.mapRuns.restore(try store.storedMapRuns())
        } catch {
            throw .internalFailure("cannot read the local engine's Map Runs: \(error)")
        }
    }

    public func describeMapRun(_ input: DescribeMapRunInput) async throws(StepFunctionsError) -> DescribeMapRunOutput {
        let run = try mapRun(input.mapRunArn)
        let items = run.counts(ofItems: true)
        let executions = run.counts(ofItems: false)
        return DescribeMapRunOutput(
            mapRunArn: input.mapRunArn, executionArn: try ExecutionARN(parsing: run.executionArn),
            status: MapRunStatus(rawValue: run.status.rawValue), startDate: run.startDate.api,
            stopDate: run.stopDate?.api, maxConcurrency: run.maxConcurrency,
            toleratedFailurePercentage: run.toleratedFailurePercentage ?? 0,
            toleratedFailureCount: Int64(run.toleratedFailureCount ?? 0),
            itemCounts: Self.counts(items, resultsWritten: run.status == .succeeded ? items.succeeded : 0),
            executionCounts: Self.counts(executions, resultsWritten: run.status == .succeeded ? executions.succeeded : 0),
            redriveCount: run.redriveCount, redriveDate: run.redriveDate?.api)
    }

    public func listMapRuns(_ input: ListMapRunsInput) async throws(StepFunctionsError) -> ListMapRunsOutput {
        _ = try execution(input.executionArn)
        let runs = engine.mapRuns.mapRuns(ofExecution: input.executionArn.description)
        let page = try PageToken.page(runs, maxResults: input.maxResults, nextToken: input.nextToken)
        var items: [MapRunListItem] = []
        for run in page.items {
            items.append(MapRunListItem(
                executionArn: input.executionArn, mapRunArn: try MapRunARN(parsing: run.mapRunArn),
                stateMachineArn: try StateMachineARN(parsing: run.stateMachineArn), startDate: run.startDate.api,
                stopDate: run.stopDate?.api))
        }
        return ListMapRunsOutput(mapRuns: items, nextToken: page.nextToken)
    }

    public func updateMapRun(_ input: UpdateMapRunInput) async throws(StepFunctionsError) -> UpdateMapRunOutput {
        if let maxConcurrency = input.maxConcurrency, maxConcurrency < 0 {
            throw .validation(
                value: String(maxConcurrency), at: "maxConcurrency",
                constraint: "Member must have value greater than or equal to 0")
        }
        if let count = input.toleratedFailureCount, count < 0 {
            throw .validation(
                value: String(count), at: "toleratedFailureCount",
                constraint: "Member must have value greater than or equal to 0")
        }
        if let percentage = input.toleratedFailurePercentage, !(0...100).contains(percentage) {
            throw .validation(
                value: String(percentage), at: "toleratedFailurePercentage",
                constraint: percentage < 0
                    ? "Member must have value greater than or equal to 0"
                    : "Member must have value less than or equal to 100")
        }
        let updated = engine.mapRuns.reconfigure(
            input.mapRunArn.description, maxConcurrency: input.maxConcurrency,
            toleratedFailurePercentage: input.toleratedFailurePercentage,
            toleratedFailureCount: input.toleratedFailureCount.map { Int($0) })
        guard let updated else { throw .resourceNotFound(input.mapRunArn.description) }
        if let store = catalog as? any MapRunStore {
            do {
                try store.mapRunChanged(updated)
            } catch {
                throw .internalFailure("cannot record the update of '\(input.mapRunArn)': \(error)")
            }
        }
        return UpdateMapRunOutput()
    }

    /// ListExecutions with `mapRunArn`: the run's child executions, newest first.
    func listMapRunExecutions(_ mapRunArn: MapRunARN, _ input: ListExecutionsInput) throws(StepFunctionsError)
        -> ListExecutionsOutput
    {
        if input.stateMachineArn != nil {
            throw StepFunctionsError(.validationException, "Must provide only a StateMachine ARN or a MapRun ARN")
        }
        let run = try mapRun(mapRunArn)
        let children = run.children.reversed().filter { child in
            input.statusFilter == nil || StepFunctionsAPI.ExecutionStatus(rawValue: child.description.status.rawValue) == input.statusFilter
        }
        let page = try PageToken.page(children, maxResults: input.maxResults, nextToken: input.nextToken)
        var items: [ExecutionListItem] = []
        for child in page.items {
            let description = child.description
            items.append(ExecutionListItem(
                executionArn: try ExecutionARN(parsing: description.executionArn),
                stateMachineArn: mapRunArn.stateMachine, name: description.name,
                status: StepFunctionsAPI.ExecutionStatus(rawValue: description.status.rawValue), startDate: description.startDate.api,
                stopDate: description.stopDate?.api, mapRunArn: mapRunArn, redriveCount: description.redriveCount,
                redriveDate: description.redriveDate?.api))
        }
        return ListExecutionsOutput(executions: items, nextToken: page.nextToken)
    }

    /// DescribeExecution of a Map Run's child execution, with its `mapRunArn`; nil when the
    /// ARN names no child.
    func describeMapRunChild(_ arn: ExecutionARN) -> DescribeExecutionOutput? {
        guard let (run, child) = engine.mapRuns.child(arn.description),
            let mapRunArn = try? MapRunARN(parsing: run.mapRunArn)
        else { return nil }
        let description = child.description
        return DescribeExecutionOutput(
            executionArn: arn, stateMachineArn: mapRunArn.stateMachine, name: description.name,
            status: StepFunctionsAPI.ExecutionStatus(rawValue: description.status.rawValue), startDate: description.startDate.api,
            stopDate: description.stopDate?.api, input: description.input.serialized(JSONStyle.compact),
            inputDetails: CloudWatchEventsExecutionDataDetails(included: true),
            output: description.output.map { $0.serialized(JSONStyle.compact) },
            outputDetails: description.output == nil ? nil : CloudWatchEventsExecutionDataDetails(included: true),
            mapRunArn: mapRunArn, error: description.error.flatMap { $0.isEmpty ? nil : $0 }, cause: description.cause,
            redriveCount: description.redriveCount, redriveDate: description.redriveDate?.api,
            redriveStatus: .notRedrivable)
    }

    /// GetExecutionHistory of a Map Run's child execution (its events once it ended, none
    /// while it runs); nil when the ARN names no child.
    func mapRunChildHistory(_ input: GetExecutionHistoryInput) throws(StepFunctionsError) -> GetExecutionHistoryOutput? {
        guard let (_, child) = engine.mapRuns.child(input.executionArn.description) else { return nil }
        // A child that ran under an earlier service: its events are in the store (Standard only).
        var events = child.history ?? (try? catalog?.history(of: input.executionArn.description)) ?? []
        if input.reverseOrder == true { events.reverse() }
        let page = try PageToken.page(events, maxResults: input.maxResults, nextToken: input.nextToken)
        let includeData = input.includeExecutionData ?? true
        return GetExecutionHistoryOutput(
            events: page.items.map { $0.api(includeExecutionData: includeData) }, nextToken: page.nextToken)
    }

    /// DescribeStateMachine of a Map Run's labelled machine (`…:stateMachine:<name>/<label>`):
    /// the processor as a machine of its own, with its `label`; nil for an ARN without a label.
    func describeMapRunMachine(_ arn: StateMachineARN) throws(StepFunctionsError) -> DescribeStateMachineOutput? {
        guard let label = arn.mapStateLabel else { return nil }
        guard let run = engine.mapRuns.mapRuns(ofStateMachine: arn.description).first,
            let (parent, machine) = mapRunMachine(run, label: label)
        else { throw .stateMachineDoesNotExist(arn.description) }
        return DescribeStateMachineOutput(
            stateMachineArn: arn, name: "\(arn.name)/\(label)", status: .active, definition: machine.definition,
            roleArn: parent.roleArn, type: machine.isExpress ? .express : .standard, creationDate: run.startDate.api,
            loggingConfiguration: parent.loggingConfiguration ?? Self.loggingOff,
            tracingConfiguration: parent.tracingConfiguration ?? TracingConfiguration(enabled: false), label: label,
            revisionId: parent.revisionId)
    }

    /// DescribeStateMachineForExecution of a Map Run's child execution: its labelled machine,
    /// the Map Run's ARN and the label; nil when the ARN names no child.
    func describeMapRunChildMachine(_ arn: ExecutionARN) -> DescribeStateMachineForExecutionOutput? {
        guard let (run, _) = engine.mapRuns.child(arn.description), let mapRunArn = try? MapRunARN(parsing: run.mapRunArn),
            let (parent, machine) = mapRunMachine(run, label: mapRunArn.label)
        else { return nil }
        return DescribeStateMachineForExecutionOutput(
            stateMachineArn: mapRunArn.stateMachine, name: "\(mapRunArn.stateMachineName)/\(mapRunArn.label)",
            definition: machine.definition, roleArn: parent.roleArn, updateDate: parent.updateDate,
            loggingConfiguration: parent.loggingConfiguration ?? Self.loggingOff,
            tracingConfiguration: parent.tracingConfiguration ?? TracingConfiguration(enabled: false),
            mapRunArn: mapRunArn, label: mapRunArn.label, revisionId: parent.revisionId)
    }

    /// The machine the run's parent execution ran, and the run's processor in it.
    private func mapRunMachine(_ run: MapRun, label: String) -> (StoredStateMachine, MapRunMachine)? {
        guard let parent = executions[run.executionArn]?.machine,
            let machine = MapRunMachine(parentDefinition: parent.definition, label: label)
        else { return nil }
        return (parent, machine)
    }

    private func mapRun(_ arn: MapRunARN) throws(StepFunctionsError) -> MapRun {
        guard let run = engine.mapRuns.mapRun(arn.description) else { throw .resourceNotFound(arn.description) }
        return run
    }

    private static func counts(
        _ c: (
            pending: Int, running: Int, succeeded: Int, failed: Int, timedOut: Int, aborted: Int, total: Int,
            pendingRedrive: Int
        ),
        resultsWritten: Int
    ) -> MapRunCounts {
        MapRunCounts(
            pending: Int64(c.pending), running: Int64(c.running), succeeded: Int64(c.succeeded), failed: Int64(c.failed),
            timedOut: Int64(c.timedOut), aborted: Int64(c.aborted), total: Int64(c.total),
            resultsWritten: Int64(resultsWritten), failuresNotRedrivable: 0, pendingRedrive: Int64(c.pendingRedrive))
    }
}
