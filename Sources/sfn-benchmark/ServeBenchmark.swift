import AsyncHTTPClient
import Engine
import Foundation
import Logging
import NIOCore
import NIOPosix
import Server
import ServiceLifecycle
import StepFunctionsAPI

/// `sfn-benchmark --serve [--requests N] [--server PATH] [--client lean|ahc] [--nio-executor]`:
/// the load benchmark of `sfn serve` (issue 7).
///
/// Loads a server with StartSyncExecution of a small Express workflow, and StartExecution
/// followed by DescribeExecution of a small Standard one, at concurrency 1, 8 and 64, N calls
/// each, one keep-alive connection per caller, requests unsigned (the server ignores
/// signatures by default). With `--server PATH` the server is that `sfn` executable, started
/// as its own process (`sfn serve --in-memory --port 0`, logging as it does by default, to a
/// file); without it, the server runs inside this process beside the client.
///
/// In the same run it makes the same calls in process (typed, and through `dispatch`: the
/// JSON bytes in and out without HTTP), and measures the client's own cost: the same client
/// against `HTTPStubServer` (another process answering a fixed body) and against the server's
/// `GET /health`. "Server adds" is the HTTP call's mean latency minus the stub's (the client
/// and the kernel) minus the in-process call's: what the server's HTTP layer costs.
/// Figures, not assertions: the README records them.
struct ServeBenchmark {
    var requests = 20_000
    var concurrencies = [1, 8, 64]
    /// `--nio-executor`: run Swift concurrency's global executor on SwiftNIO's event loops, so a
    /// request's handler and the engine run on the thread that read the request (no hop to the
    /// cooperative pool and back). Must happen before any task runs, so it is tried first.
    var installsNIOExecutor = false
    /// `--server PATH`: the `sfn` executable to load, as a separate process.
    var serverExecutable: String?
    /// `--server-option X` (repeatable): more arguments for `sfn serve`, e.g. `--log-level debug`.
    /// The server inherits this process's environment (`SFN_SERVE_EXECUTOR`).
    var serverOptions: [String] = []
    /// `--client ahc`: load with AsyncHTTPClient instead of `LeanHTTPConnection`.
    var usesAsyncHTTPClient = false

    /// Set by `installNIOExecutorIfAsked()` at the top of `main`, before any task runs (written
    /// once on the main thread before concurrency starts, only read afterwards: no data race).
    nonisolated(unsafe) static var nioExecutorInstalled = false

    /// Installs SwiftNIO's event loops as the global executor when `--nio-executor` is given;
    /// only possible before the first task runs, so `main` calls it first.
    static func installNIOExecutorIfAsked() {
        guard CommandLine.arguments.contains("--serve"), CommandLine.arguments.contains("--nio-executor") else { return }
        nioExecutorInstalled = NIOSingletons.unsafeTryInstallSingletonPosixEventLoopGroupAsConcurrencyGlobalExecutor()
    }

    static let role = "arn:aws:iam::123456789012:role/bench"
    static let express = #"{"StartAt":"Shape","States":{"Shape":{"Type":"Pass","Parameters":{"id.$":"$.id","ok":true},"Next":"Done"},"Done":{"Type":"Succeed"}}}"#
    static let standard = #"{"StartAt":"Shape","States":{"Shape":{"Type":"Pass","Parameters":{"id.$":"$.id","ok":true},"End":true}}}"#

    /// One measured call: its name, how many HTTP requests it takes, and how to make it in
    /// process (typed and dispatched) and over HTTP through a caller's own client.
    struct Call {
        var name: String
        var requestsPerCall: Int
        var typed: @Sendable () async throws -> Void
        var dispatched: @Sendable () async throws -> Void
        var overHTTP: @Sendable (BenchmarkHTTPClient) async throws -> Void
    }

    struct Figures {
        var perSecond: Double
        var p50: Duration
        var p99: Duration
        var mean: Duration
    }

