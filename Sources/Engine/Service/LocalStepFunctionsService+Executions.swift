import JSONValue
public import StepFunctionsAPI

/// StartExecution, StartSyncExecution, DescribeExecution, StopExecution, ListExecutions
/// and GetExecutionHistory on the in-memory engine.
extension LocalStepFunctionsService {
    public func startExecution(_ input: StartExecutionInput) async throws(StepFunctionsError) -> StartExecutionOutput {
        // Step Functions Local's `…:stateMachine:Name#TestCase` selects a mock test case.
        let testCase = input.stateMachineArn.testCase
        let target = try startTarget(input.stateMachineArn)
        let machine = try compiledForRun(target.machine)
        let machineArn = machine.arn.unqualified
        let text = input.input ?? "{}"
        let name = try executionName(input.name)
        let arn = machineArn.execution(named: name, expressId: machine.type == .express ? random.uuid() : nil)
        let key = "\(machineArn):\(name)"
        if let existingArn = executionNames[key], let existing = executions[existingArn] {
            // AWS's idempotency: the same name and input while it runs returns the same execution.
            guard existing.report == nil, existing.input == text else {
                throw .executionAlreadyExists(existing.arn.description)
            }
            return StartExecutionOutput(executionArn: existing.arn, startDate: existing.startDate)
        }
        let json = try parseInput(text)
        // Read before the run starts: a virtual clock moves as soon as the execution waits.
        let startDate = now
        var execution = StoredExecution(
            arn: arn, stateMachineArn: machineArn, versionArn: target.version, aliasArn: target.alias, name: name,
            input: text, startDate: startDate, machine: machine, handle: nil, report: nil, sequence: nextSequence())
        execution.testCase = testCase
        if machine.type == .standard, catalog != nil {
            // Accepted before it runs: a restart between the two starts it then.
            try persist([try encoded(.execution, arn.description, execution.record)])
        }
        executions[arn.description] = execution
        executionNames[key] = arn.description
        run(execution, input: json, testCase: testCase)
        return StartExecutionOutput(executionArn: arn, startDate: startDate)
    }

    /// Starts the engine on an accepted execution and records its end when it returns.
    /// `testCase` is the mock test case its tasks are given (see `TaskRequest.testCase`).
    func run(_ execution: StoredExecution, input json: JSON, testCase: String? = nil) {
        guard let workflow = execution.machine.workflow else { return }
        var engine = self.engine
        engine.seed = random.next()
        engine.roleArn = execution.machine.roleArn
        engine.testCase = testCase
        let arn = execution.arn.description
        let handle = engine.start(
            workflow, input: json, stateMachineName: execution.machine.name, executionName: execution.name,
            executionArn: arn)
        executions[arn]?.handle = handle
        Task {
            let report = await handle.report
            self.finish(arn, with: report)
        }
    }

    /// The machine (or version) with its compiled workflow. Machines read back from the
    /// catalog are compiled on their first start, not when the service opens: a command that
    /// only plans against 500 deployed machines should not compile 500 definitions first.
    func compiledForRun(_ machine: StoredStateMachine) throws(StepFunctionsError) -> StoredStateMachine {
        guard machine.workflow == nil else { return machine }
        var machine = machine
        do {
            machine.workflow = try compile(machine.definition, type: machine.type)
        } catch {
            throw .internalFailure("the definition of '\(machine.arn)' no longer compiles; update the state machine")
        }
        let key = machine.arn.description
        if machines[key] != nil {
            machines[key] = machine
        } else if versions[key] != nil {
            versions[key] = machine
        }
        return machine
    }

    /// The machine a StartExecution runs: the machine itself, a version, or the version an
    /// alias routes this start to.
    func startTarget(_ given: StateMachineARN) throws(StepFunctionsError)
        -> (machine: StoredStateMachine, version: StateMachineARN?, alias: StateMachineARN?)
    {
        var arn = given
        arn.testCase = nil
        if arn.mapStateLabel != nil {
            throw StepFunctionsError(
                .validationException, "Cannot start an execution of a Distributed Map state's child state machine")
        }
        switch arn.qualifier {
        case nil: return (try stateMachine(arn), nil, nil)
        case .version:
            let version = try version(arn)
            return (version, version.arn, nil)
        case .alias:
            let alias = try alias(arn)
            let version = try route(alias)
            return (version, version.arn, alias.arn)
        }
    }

