import AsyncHTTPClient
import Engine
import Foundation
import Logging
import NIOCore
import NIOPosix
import Server
import ServiceLifecycle
import StepFunctionsAPI

/// `sfn-benchmark --serve [--requests N]`: the load benchmark of `sfn serve` (issue 7).
///
/// Serves the in-memory engine on a loopback port in this process and drives it with
/// AsyncHTTPClient (keep-alive connections, one per concurrent caller, requests unsigned as the
/// server ignores signatures by default): StartSyncExecution of a small Express workflow, and
/// StartExecution followed by DescribeExecution of a small Standard one, at concurrency 1, 8
/// and 64, N calls each. The same calls are made in process in the same run, both as typed
/// calls and through `dispatch` (the JSON bytes in and out, without HTTP), so the table shows
/// what the HTTP layer and the JSON coding each add per call. Per-request logging is off, as
/// a load test of the server would run it. Figures, not assertions: the README records them.
struct ServeBenchmark {
    var requests = 20_000
    var concurrencies = [1, 8, 64]
    /// `--nio-executor`: run Swift concurrency's global executor on SwiftNIO's event loops, so a
    /// request's handler and the engine run on the thread that read the request (no hop to the
    /// cooperative pool and back). Must happen before any task runs, so it is tried first.
    var installsNIOExecutor = false

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

    /// One measured call: its name, and how to make it in each of the three ways.
    struct Call {
        var name: String
        var typed: @Sendable () async throws -> Void
        var dispatched: @Sendable () async throws -> Void
        var overHTTP: @Sendable (HTTPClient) async throws -> Void
    }

    struct Figures {
        var perSecond: Double
        var p50: Duration
        var p99: Duration
        var mean: Duration
    }

    func run() async throws {
        if installsNIOExecutor {
            print("NIO event loops as the global executor: \(Self.nioExecutorInstalled ? "installed" : "not possible")")
        }
        let service = LocalStepFunctionsService(clock: RealClock(), seed: 1)
        let expressArn = try await service.createStateMachine(
            CreateStateMachineInput(name: "BenchExpress", definition: Self.express, roleArn: Self.role, type: .express)
        ).stateMachineArn
        let standardArn = try await service.createStateMachine(
            CreateStateMachineInput(name: "BenchStandard", definition: Self.standard, roleArn: Self.role)
        ).stateMachineArn

        var quiet = Logger(label: "sfn.serve.bench")
        quiet.logLevel = .warning
        let (addresses, found) = AsyncStream.makeStream(of: ServerAddress.self)
        let server = StepFunctionsServer(
            service: service, configuration: ServerConfiguration(port: 0), logger: quiet,
            onRunning: { found.yield($0) })
        let group = ServiceGroup(configuration: ServiceGroupConfiguration(services: [server], logger: quiet))
        try await withThrowingTaskGroup(of: Void.self) { tasks in
            tasks.addTask { try await group.run() }
            var iterator = addresses.makeAsyncIterator()
            guard let address = await iterator.next() else { return }
            var configuration = HTTPClient.Configuration()
            configuration.connectionPool.concurrentHTTP1ConnectionsPerHostSoftLimit = 128
            let client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
            do {
                let calls = Self.calls(service, url: address.endpointURL, express: expressArn, standard: standardArn)
                try await measure(calls, client: client)
            } catch {
                print("benchmark failed: \(error)")
            }
            try await client.shutdown()
            await group.triggerGracefulShutdown()
            try await tasks.waitForAll()
        }
    }