    func run() async throws {
        if installsNIOExecutor {
            print("NIO event loops as the global executor (this process): \(Self.nioExecutorInstalled ? "installed" : "not possible")")
        }
        let local = LocalStepFunctionsService(clock: RealClock(), seed: 1)
        let stub = try await ServerProcess.start(
            executable: "/proc/self/exe", arguments: ["--http-stub"], readyPrefix: "listening on ")
        defer { stub.stop() }
        guard let stubPort = Int(stub.readyLine.dropFirst("listening on ".count)) else {
            throw BenchmarkFailure("stub server said '\(stub.readyLine)'")
        }
        if let serverExecutable {
            let server = try await ServerProcess.start(
                executable: serverExecutable, arguments: ["serve", "--in-memory", "--port", "0"] + serverOptions,
                readyPrefix: "sfn serve: listening on http://")
            defer { server.stop() }
            guard let address = Self.hostAndPort(server.readyLine) else {
                throw BenchmarkFailure("server said '\(server.readyLine)'")
            }
            let environment = ProcessInfo.processInfo.environment[GlobalExecutor.variable].map { "\(GlobalExecutor.variable)=\($0) " } ?? ""
            print("server: \(environment)\(serverExecutable) serve --in-memory \(serverOptions.joined(separator: " ")), pid \(server.pid), log \(server.logPath)")
            try await measure(local: local, host: address.host, port: address.port, stubPort: stubPort, serverPID: String(server.pid), stubPID: String(stub.pid))
            return
        }
        var quiet = Logger(label: "sfn.serve.bench")
        quiet.logLevel = .warning
        let (addresses, found) = AsyncStream.makeStream(of: ServerAddress.self)
        let server = StepFunctionsServer(
            service: local, configuration: ServerConfiguration(port: 0), logger: quiet,
            onRunning: { found.yield($0) })
        let group = ServiceGroup(configuration: ServiceGroupConfiguration(services: [server], logger: quiet))
        try await withThrowingTaskGroup(of: Void.self) { tasks in
            tasks.addTask { try await group.run() }
            var iterator = addresses.makeAsyncIterator()
            guard let address = await iterator.next() else { return }
            do {
                try await measure(local: local, host: address.host, port: address.port, stubPort: stubPort, serverPID: nil, stubPID: String(stub.pid))
            } catch {
                print("benchmark failed: \(error)")
            }
            await group.triggerGracefulShutdown()
            try await tasks.waitForAll()
        }
    }

    /// `127.0.0.1` and 8083 of `sfn serve: listening on http://127.0.0.1:8083 (…`.
    static func hostAndPort(_ line: String) -> (host: String, port: Int)? {
        let address = line.dropFirst("sfn serve: listening on http://".count).prefix { $0 != " " }
        guard let colon = address.lastIndex(of: ":"), let port = Int(address[address.index(after: colon)...]) else { return nil }
        return (String(address[..<colon]), port)
    }

