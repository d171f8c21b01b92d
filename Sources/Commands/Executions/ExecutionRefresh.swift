import Records
import StepFunctionsAPI

/// Brings recorded executions that were still running up to date from their targets, so
/// `sfn executions` shows how a `sfn run --no-wait` (or an interrupted run) ended.
///
/// A target that cannot be reached leaves its records as they are, with a note: the records
/// are still worth showing when the emulator is down or the network is.
struct ExecutionRefresh {
    let context: RecordsContext

    /// The records, running ones refreshed, and a note per environment that could not be asked.
    func refresh(_ executions: [ExecutionRecord]) async -> (executions: [ExecutionRecord], notes: [String]) {
        var result = executions
        var notes: [String] = []
        var targets: [String: ExecutionTarget?] = [:]
        for index in result.indices where result[index].status == .running {
            let record = result[index]
            if targets[record.environment] == nil {
                do {
                    let environment = try context.environment(record.environment)
                    targets[record.environment] = .some(try await context.target(of: environment))
                } catch {
                    targets[record.environment] = .some(nil)
                    notes.append("running executions in '\(record.environment)' were not refreshed: \(error.message)")
                }
            }
            guard let target = targets[record.environment] ?? nil,
                let arn = try? ExecutionARN(parsing: record.executionArn)
            else { continue }
            do {
                let described = try await target.service.describeExecution(DescribeExecutionInput(executionArn: arn))
                guard described.status != .running else { continue }
                var updated = record
                updated.update(from: described)
                updated.transitions = try? await WorkflowRun.transitions(of: arn, on: target.service)
                try context.records.upsert(updated)
                result[index] = try context.records.execution(arn: record.executionArn) ?? updated
            } catch {
                notes.append("'\(record.name)' was not refreshed: \(Self.describe(error))")
            }
        }
        return (result, notes)
    }

    static func describe(_ error: any Error) -> String {
        if let error = error as? StepFunctionsError { return "\(error.code): \(error.message)" }
        if let error = error as? RecordStoreError { return error.message }
        return "\(error)"
    }
}