    private func measure(_ calls: [Call], client: HTTPClient) async throws {
        #if DEBUG
            let build = "DEBUG build (figures meaningless; use -c release)"
        #else
            let build = "release build"
        #endif
        print("serve benchmark: \(requests) calls per row, \(ProcessInfo.processInfo.activeProcessorCount) cores, \(build); client and server in one process")
        print("")
        print(Self.row("call", "mode", "conc", "calls/s", "p50 µs", "p99 µs", "mean µs"))
        for call in calls {
            for concurrency in concurrencies {
                // Warm up (connections, caches) before each HTTP row.
                _ = try await load(concurrency: concurrency, count: min(requests, 500)) { try await call.overHTTP(client) }
                let typed = try await load(concurrency: concurrency, count: requests, call.typed)
                let dispatched = try await load(concurrency: concurrency, count: requests, call.dispatched)
                let http = try await load(concurrency: concurrency, count: requests) { try await call.overHTTP(client) }
                for (mode, figures) in [("in process", typed), ("dispatch", dispatched), ("HTTP", http)] {
                    print(Self.row(call.name, mode, concurrency, figures))
                }
                let added = Self.micros(http.mean) - Self.micros(typed.mean)
                print("  server adds \(String(format: "%.1f", added)) µs per call over in process at concurrency \(concurrency) (mean latency)")
            }
        }
    }

    /// Makes `count` calls with `concurrency` callers, each timing its own calls.
    private func load(
        concurrency: Int, count: Int, _ body: @escaping @Sendable () async throws -> Void
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
                        try await body()
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

    static func calls(
        _ service: LocalStepFunctionsService, url: String, express: StateMachineARN, standard: StateMachineARN
    ) -> [Call] {
        let syncBody = Array(#"{"stateMachineArn":"\#(express)","input":"{\"id\":7}"}"#.utf8)
        let startBody = Array(#"{"stateMachineArn":"\#(standard)","input":"{\"id\":7}"}"#.utf8)
        let sync = Call(
            name: "StartSyncExecution (Express, 2 states)",
            typed: {
                let output = try await service.startSyncExecution(
                    StartSyncExecutionInput(stateMachineArn: express, input: #"{"id":7}"#))
                guard output.status == .succeeded else { throw BenchmarkFailure("\(output.status)") }
            },
            dispatched: { _ = try await service.dispatch(.startSyncExecution, body: syncBody) },
            overHTTP: { client in _ = try await post(client, url, .startSyncExecution, syncBody) })
        let startDescribe = Call(
            name: "StartExecution + DescribeExecution (Standard, 1 state)",
            typed: {
                let started = try await service.startExecution(
                    StartExecutionInput(stateMachineArn: standard, input: #"{"id":7}"#))
                _ = try await service.describeExecution(DescribeExecutionInput(executionArn: started.executionArn))
            },
            dispatched: {
                let started = try await service.dispatch(.startExecution, body: startBody)
                let arn = try APICoding.decode(StartExecutionOutput.self, from: started).executionArn
                _ = try await service.dispatch(.describeExecution, body: Array(#"{"executionArn":"\#(arn)"}"#.utf8))
            },
            overHTTP: { client in
                let started = try await post(client, url, .startExecution, startBody)
                let arn = try APICoding.decode(StartExecutionOutput.self, from: started).executionArn
                _ = try await post(client, url, .describeExecution, Array(#"{"executionArn":"\#(arn)"}"#.utf8))
            })
        return [sync, startDescribe]
    }

    /// One AWS JSON 1.0 request; a non-200 answer is a failure of the run.
    static func post(
        _ client: HTTPClient, _ url: String, _ action: StepFunctionsAction, _ body: [UInt8]
    ) async throws -> [UInt8] {
        var request = HTTPClientRequest(url: url)
        request.method = .POST
        request.headers.add(name: "Content-Type", value: "application/x-amz-json-1.0")
        request.headers.add(name: "X-Amz-Target", value: action.target)
        request.body = .bytes(ByteBuffer(bytes: body))
        let response = try await client.execute(request, timeout: .seconds(30))
        let bytes = Array(try await response.body.collect(upTo: 1 << 20).readableBytesView)
        guard response.status == .ok else {
            throw BenchmarkFailure("\(action.rawValue): HTTP \(response.status.code) \(String(decoding: bytes, as: UTF8.self))")
        }
        return bytes
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
        let widths = [55, 11, 5, 9, 8, 8, 8]
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