    private func measure(
        local: LocalStepFunctionsService, host: String, port: Int, stubPort: Int, serverPID: String?, stubPID: String
    ) async throws {
        let separate = serverPID != nil
        #if DEBUG
            let build = "DEBUG build (figures meaningless; use -c release)"
        #else
            let build = "release build"
        #endif
        let maxConcurrency = concurrencies.max() ?? 1
        let clients = try await BenchmarkHTTPClient.pool(
            count: maxConcurrency, host: host, port: port, asyncHTTPClient: usesAsyncHTTPClient)
        let stubClients = try await BenchmarkHTTPClient.pool(
            count: maxConcurrency, host: "127.0.0.1", port: stubPort, asyncHTTPClient: usesAsyncHTTPClient)
        defer {
            Task { for client in clients + stubClients { await client.close() } }
        }
        let calls = try await Self.calls(local: local, remote: clients[0])
        print("serve benchmark: \(requests) calls per row, \(ProcessInfo.processInfo.activeProcessorCount) cores, \(build); "
            + "server \(separate ? "in its own process" : "in this process"); client \(usesAsyncHTTPClient ? "AsyncHTTPClient" : "lean NIO HTTP/1")")
        print("load average at start: \(Self.loadAverage())")
        print("")
        print(Self.row("call", "mode", "conc", "calls/s", "p50 µs", "p99 µs", "mean µs"))
        for concurrency in concurrencies {
            _ = try await load(concurrency: concurrency, count: min(requests, 500)) { try await stubClients[$0].health() }
            let stubCPUBefore = ProcessCPUTime.nanoseconds(pid: stubPID)
            let stubFigures = try await load(concurrency: concurrency, count: requests) { try await stubClients[$0].health() }
            let stubCPU = Double(ProcessCPUTime.nanoseconds(pid: stubPID) - stubCPUBefore) / 1000 / Double(requests)
            _ = try await load(concurrency: concurrency, count: min(requests, 500)) { try await clients[$0].health() }
            let healthCPUBefore = serverPID.map { ProcessCPUTime.nanoseconds(pid: $0) }
            let health = try await load(concurrency: concurrency, count: requests) { try await clients[$0].health() }
            print(Self.row("client only (stub server)", "HTTP", concurrency, stubFigures))
            print(Self.row("GET /health", "HTTP", concurrency, health))
            var healthNote = ""
            if let pid = serverPID, let before = healthCPUBefore {
                healthNote = String(format: ", sfn serve's GET /health %.1f µs", Double(ProcessCPUTime.nanoseconds(pid: pid) - before) / 1000 / Double(requests))
            }
            print("  server CPU per request: stub \(String(format: "%.1f", stubCPU)) µs\(healthNote)")
            for call in calls {
                // Warm up (connections, caches) before each HTTP row.
                _ = try await load(concurrency: concurrency, count: min(requests, 500)) { try await call.overHTTP(clients[$0]) }
                let typedCPU = ProcessCPUTime.nanoseconds()
                let typed = try await load(concurrency: concurrency, count: requests) { _ in try await call.typed() }
                let inProcessCPU = Double(ProcessCPUTime.nanoseconds() - typedCPU) / 1000 / Double(requests)
                let dispatched = try await load(concurrency: concurrency, count: requests) { _ in try await call.dispatched() }
                let serverCPU = serverPID.map { ProcessCPUTime.nanoseconds(pid: $0) }
                let http = try await load(concurrency: concurrency, count: requests) { try await call.overHTTP(clients[$0]) }
                for (mode, figures) in [("in process", typed), ("dispatch", dispatched), ("HTTP", http)] {
                    print(Self.row(call.name, mode, concurrency, figures))
                }
                let floor = Double(call.requestsPerCall) * Self.micros(stubFigures.mean)
                let added = Self.micros(http.mean) - floor - Self.micros(typed.mean)
                let floorP50 = Double(call.requestsPerCall) * Self.micros(stubFigures.p50)
                let addedP50 = Self.micros(http.p50) - floorP50 - Self.micros(typed.p50)
                print("  server adds \(String(format: "%.1f", added)) µs per call by mean, \(String(format: "%.1f", addedP50)) by p50 (HTTP − \(call.requestsPerCall) × client-only − in process), load \(Self.loadAverage())")
                if let pid = serverPID, let before = serverCPU {
                    let perCall = Double(ProcessCPUTime.nanoseconds(pid: pid) - before) / 1000 / Double(requests)
                    let added = perCall - inProcessCPU - Double(call.requestsPerCall) * stubCPU
                    print("  CPU per call: server process \(String(format: "%.1f", perCall)) µs, in process \(String(format: "%.1f", inProcessCPU)) µs, stub \(call.requestsPerCall) × \(String(format: "%.1f", stubCPU)) µs: the server adds \(String(format: "%.1f", added)) µs of CPU per call")
                }
            }
        }
    }

    /// Makes `count` calls with `concurrency` callers, each timing its own calls; a caller is
    /// given its index, to use its own connection.
    private func load(
        concurrency: Int, count: Int, _ body: @escaping @Sendable (Int) async throws -> Void
    ) async throws -> Figures {
        let clock = ContinuousClock()
        let start = clock.now
        let latencies = try await withThrowingTaskGroup(of: [Duration].self) { group in
            for worker in 0..<concurrency {
                let share = count / concurrency + (worker < count % concurrency ? 1 : 0)
                group.addTask {
                    var own: [Duration] = []
                    own.reserveCapacity(share)
                    for _ in 0..<share {
                        let began = clock.now
                        try await body(worker)
                        own.append(clock.now - began)
                    }
                    return own
                }
            }
            var all: [Duration] = []
            for try await own in group { all += own }
            return all.sorted()
        }
        let elapsed = clock.now - start
        let total = latencies.reduce(Duration.zero, +)
        return Figures(
            perSecond: Double(latencies.count) / Self.seconds(elapsed),
            p50: latencies[latencies.count / 2], p99: latencies[min(latencies.count - 1, latencies.count * 99 / 100)],
            mean: total / latencies.count)
    }