    /// Records an execution's end (called once its engine task returns).
    func finish(_ arn: String, with report: ExecutionReport) {
        // The report of a run a redrive has since replaced changes nothing.
        guard report.description.redriveCount >= executions[arn]?.redriveCount ?? 0 else { return }
        if let handle = executions[arn]?.handle { executions[arn]?.endedRun = handle }
        executions[arn]?.report = report
        executions[arn]?.handle = nil
    }

    public func startSyncExecution(_ input: StartSyncExecutionInput) async throws(StepFunctionsError)
        -> StartSyncExecutionOutput
    {
        let machine = try startTarget(input.stateMachineArn).machine
        guard machine.type == .express else {
            throw StepFunctionsError(
                .stateMachineTypeNotSupported, "This operation is not supported by this type of state machine")
        }
        let started = try await startExecution(
            StartExecutionInput(stateMachineArn: input.stateMachineArn, name: input.name, input: input.input))
        let execution = await ended(started.executionArn)
        let description = execution.report?.description
        let stopDate = execution.stopDate ?? now
        let duration = stopDate.millisecondsSince1970 - execution.startDate.millisecondsSince1970
        let status = SyncExecutionStatus(rawValue: execution.status.rawValue)
        return StartSyncExecutionOutput(
            executionArn: execution.arn, stateMachineArn: machine.arn.unqualified, name: execution.name,
            startDate: execution.startDate, stopDate: stopDate, status: status,
            error: description?.error, cause: description?.cause, input: execution.input,
            inputDetails: CloudWatchEventsExecutionDataDetails(included: true),
            output: description?.output.map { $0.serialized(JSONStyle.compact) },
            outputDetails: CloudWatchEventsExecutionDataDetails(included: true), traceHeader: input.traceHeader,
            billingDetails: BillingDetails(billedMemoryUsedInMB: 64, billedDurationInMilliseconds: max(100, duration)))
    }

    public func describeExecution(_ input: DescribeExecutionInput) async throws(StepFunctionsError)
        -> DescribeExecutionOutput
    {
        if executions[input.executionArn.description] == nil, let child = describeMapRunChild(input.executionArn) {
            return child
        }
        return describe(try execution(input.executionArn))
    }

    /// Waits until the execution has ended and describes it: the local service's way to
    /// "describe until done" without polling (not an AWS action).
    public func waitForExecution(_ arn: ExecutionARN) async throws(StepFunctionsError) -> DescribeExecutionOutput {
        _ = try execution(arn)
        return describe(await ended(arn))
    }

    func ended(_ arn: ExecutionARN) async -> StoredExecution {
        while let execution = executions[arn.description] {
            guard let handle = execution.handle else { return execution }
            finish(arn.description, with: await handle.report)
        }
        preconditionFailure("an execution is never removed")
    }

    func describe(_ execution: StoredExecution) -> DescribeExecutionOutput {
        let description = execution.report?.description
        return DescribeExecutionOutput(
            executionArn: execution.arn, stateMachineArn: execution.stateMachineArn, name: execution.name,
            status: execution.status, startDate: execution.startDate, stopDate: execution.stopDate,
            input: execution.input, inputDetails: CloudWatchEventsExecutionDataDetails(included: true),
            output: description?.output.map { $0.serialized(JSONStyle.compact) },
            outputDetails: description?.output == nil ? nil : CloudWatchEventsExecutionDataDetails(included: true),
            // A stop without an error leaves `error` out, as AWS does.
            error: description?.error.flatMap { $0.isEmpty ? nil : $0 }, cause: description?.cause,
            stateMachineVersionArn: execution.versionArn, stateMachineAliasArn: execution.aliasArn,
            redriveCount: execution.redriveCount, redriveDate: execution.redriveDate,
            redriveStatus: notRedrivableReason(execution) == nil ? .redrivable : .notRedrivable,
            redriveStatusReason: notRedrivableReason(execution))
    }

