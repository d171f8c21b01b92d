import ArgumentParser
import Deployment
import Foundation

/// `sfn status`: what each environment runs, what is pending, and what drifted.
struct StatusCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Show the commit each environment runs, pending changes, drift and the last execution.",
        discussion: """
            For each workflow: the commit deployed (read from the target: its alias's version, else \
            its sfn:commit tag), what the working tree would do to it (pending: the plan action), \
            whether the target's definition was edited since sfn deployed it (drift), and the \
            newest execution.
            """)

    @Option(name: .customLong("env"), help: ArgumentHelp("Environments to show (repeatable; default: all).", valueName: "env"))
    var environments: [String] = []

    @Flag(name: .customLong("all-envs"), help: "Show every deployable environment (the default).")
    var allEnvironments = false

    @Option(help: "Output: text, or json.")
    var output: OutputFormat = .text

    @OptionGroup var repository: RepositoryOptions

    func validate() throws {
        if allEnvironments && !environments.isEmpty { throw ValidationError("--all-envs and --env cannot be used together") }
    }

    func run() async throws {
        let console = Console.current
        do {
            let context = try DeploymentContext(repository: repository, console: console)
            try await context.closing {
                let session = try await ProjectSession(repository: repository)
                let names = try session.environments(named: environments)
                var statuses: [EnvironmentStatus] = []
                var unreadable: [StatusView.Unreadable] = []
                for name in names {
                    do {
                        statuses.append(try await EnvironmentStatus.read(context.session, environment: name))
                    } catch {
                        // One environment asked for: its error is the command's. Several: an
                        // unreachable one (a profile this machine lacks) must not hide the others.
                        guard names.count > 1 else { throw CommandFailure(deploying: error) }
                        let message = CommandFailure(deploying: error).message
                        unreadable.append(StatusView.Unreadable(
                            environment: name,
                            message: message.contains("environment '\(name)'") ? message : "environment '\(name)': \(message)"))
                    }
                }
                switch output {
                case .text:
                    console.out(StatusView().text(statuses))
                    for environment in unreadable {
                        console.err("error: \(environment.message)\n")
                    }
                case .json: console.out(StatusView().json(statuses, unreadable: unreadable))
                }
                if !unreadable.isEmpty { throw ExitCode(1) }
            }
        } catch let failure as CommandFailure {
            throw console.report(failure)
        }
    }
}

/// `sfn status` as a table, or as JSON.
struct StatusView {
    func text(_ statuses: [EnvironmentStatus]) -> String {
        var rows: [[String]] = [["environment", "workflow", "deployed", "pending", "drift", "last execution"]]
        for status in statuses {
            for workflow in status.workflows {
                let last = workflow.lastExecution.map { "\($0.status) \(Self.date($0.startDate))" } ?? "-"
                rows.append([
                    status.environment, workflow.workflow, workflow.deployed?.short ?? "not deployed",
                    workflow.pending == .keep ? "no" : workflow.pending.rawValue, workflow.drift ? "DRIFT" : "no", last,
                ])
            }
        }
        let widths = (0..<rows[0].count).map { column in rows.map { $0[column].count }.max() ?? 0 }
        var text = ""
        for row in rows {
            text += row.enumerated().map { index, cell in
                index == row.count - 1 ? cell : PlanView.pad(cell, widths[index])
            }.joined(separator: "  ").trimmingTrailingSpaces() + "\n"
        }
        for status in statuses {
            for note in status.notes { text += "Note (\(status.environment), \(status.target)): \(note)\n" }
        }
        return text
    }

    /// An environment whose target could not be read, and why.
    struct Unreadable {
        var environment: String
        var message: String
    }

    /// One object per environment, the readable ones first; an unreadable one carries `error`
    /// instead of `target` and `workflows`.
    func json(_ statuses: [EnvironmentStatus], unreadable: [Unreadable] = []) -> String {
        struct Document: Encodable {
            var environment: String
            var target: String?
            var workflows: [WorkflowStatus]?
            var error: String?
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        let documents = statuses.map { Document(environment: $0.environment, target: $0.target, workflows: $0.workflows) }
            + unreadable.map { Document(environment: $0.environment, error: $0.message) }
        return String(decoding: (try? encoder.encode(documents)) ?? Data(), as: UTF8.self) + "\n"
    }

    static func date(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd HH:mm"
        return formatter.string(from: date)
    }
}
