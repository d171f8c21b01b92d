public import Engine
import Foundation
public import StepFunctionsAPI
import JSONValue

/// Building the engine's task invoker and clock from the settings.
extension LocalRuntimeSettings {
    /// The environment variable Step Functions Local reads its mock file from; when set, it
    /// names the mock file instead of `mocks` (relative paths from the current directory).
    public static let mockConfigVariable = "SFN_MOCK_CONFIG"

    /// The task invoker of a local engine with these settings: mocks first (from `mocks` or
    /// `SFN_MOCK_CONFIG`), then handlers, built-in integrations, and a clear failure for
    /// resources with none (see `MockTaskInvoker`, `LocalTaskRouter`).
    ///
    /// - Parameters:
    ///   - projectRoot: the repository root; relative `cwd` and `mocks` paths start here.
    ///   - services: bound to the service after it is made, for nested executions.
    ///   - processEnvironment: where `SFN_MOCK_CONFIG` is looked up.
    ///   - region, accountId: complete function names given without them (the engine's own).
    ///   - integrations: more built-in integrations by resource prefix (an emulator's Glue jobs,
    ///     say: `"arn:aws:states:::glue:"`); handlers and mocks still win.
    public func makeInvoker(
        projectRoot: String, services: LocalServiceReference = LocalServiceReference(),
        processEnvironment: [String: String] = ProcessInfo.processInfo.environment,
        region: String = "us-east-1", accountId: String = "123456789012", integrations: [String: any TaskInvoking] = [:]
    ) throws(LocalRuntimeError) -> any TaskInvoking {
        let router = makeRouter(
            projectRoot: projectRoot, services: services, region: region, accountId: accountId, integrations: integrations)
        guard let mocks = try mockConfiguration(projectRoot: projectRoot, processEnvironment: processEnvironment) else {
            return router
        }
        return MockTaskInvoker(configuration: mocks, defaultTestCase: testCase, fallback: router)
    }

    /// The options of a `LocalStepFunctionsService` running with these settings: their clock,
    /// and their invoker for ARNs in `scope`. Bind `services` to the service once it is made:
    ///
    ///     let services = LocalServiceReference()
    ///     let service = LocalStepFunctionsService(options: try settings.makeOptions(projectRoot: root, services: services))
    ///     services.bind(service)
    public func makeOptions(
        projectRoot: String, services: LocalServiceReference, scope: ARNScope = .local,
        processEnvironment: [String: String] = ProcessInfo.processInfo.environment,
        integrations: [String: any TaskInvoking] = [:]
    ) throws(LocalRuntimeError) -> LocalStepFunctionsService.Options {
        let invoker = try makeInvoker(
            projectRoot: projectRoot, services: services, processEnvironment: processEnvironment, region: scope.region,
            accountId: scope.account, integrations: integrations)
        return LocalStepFunctionsService.Options(clock: makeClock(), scope: scope, invoker: invoker)
    }

    /// Handlers and built-in integrations, without mocks.
    public func makeRouter(
        projectRoot: String, services: LocalServiceReference = LocalServiceReference(), region: String = "us-east-1",
        accountId: String = "123456789012", integrations: [String: any TaskInvoking] = [:]
    ) -> LocalTaskRouter {
        var functions = FunctionResolver(region: region, accountId: accountId)
        var resources: [(pattern: String, invoker: any TaskInvoking)] = []
        for handler in handlers {
            switch handler.target {
            case .command(var command, let timeout):
                command.workingDirectory = Self.resolve(command.workingDirectory ?? ".", from: projectRoot)
                let runner = CommandHandler(command: LocalCommandInvoker(command), timeoutSeconds: timeout)
                functions.add(handler.pattern, runner)
                resources.append((handler.pattern, runner))
            case .endpoint(let url):
                functions.add(handler.pattern, LambdaEndpointInvoker(url: url))
            }
        }
        let http = HTTPInvoker(connections: connections.map { ($0.pattern, $0.headers) })
        let builtins = ResourceRouter(routes: integrations.merging([
            NestedExecutionInvoker.resource: NestedExecutionInvoker(services: services), HTTPInvoker.resource: http,
        ]) { given, _ in given })
        return LocalTaskRouter(lambda: LambdaInvoker(functions: functions), resources: resources, builtins: builtins)
    }

    /// The mock file these settings name (`SFN_MOCK_CONFIG` first), read and checked; nil
    /// when neither names one.
    public func mockConfiguration(
        projectRoot: String, processEnvironment: [String: String] = ProcessInfo.processInfo.environment
    ) throws(LocalRuntimeError) -> MockConfiguration? {
        let path: String
        let setting: String
        if let variable = processEnvironment[Self.mockConfigVariable], !variable.isEmpty {
            path = Self.resolve(variable, from: FileManager.default.currentDirectoryPath)
            setting = Self.mockConfigVariable
        } else if let mocks {
            path = Self.resolve(mocks, from: projectRoot)
            setting = "local.mocks"
        } else {
            return nil
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw LocalRuntimeError(problems: [.init(path: setting, message: "the mock file '\(path)' cannot be read")])
        }
        let json: JSON
        do {
            json = try JSON.parse(utf8: Array(data))
        } catch {
            throw LocalRuntimeError(problems: [.init(path: setting, message: "the mock file '\(path)' is not JSON: \(error.message)")])
        }
        do {
            return try MockConfiguration(parsing: json, file: path)
        } catch {
            throw LocalRuntimeError(problems: error.problems.map { .init(path: "\(path) \($0.path)", message: $0.message) })
        }
    }

    /// The engine clock: `real` and `{scale:}` on wall time, `virtual` jumping to each deadline.
    public func makeClock() -> any EngineClock {
        switch clock {
        case .real: RealClock()
        case .virtual: VirtualClock()
        case .scaled(let factor): RealClock(scale: factor)
        }
    }

    static func resolve(_ path: String, from base: String) -> String {
        if path.hasPrefix("/") { return path }
        if path == "." { return base }
        return URL(fileURLWithPath: base).appendingPathComponent(path).standardizedFileURL.path
    }
}
