import Commands
import Diagnostics
import Foundation
import Validation
import Workspace

/// `swift run -c release sfn-benchmark [--workflows N] [--iterations K] [--keep DIR]`
/// `swift run -c release sfn-benchmark --log [--commits N] [--workflows N] [--iterations K] [--keep DIR]`
///
/// Generates a repository of N workflows (default 500) × 4 environments on disk, then
/// measures what `sfn validate` does: load and parse every file, render every
/// (workflow, environment) pair and validate it. Figures, not assertions: the README
/// records them. With `--log`, times `sfn log` over a generated history instead
/// (see `LogBenchmark`). With `--engine [--bench DIR] [--seconds S] [--concurrency N]`, runs
/// the engine benchmark (see `EngineBenchmark`; `--durable-only` runs only its durable row). With `--serve [--requests N] [--server PATH]`, the load
/// benchmark of `sfn serve` over loopback against the same calls in process (see `ServeBenchmark`);
/// `--http-stub` is the fixed-answer server that benchmark starts to measure its client alone.
ServeBenchmark.installNIOExecutorIfAsked()
if CommandLine.arguments.contains("--http-stub") {
    try await HTTPStubServer.run()
    exit(0)
}
if CommandLine.arguments.contains("--serve") {
    var benchmark = ServeBenchmark()
    var arguments = CommandLine.arguments.dropFirst().filter { $0 != "--serve" }.makeIterator()
    while let argument = arguments.next() {
        switch argument {
        case "--requests": benchmark.requests = arguments.next().flatMap(Int.init) ?? benchmark.requests
        case "--nio-executor": benchmark.installsNIOExecutor = true
        case "--server": benchmark.serverExecutable = arguments.next()
        case "--server-option": benchmark.serverOptions += arguments.next().map { [$0] } ?? []
        case "--client":
            switch arguments.next() {
            case "ahc": benchmark.usesAsyncHTTPClient = true
            case "lean": benchmark.usesAsyncHTTPClient = false
            default:
                FileHandle.standardError.write(Data("--client takes lean or ahc\n".utf8))
                exit(2)
            }
        case "--concurrency":
            benchmark.concurrencies = arguments.next().map { $0.split(separator: ",").compactMap { Int($0) } } ?? benchmark.concurrencies
        default:
            FileHandle.standardError.write(Data("usage: sfn-benchmark --serve [--requests N] [--server PATH-TO-sfn [--server-option X]...] [--client lean|ahc] [--concurrency 1,8,64] [--nio-executor]\n".utf8))
            exit(2)
        }
    }
    try await benchmark.run()
    exit(0)
}
if CommandLine.arguments.contains("--engine") {
    var benchmark = EngineBenchmark()
    var arguments = CommandLine.arguments.dropFirst().filter { $0 != "--engine" }.makeIterator()
    while let argument = arguments.next() {
        switch argument {
        case "--bench": benchmark.directory = arguments.next() ?? benchmark.directory
        case "--seconds": benchmark.seconds = arguments.next().flatMap(Double.init) ?? benchmark.seconds
        case "--concurrency": benchmark.concurrency = arguments.next().flatMap(Int.init) ?? benchmark.concurrency
        case "--durable-only": benchmark.durableOnly = true
        default:
            FileHandle.standardError.write(Data("usage: sfn-benchmark --engine [--bench DIR] [--seconds S] [--concurrency N] [--durable-only]\n".utf8))
            exit(2)
        }
    }
    try await benchmark.run()
    exit(0)
}
if CommandLine.arguments.contains("--parse") {
    var benchmark = ParseBenchmark()
    var arguments = CommandLine.arguments.dropFirst().filter { $0 != "--parse" }.makeIterator()
    while let argument = arguments.next() {
        switch argument {
        case "--workflows": benchmark.workflowCount = arguments.next().flatMap(Int.init) ?? benchmark.workflowCount
        case "--iterations": benchmark.iterations = arguments.next().flatMap(Int.init) ?? benchmark.iterations
        default:
            FileHandle.standardError.write(Data("usage: sfn-benchmark --parse [--workflows N] [--iterations K]\n".utf8))
            exit(2)
        }
    }
    try benchmark.run()
    exit(0)
}
if CommandLine.arguments.contains("--deploy") {
    var benchmark = DeployBenchmark()
    var arguments = CommandLine.arguments.dropFirst().filter { $0 != "--deploy" }.makeIterator()
    while let argument = arguments.next() {
        switch argument {
        case "--workflows": benchmark.workflowCount = arguments.next().flatMap(Int.init) ?? benchmark.workflowCount
        case "--keep": benchmark.keepDirectory = arguments.next()
        case "--repeat": benchmark.repeats = arguments.next().flatMap(Int.init) ?? benchmark.repeats
        default:
            FileHandle.standardError.write(Data("usage: sfn-benchmark --deploy [--workflows N] [--repeat K] [--keep DIR]\n".utf8))
            exit(2)
        }
    }
    try await benchmark.run()
    exit(0)
}
if CommandLine.arguments.contains("--log") {
    var benchmark = LogBenchmark()
    var arguments = CommandLine.arguments.dropFirst().filter { $0 != "--log" }.makeIterator()
    while let argument = arguments.next() {
        switch argument {
        case "--commits": benchmark.commitCount = arguments.next().flatMap(Int.init) ?? benchmark.commitCount
        case "--workflows": benchmark.workflowCount = arguments.next().flatMap(Int.init) ?? benchmark.workflowCount
        case "--iterations": benchmark.iterations = arguments.next().flatMap(Int.init) ?? benchmark.iterations
        case "--keep": benchmark.keepDirectory = arguments.next()
        default:
            FileHandle.standardError.write(Data("usage: sfn-benchmark --log [--commits N] [--workflows N] [--iterations K] [--keep DIR]\n".utf8))
            exit(2)
        }
    }
    try await benchmark.run()
    exit(0)
}

