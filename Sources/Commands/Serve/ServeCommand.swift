import ArgumentParser
import Engine
import EngineStore
import Foundation
import Integrations
import Logging
import Server
import StepFunctionsAPI

/// `sfn serve`: the embedded engine as an AWS Step Functions API endpoint for SDKs, the
/// AWS CLI and Terraform.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the local engine as an AWS Step Functions API endpoint (AWS JSON 1.0).",
        discussion: """
            Point any AWS SDK or the AWS CLI at it with --endpoint-url http://127.0.0.1:8083 and \
            any credentials (signatures are accepted, not verified). Waits and retries run on \
            real time, shortened by --wait-time-scale. State machines, versions, aliases, tags \
            and executions are kept in a SQLite database under --data (default .sfn/serve/), \
            and Standard executions still running when the server stops resume when it starts \
            again on the same directory; --in-memory keeps nothing. As with Step Functions \
            Local, SFN_MOCK_CONFIG names a mock-config file whose test cases a StartExecution \
            selects with '#TestCase' after the state machine ARN, and --lambda-endpoint sends \
            Lambda tasks to a Lambda Invoke API (e.g. sam local start-lambda); nested \
            executions (states:startExecution, .sync, .sync:2) and http:invoke run here. \
            SFN_SERVE_HOST, \
            SFN_SERVE_PORT and SFN_SERVE_DATA set the defaults of --host, --port and --data. \
            Each request is logged at debug level (--log-level debug shows them), server failures \
            at warning. Requests run on SwiftNIO's event loops; SFN_SERVE_EXECUTOR=swift runs them \
            on Swift's cooperative thread pool instead. \
            Stops cleanly on SIGTERM or SIGINT: the transition in progress is persisted first.
            """)

    @Option(help: ArgumentHelp("Address to bind (default 127.0.0.1: only this machine).", valueName: "host"))
    var host: String?

    @Option(help: ArgumentHelp("Port to listen on (default 8083, as Step Functions Local; 0 picks a free one).", valueName: "port"))
    var port: String?

    @Option(help: ArgumentHelp("Region of the ARNs the server hands out.", valueName: "region"))
    var region = "us-east-1"

    @Option(help: ArgumentHelp("Account id of the ARNs the server hands out (12 digits).", valueName: "account"))
    var account = "123456789012"

    @Option(name: .customLong("wait-time-scale"), help: ArgumentHelp(
        "Multiply every Wait and retry interval by this factor (0.01 makes a 100 s Wait last 1 s).", valueName: "factor"))
    var waitTimeScale: Double = 1

    @Option(help: ArgumentHelp(
        "Directory of the server's database (default .sfn/serve/); created when missing.", valueName: "dir"))
    var data: String?

    @Flag(name: .customLong("in-memory"), help: "Keep nothing: state is lost when the server stops.")
    var inMemory = false

    @Option(name: .customLong("lambda-endpoint"), help: ArgumentHelp(
        "Send every Lambda task to this Lambda Invoke API endpoint (e.g. http://127.0.0.1:3001 of sam local start-lambda).",
        valueName: "url"))
    var lambdaEndpoint: String?

    /// The database file inside the data directory.
    static let databaseName = "engine.sqlite"

    @Option(name: .customLong("log-level"), help: ArgumentHelp(
        "Least severe log level written to standard error: trace, debug (one line per request), info, notice, warning, error or critical.",
        valueName: "level"))
    var logLevel = "info"

    @Flag(name: .customLong("verify-signatures"), help: ArgumentHelp(
        "Refuse requests not signed (SigV4) with the key in SFN_SERVE_ACCESS_KEY_ID/SFN_SERVE_SECRET_ACCESS_KEY (else AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY)."))
    var verifySignatures = false

    func validate() throws {
        if inMemory, data != nil {
            throw ValidationError("--in-memory and --data exclude each other: choose one")
        }
        guard account.count == 12, account.allSatisfy(\.isASCIIDigitCharacter) else {
            throw ValidationError("--account must be 12 digits, not '\(account)'")
        }
        guard waitTimeScale > 0, waitTimeScale.isFinite else {
            throw ValidationError("--wait-time-scale must be a positive number, not \(waitTimeScale)")
        }
        guard Logger.Level(rawValue: logLevel) != nil else {
            let levels = Logger.Level.allCases.map(\.rawValue).joined(separator: ", ")
            throw ValidationError("--log-level must be one of \(levels), not '\(logLevel)'")
        }
    }

    func run() async throws {
        let console = Console.current
        do {
            let configuration = try serverConfiguration()
            try checkExecutor()
            let verifier: any SignatureVerifying = verifySignatures
                ? try SigV4Verifier(environment: ProcessInfo.processInfo.environment, region: region)
                : AcceptingAnySignature()
            let services = LocalServiceReference()
            let options = LocalStepFunctionsService.Options(
                clock: RealClock(scale: waitTimeScale), scope: ARNScope(region: region, account: account),
                invoker: try taskInvoker(services: services), seed: UInt64.random(in: 0...UInt64.max))
            let service: LocalStepFunctionsService
            let state: String
            if inMemory {
                service = LocalEngineDatabase.inMemory(options: options)
                state = "state in memory"
            } else {
                let directory = data ?? ProcessInfo.processInfo.environment["SFN_SERVE_DATA"] ?? ".sfn/serve"
                let path = URL(fileURLWithPath: directory).appendingPathComponent(Self.databaseName).path
                do {
                    service = try await LocalEngineDatabase.open(path: path, options: options)
                } catch {
                    throw CommandFailure(message: error.description)
                }
                state = "state in \(path)"
            }
            services.bind(service)
            var logger = Logger(label: "sfn.serve")
            logger.logLevel = Logger.Level(rawValue: logLevel) ?? .info
            let server = StepFunctionsServer(
                service: service, configuration: configuration, logger: logger, signatureVerifier: verifier
            ) { address in
                console.err("sfn serve: listening on \(address.endpointURL) (region \(region), account \(account); \(state))\n")
            }
            do {
                try await server.runUntilSignalled()
            } catch {
                await service.close()
                throw error
            }
            // The transition in progress is persisted; running executions resume on the next start.
            await service.close()
        } catch let failure as CommandFailure {
            throw console.report(failure)
        } catch let error as ServerError {
            throw console.report(CommandFailure(message: error.description))
        }
    }

    /// How Task states run here: SFN_MOCK_CONFIG's mocks first (as Step Functions Local), then
    /// Lambda through `--lambda-endpoint`, nested executions on this same server, and HTTP tasks.
    private func taskInvoker(services: LocalServiceReference) throws(CommandFailure) -> any TaskInvoking {
        let handlers = lambdaEndpoint.map { [LocalRuntimeSettings.Handler(pattern: "*", target: .endpoint(url: $0))] } ?? []
        let settings = LocalRuntimeSettings(handlers: handlers)
        do {
            return try settings.makeInvoker(
                projectRoot: FileManager.default.currentDirectoryPath, services: services,
                processEnvironment: ProcessInfo.processInfo.environment, region: region, accountId: account)
        } catch {
            throw CommandFailure(message: error.description)
        }
    }

    /// SFN_SERVE_EXECUTOR must name an executor; `ServeProcess.prepare` installed it already,
    /// on the main thread before any task ran, as NIO requires.
    private func checkExecutor() throws(CommandFailure) {
        do {
            _ = try GlobalExecutor(environment: ProcessInfo.processInfo.environment)
        } catch {
            throw CommandFailure(message: error.description)
        }
    }

    /// Flags over environment variables over defaults.
    private func serverConfiguration() throws(CommandFailure) -> ServerConfiguration {
        do {
            var configuration = try ServerConfiguration(environment: ProcessInfo.processInfo.environment)
            if let host { configuration.host = try ServerConfiguration.validatedHost(host, source: "--host") }
            if let port { configuration.port = try ServerConfiguration.validatedPort(port, source: "--port") }
            return configuration
        } catch {
            throw CommandFailure(message: error.description)
        }
    }
}

extension Character {
    fileprivate var isASCIIDigitCharacter: Bool { ("0"..."9").contains(self) }
}