    /// The two calls, their state machines created both in `local` and on the server.
    static func calls(local: LocalStepFunctionsService, remote: BenchmarkHTTPClient) async throws -> [Call] {
        let expressInput = CreateStateMachineInput(name: "BenchExpress", definition: Self.express, roleArn: Self.role, type: .express)
        let standardInput = CreateStateMachineInput(name: "BenchStandard", definition: Self.standard, roleArn: Self.role)
        let express = try await local.createStateMachine(expressInput).stateMachineArn
        let standard = try await local.createStateMachine(standardInput).stateMachineArn
        let remoteExpress = try APICoding.decode(
            CreateStateMachineOutput.self, from: try await remote.post(.createStateMachine, APICoding.encode(expressInput))
        ).stateMachineArn
        let remoteStandard = try APICoding.decode(
            CreateStateMachineOutput.self, from: try await remote.post(.createStateMachine, APICoding.encode(standardInput))
        ).stateMachineArn

        let syncBody = Array(#"{"stateMachineArn":"\#(express)","input":"{\"id\":7}"}"#.utf8)
        let startBody = Array(#"{"stateMachineArn":"\#(standard)","input":"{\"id\":7}"}"#.utf8)
        let remoteSyncBody = Array(#"{"stateMachineArn":"\#(remoteExpress)","input":"{\"id\":7}"}"#.utf8)
        let remoteStartBody = Array(#"{"stateMachineArn":"\#(remoteStandard)","input":"{\"id\":7}"}"#.utf8)
        let sync = Call(
            name: "StartSyncExecution (Express, 2 states)", requestsPerCall: 1,
            typed: {
                let output = try await local.startSyncExecution(
                    StartSyncExecutionInput(stateMachineArn: express, input: #"{"id":7}"#))
                guard output.status == .succeeded else { throw BenchmarkFailure("\(output.status)") }
            },
            dispatched: { _ = try await local.dispatch(.startSyncExecution, body: syncBody) },
            overHTTP: { client in _ = try await client.post(.startSyncExecution, remoteSyncBody) })
        let startDescribe = Call(
            name: "StartExecution + DescribeExecution (Standard)", requestsPerCall: 2,
            typed: {
                let started = try await local.startExecution(
                    StartExecutionInput(stateMachineArn: standard, input: #"{"id":7}"#))
                _ = try await local.describeExecution(DescribeExecutionInput(executionArn: started.executionArn))
            },
            dispatched: {
                let started = try await local.dispatch(.startExecution, body: startBody)
                let arn = try APICoding.decode(StartExecutionOutput.self, from: started).executionArn
                _ = try await local.dispatch(.describeExecution, body: Array(#"{"executionArn":"\#(arn)"}"#.utf8))
            },
            overHTTP: { client in
                let started = try await client.post(.startExecution, remoteStartBody)
                let arn = try APICoding.decode(StartExecutionOutput.self, from: started).executionArn
                _ = try await client.post(.describeExecution, Array(#"{"executionArn":"\#(arn)"}"#.utf8))
            })
        return [sync, startDescribe]
    }

    /// The 1-minute load average, from /proc/loadavg.
    static func loadAverage() -> String {
        let text = (try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8)) ?? "?"
        return String(text.split(separator: " ").prefix(3).joined(separator: " "))
    }

    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }

    static func micros(_ duration: Duration) -> Double { seconds(duration) * 1e6 }

    static func row(_ call: String, _ mode: String, _ concurrency: Int, _ figures: Figures) -> String {
        row(
            call, mode, String(concurrency), String(format: "%.0f", figures.perSecond),
            String(format: "%.0f", micros(figures.p50)), String(format: "%.0f", micros(figures.p99)),
            String(format: "%.1f", micros(figures.mean)))
    }

    static func row(_ columns: String...) -> String {
        let widths = [48, 11, 5, 9, 8, 8, 8]
        return zip(columns, widths).map { column, width in
            column.count >= width ? column + " " : column + String(repeating: " ", count: width - column.count)
        }.joined()
    }
}

/// A benchmark call that did not get the answer it expects.
struct BenchmarkFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
