public import StepFunctionsAPI

/// The durable side of the service: each accepted change written to the `CatalogStore`
/// before it is answered, the catalog and executions read back by `open()`, RUNNING
/// executions resumed, and `close()` for a clean stop.
extension LocalStepFunctionsService {
    /// Loads what the catalog holds (machines, revisions, versions, aliases, tags, executions)
    /// and, with `resumeExecutions`, continues every Standard execution still RUNNING from its
    /// last persisted transition. An accepted start whose run never reached the store (the
    /// process stopped in between) starts now, with the name and input it was given.
    public func open(resumeExecutions: Bool) throws(StepFunctionsError) {
        guard let catalog else { return }
        let loaded: [CatalogEntry]
        let ended: [String: ExecutionDescription]
        let running: [PersistedExecution]
        do {
            loaded = try catalog.catalogEntries()
            ended = try catalog.endedExecutions()
            running = try catalog.runningExecutions()
        } catch {
            throw .internalFailure("cannot read the local engine's catalog: \(error)")
        }
        var revisions: [String: StoredStateMachine] = [:]
        var records: [ExecutionRecord] = []
        for entry in loaded {
            switch entry.kind {
            case .stateMachine:
                // Compiled on first start (`compiledForRun`), not here.
                machines[entry.key] = try decode(entry) as StoredStateMachine
            case .revision:
                revisions[entry.key] = try decode(entry)
            case .version:
                versions[entry.key] = try decode(entry) as StoredStateMachine
            case .alias:
                aliases[entry.key] = try decode(entry)
            case .tags:
                let list: [Tag] = try decode(entry)
                tags[entry.key] = list.map { ($0.key ?? "", $0.value ?? "") }
            case .execution:
                records.append(try decode(entry))
            case .activity:
                restoreActivity(try decode(entry))
            }
        }
        sequence = ([sequence] + machines.values.map(\.sequence) + versions.values.map(\.sequence)
            + aliases.values.map(\.sequence) + records.map(\.sequence)).max() ?? 0
        // A generator that starts where the last service's did would repeat its names and ids.
        random = SeededRandom(seed: engine.seed &+ UInt64(sequence) &* 0x9E37_79B9_7F4A_7C15)

        let runningByArn = Dictionary(running.map { ($0.start.identity.executionArn, $0) }, uniquingKeysWith: { a, _ in a })
        var compiled: [String: StoredStateMachine] = [:]
        for record in records.sorted(by: { $0.sequence < $1.sequence }) {
            guard var machine = compiled[record.revisionKey] ?? revisions[record.revisionKey] else { continue }
            if machine.workflow == nil, runningByArn[record.arn.description] != nil || ended[record.arn.description] == nil {
                machine.workflow = try? compile(machine.definition, type: machine.type)
                compiled[record.revisionKey] = machine
            }
            // Its history is the store's, ended or not (one left RUNNING shows its progress so far).
            var execution = StoredExecution(
                arn: record.arn, stateMachineArn: record.stateMachineArn, versionArn: record.versionArn,
                aliasArn: record.aliasArn, name: record.name, input: record.input, startDate: record.startDate,
                machine: machine, handle: nil, report: nil, historyInStore: true, sequence: record.sequence)
            execution.testCase = record.testCase
            if let description = ended[record.arn.description] {
                execution.report = ExecutionReport(description: description, history: [], transitions: 0)
                execution.redriveCount = description.redriveCount
                execution.redriveDate = description.redriveDate?.api
            }
            executions[record.arn.description] = execution
            executionNames["\(record.stateMachineArn):\(record.name)"] = record.arn.description
        }
        try restoreMapRuns()
        guard resumeExecutions else { return }
        resume(running.filter { executions[$0.start.identity.executionArn] != nil })
        // Accepted starts that never ran: the engine's record of them is missing.
        for record in records where ended[record.arn.description] == nil && runningByArn[record.arn.description] == nil {
            guard let execution = executions[record.arn.description], let json = try? parseInput(record.input) else {
                continue
            }
            run(execution, input: json, testCase: execution.testCase)
        }
    }

    /// Continues RUNNING executions on this service's engine.
    private func resume(_ running: [PersistedExecution]) {
        var workflows: [String: CompiledWorkflow] = [:]
        var running = running
        for index in running.indices {
            let arn = running[index].start.identity.executionArn
            // The engine's store keeps the run, the catalog what StartExecution was asked:
            // the mock test case comes from there, so mocked tasks stay mocked after a restart.
            running[index].start.identity.testCase = executions[arn]?.testCase
            workflows[arn] = executions[arn]?.machine.workflow
            executions[arn]?.redriveCount = running[index].start.identity.redriveCount
            executions[arn]?.redriveDate = running[index].start.identity.redriveTime?.api
        }
        let handles = engine.resume(running) { workflows[$0.identity.executionArn] }
        for handle in handles {
            let arn = handle.executionArn
            executions[arn]?.handle = handle
            Task {
                let report = await handle.report
                self.finish(arn, with: report)
            }
        }
    }

    /// Stops serving: the store refuses writes from now on (a write in progress completes
    /// first), then every running execution is cancelled. What they persisted stays RUNNING
    /// in the store, so a service opened later resumes them; the store's lock is released.
    public func close() async {
        guard !closed else { return }
        closed = true
        catalog?.close()
        for execution in executions.values {
            execution.handle?.task.cancel()
        }
    }

    // MARK: Writing

    /// Commits catalog changes before the service changes its memory and answers.
    func persist(_ entries: [CatalogEntry], deleting deletions: [CatalogEntry.Key] = []) throws(StepFunctionsError) {
        guard !closed else { throw StepFunctionsError(.serviceUnavailable, "The local engine has been closed") }
        guard let catalog else { return }
        do {
            try catalog.apply(entries, deleting: deletions)
        } catch {
            throw .internalFailure("cannot write the local engine's catalog: \(error)")
        }
    }

    func entry(_ kind: CatalogEntry.Kind, _ machine: StoredStateMachine, key: String? = nil) throws(StepFunctionsError)
        -> CatalogEntry
    {
        try encoded(kind, key ?? machine.arn.description, machine)
    }

    func entry(_ kind: CatalogEntry.Kind, _ alias: StoredAlias) throws(StepFunctionsError) -> CatalogEntry {
        try encoded(kind, alias.arn.description, alias)
    }

    func tagsEntry(_ arn: String, _ list: [(key: String, value: String)]) throws(StepFunctionsError) -> CatalogEntry {
        try encoded(.tags, arn, list.map { Tag(key: $0.key, value: $0.value) })
    }

    func encoded(_ kind: CatalogEntry.Kind, _ key: String, _ value: some Encodable) throws(StepFunctionsError)
        -> CatalogEntry
    {
        guard catalog != nil else { return CatalogEntry(kind: kind, key: key, body: "") }
        do {
            return CatalogEntry(kind: kind, key: key, body: String(decoding: try APICoding.encode(value), as: UTF8.self))
        } catch {
            throw .internalFailure("cannot encode the \(kind.rawValue) '\(key)': \(error)")
        }
    }

    private func decode<T: Decodable>(_ entry: CatalogEntry) throws(StepFunctionsError) -> T {
        do {
            return try APICoding.decode(T.self, from: Array(entry.body.utf8))
        } catch {
            throw .internalFailure("the local engine's catalog holds an unreadable \(entry.kind.rawValue) '\(entry.key)': \(error)")
        }
    }
}