    public func stopExecution(_ input: StopExecutionInput) async throws(StepFunctionsError) -> StopExecutionOutput {
        let execution = try execution(input.executionArn)
        if let handle = execution.handle {
            await handle.stop(error: input.error, cause: input.cause)
        } else if execution.report == nil && execution.historyInStore {
            try abortInStore(execution, error: input.error, cause: input.cause)
        }
        let stopped = await ended(input.executionArn)
        return StopExecutionOutput(stopDate: stopped.stopDate ?? now)
    }

    public func listExecutions(_ input: ListExecutionsInput) async throws(StepFunctionsError) -> ListExecutionsOutput {
        if let mapRunArn = input.mapRunArn { return try listMapRunExecutions(mapRunArn, input) }
        guard let machineArn = input.stateMachineArn else {
            throw StepFunctionsError(.validationException, "Must provide a StateMachine ARN or MapRun ARN")
        }
        // A version or alias ARN lists the executions that ran that version or came through that alias.
        let matches: (StoredExecution) -> Bool
        switch machineArn.qualifier {
        case nil:
            _ = try stateMachine(machineArn)
            matches = { $0.stateMachineArn == machineArn }
        case .version:
            _ = try version(machineArn)
            matches = { $0.versionArn == machineArn }
        case .alias:
            _ = try alias(machineArn)
            matches = { $0.aliasArn == machineArn }
        }
        // AWS lists the newest first.
        let matching = executions.values
            .filter { execution in
                matches(execution)
                    && (input.statusFilter == nil || execution.status == input.statusFilter)
                    && (input.redriveFilter == nil || (input.redriveFilter == .redriven) == (execution.redriveCount > 0))
            }
            .sorted { $0.sequence > $1.sequence }
        let page = try PageToken.page(matching, maxResults: input.maxResults, nextToken: input.nextToken)
        return ListExecutionsOutput(
            executions: page.items.map {
                ExecutionListItem(
                    executionArn: $0.arn, stateMachineArn: $0.stateMachineArn, name: $0.name, status: $0.status,
                    startDate: $0.startDate, stopDate: $0.stopDate, stateMachineVersionArn: $0.versionArn,
                    stateMachineAliasArn: $0.aliasArn, redriveCount: $0.redriveCount, redriveDate: $0.redriveDate)
            },
            nextToken: page.nextToken)
    }

    public func getExecutionHistory(_ input: GetExecutionHistoryInput) async throws(StepFunctionsError)
        -> GetExecutionHistoryOutput
    {
        if executions[input.executionArn.description] == nil, let child = try mapRunChildHistory(input) { return child }
        let execution = try execution(input.executionArn)
        var events: [HistoryEvent]
        if execution.historyInStore, execution.handle == nil, let catalog {
            do {
                events = try catalog.history(of: execution.arn.description)
            } catch {
                throw .internalFailure("cannot read the history of '\(execution.arn)': \(error)")
            }
        } else if let report = execution.report {
            events = report.history
        } else if let handle = execution.handle {
            events = await handle.currentHistory
        } else {
            events = []
        }
        if input.reverseOrder == true { events.reverse() }
        let page = try PageToken.page(events, maxResults: input.maxResults, nextToken: input.nextToken)
        let includeData = input.includeExecutionData ?? true
        return GetExecutionHistoryOutput(
            events: page.items.map { $0.api(includeExecutionData: includeData) }, nextToken: page.nextToken)
    }

    // MARK: Request checks

    /// The given name checked with AWS's rules, or a fresh UUID.
    func executionName(_ name: String?) throws(StepFunctionsError) -> String {
        guard let name else { return random.uuid() }
        try ResourceName.validate(name)
        return name
    }

    /// AWS's rules for an execution's input: JSON text of at most 256 KiB.
    func parseInput(_ text: String) throws(StepFunctionsError) -> JSON {
        guard text.utf8.count <= 262_144 else {
            // AWS's wording: the input is sensitive, so its value is left out of the message.
            throw StepFunctionsError(
                .validationException,
                "1 validation error detected: Value at 'input' failed to satisfy constraint: Member must have size less than or equal to 262144 bytes in UTF-8 encoding")
        }
        do {
            return try JSON.parse(text)
        } catch {
            throw .invalidExecutionInput(error.message)
        }
    }
}