var workflowCount = 500
var iterations = 5
var keepDirectory: String?
var iterator = CommandLine.arguments.dropFirst().makeIterator()
while let argument = iterator.next() {
    switch argument {
    case "--workflows": workflowCount = iterator.next().flatMap(Int.init) ?? workflowCount
    case "--iterations": iterations = iterator.next().flatMap(Int.init) ?? iterations
    case "--keep": keepDirectory = iterator.next()
    default:
        FileHandle.standardError.write(Data("usage: sfn-benchmark [--workflows N] [--iterations K] [--keep DIR]\n".utf8))
        exit(2)
    }
}

let root = keepDirectory ?? FileManager.default.temporaryDirectory
    .appendingPathComponent("sfn-benchmark-\(ProcessInfo.processInfo.processIdentifier)").path
let files = GeneratedRepository(workflowCount: workflowCount).files()
for (path, text) in files {
    let url = URL(fileURLWithPath: root).appendingPathComponent(path)
    try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    try Data(text.utf8).write(to: url)
}
defer { if keepDirectory == nil { try? FileManager.default.removeItem(atPath: root) } }
let bytes = files.values.reduce(0) { $0 + $1.utf8.count }
print("repository: \(workflowCount) workflows, \(files.count) files, \(bytes / 1024) KiB, cores: \(ProcessInfo.processInfo.activeProcessorCount)")

func seconds(_ body: () async throws -> Void) async rethrows -> Double {
    let start = ContinuousClock.now
    try await body()
    let elapsed = ContinuousClock.now - start
    return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
}

var loads: [Double] = []
var checks: [Double] = []
var totals: [Double] = []
var pairs = 0
var problems = 0
for _ in 0..<iterations {
    var project: Project?
    let load = await seconds {
        let result = await ProjectLoader.load(from: DirectorySourceTree(root: root))
        project = result.project
        problems = result.diagnostics.errorCount
    }
    guard let project else { break }
    let check = await seconds {
        let repositoryCheck = RepositoryCheck(project: project)
        let (outcomes, environmentDiagnostics) = await repositoryCheck.run(environments: project.deployableEnvironmentNames)
        pairs = outcomes.filter { $0.validated != nil }.count
        problems += outcomes.reduce(environmentDiagnostics.errorCount) { $0 + $1.diagnostics.errorCount }
    }
    loads.append(load)
    checks.append(check)
    totals.append(load + check)
}

func describe(_ values: [Double]) -> String {
    let sorted = values.sorted()
    return String(format: "median %.3f s, best %.3f s", sorted[sorted.count / 2], sorted[0])
}
print("load + parse:      \(describe(loads))")
print("render + validate: \(describe(checks))")
print("total:             \(describe(totals))  (\(pairs) valid pairs, \(problems) errors; goal: 2,000 pairs < 2 s)")

// Where the time goes, on one core: rendering and validation timed apart.
if let project = Optional(ProjectLoader.load(from: DirectorySourceTree(root: root)).project) {
    let renderer = Renderer(project: project)
    let validator = Validator()
    var renderTime = 0.0
    var validateTime = 0.0
    for environment in project.deployableEnvironmentNames {
        for id in project.workflowIDs {
            var rendered: RenderedWorkflow?
            renderTime += await seconds { rendered = renderer.render(workflow: id, environment: environment).rendered }
            guard let rendered else { continue }
            validateTime += await seconds { _ = validator.validate(rendered.definition, options: ValidationOptions(type: rendered.type)) }
        }
    }
    print(String(format: "one core:          render %.3f s, validate %.3f s", renderTime, validateTime))
}
if problems > 0 { exit(1) }
