import Foundation
public import StepFunctionsAPI

/// One execution started through `sfn run` (or `sfn test`), kept against the revision it ran.
///
/// Written when it starts (status `RUNNING`) and again when `sfn` learns how it ended, so the
/// same `executionArn` is upserted; `sfn executions` refreshes the running ones from the target.
public struct ExecutionRecord: Sendable, Hashable {
    public var executionArn: String
    public var environment: String
    /// The workflow's id (`data-processing`).
    public var workflow: String
    /// What was started: the environment's alias, a version, or the state machine itself.
    public var startedArn: String
    /// The commit of the version that ran (from the machine's ownership tags or the latest
    /// deployment record), 40 digits.
    public var commit: String
    public var dirty: Bool
    /// The sha256 of the definition that ran.
    public var definitionSHA256: String
    public var status: ExecutionStatus
    /// The error and cause of a failed, timed-out or aborted execution.
    public var error: String?
    public var cause: String?
    public var startDate: Date
    /// Nil while the execution runs.
    public var stopDate: Date?
    /// State transitions (history events) counted, when known.
    public var transitions: Int?
    /// The input JSON text; cut to the store's `payloadLimit` UTF-8 bytes when longer.
    public var input: String?
    /// True when `input` holds only the first `payloadLimit` bytes of the real input.
    public var inputTruncated: Bool
    /// The output JSON text of a succeeded execution; cut like `input`.
    public var output: String?
    public var outputTruncated: Bool

    public init(
        executionArn: String, environment: String, workflow: String, startedArn: String, commit: String,
        dirty: Bool = false, definitionSHA256: String, status: ExecutionStatus, error: String? = nil,
        cause: String? = nil, startDate: Date, stopDate: Date? = nil, transitions: Int? = nil, input: String? = nil,
        inputTruncated: Bool = false, output: String? = nil, outputTruncated: Bool = false
    ) {
        self.executionArn = executionArn
        self.environment = environment
        self.workflow = workflow
        self.startedArn = startedArn
        self.commit = commit
        self.dirty = dirty
        self.definitionSHA256 = definitionSHA256
        self.status = status
        self.error = error
        self.cause = cause
        self.startDate = startDate
        self.stopDate = stopDate
        self.transitions = transitions
        self.input = input
        self.inputTruncated = inputTruncated
        self.output = output
        self.outputTruncated = outputTruncated
    }

    public var revision: Revision { Revision(commit: commit, dirty: dirty) }

    /// The execution's name, as its ARN carries it (an Express ARN ends with an id after it).
    public var name: String {
        if let arn = try? ExecutionARN(parsing: executionArn) { return arn.name }
        return executionArn.split(separator: ":", omittingEmptySubsequences: false).last.map(String.init) ?? executionArn
    }

    /// How long it ran, to the millisecond the records keep; nil while it runs.
    public var duration: TimeInterval? {
        stopDate.map { (($0.timeIntervalSince(startDate)) * 1000).rounded() / 1000 }
    }
}
