import ArgumentParser
import Records
import StepFunctionsAPI

/// `sfn history`: the events of one execution, read from its environment's target.
struct HistoryCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history",
        abstract: "Show the history events of an execution as a table.",
        discussion: """
            EXECUTION is an execution ARN or the name of an execution sfn recorded (see \
            `sfn executions`). The events are read from the target of the environment it ran \
            in (--env for an ARN sfn did not record).
            """)

    @Argument(help: ArgumentHelp("An execution ARN, or the name of a recorded execution.", valueName: "execution"))
    var execution: String

    @Option(name: .customLong("env"), help: ArgumentHelp("The environment whose target ran it (when the records do not say).", valueName: "env"))
    var environment: String?

    @Option(help: "Output: text, or json (GetExecutionHistory's events).")
    var output: OutputFormat = .text

    @OptionGroup var repository: RepositoryOptions

    func run() async throws {
        let console = Console.current
        do {
            let context = try await RecordsContext(repository: repository)
            let (arn, environmentName) = try find(in: context.records)
            let target = try await context.target(of: try context.environment(environmentName))
            let events = try await Self.events(of: arn, on: target)
            HistoryView(console: console, format: output).show(events)
        } catch {
            throw console.report(error)
        }
    }

    /// The execution's ARN and the environment it ran in, from the records or `--env`.
    func find(in records: RecordStore) throws(CommandFailure) -> (ExecutionARN, String) {
        do {
            if execution.hasPrefix("arn:") {
                let arn: ExecutionARN
                do {
                    arn = try ExecutionARN(parsing: execution)
                } catch {
                    throw CommandFailure(message: "'\(execution)' is not an execution ARN: \(error.message)")
                }
                if let environment { return (arn, environment) }
                guard let record = try records.execution(arn: execution) else {
                    throw CommandFailure(message: "'\(execution)' is not in the records: name the environment that ran it with --env")
                }
                return (arn, record.environment)
            }
            var found = try records.executions(named: execution)
            if let environment { found = found.filter { $0.environment == environment } }
            guard let first = found.first else {
                throw CommandFailure(
                    message: "no recorded execution is named '\(execution)'\(environment.map { " in '\($0)'" } ?? ""): give its ARN (and --env), or see `sfn executions`")
            }
            guard found.count == 1 else {
                throw CommandFailure(
                    message: "\(found.count) recorded executions are named '\(execution)': give the ARN of one of them:\n"
                        + found.map { "  \($0.executionArn)  (\($0.environment))" }.joined(separator: "\n"))
            }
            guard let arn = try? ExecutionARN(parsing: first.executionArn) else {
                throw CommandFailure(message: "the recorded ARN '\(first.executionArn)' is not an execution ARN")
            }
            return (arn, first.environment)
        } catch let error as RecordStoreError {
            throw CommandFailure(message: error.message)
        } catch let failure as CommandFailure {
            throw failure
        } catch {
            throw CommandFailure(message: "\(error)")
        }
    }

    /// Every event, page by page.
    static func events(of arn: ExecutionARN, on target: ExecutionTarget) async throws(CommandFailure) -> [HistoryEvent] {
        var events: [HistoryEvent] = []
        var token: String?
        do {
            repeat {
                let page = try await target.service.getExecutionHistory(
                    GetExecutionHistoryInput(executionArn: arn, maxResults: 1000, nextToken: token))
                events += page.events
                token = page.nextToken
            } while token != nil
        } catch {
            throw CommandFailure(message: "cannot read the history of '\(arn.name)' on \(target.description): \(error.code): \(error.message)")
        }
        return events
    }
}
