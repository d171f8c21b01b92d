import Deployment
import Foundation

/// `sfn-benchmark --deploy [--workflows N] [--repeat K]`: plans and applies a generated repository
/// of N workflows (default 500) to the embedded local target, and times the three moments a user
/// waits for: the first plan (everything to create), the first apply, and a plan with no changes.
/// Goals on the 2-core machine, release build: plan < 1 s, first apply < 5 s, no-change plan < 0.5 s.
///
/// The machine is often shared with builds, so each figure is printed with the process's CPU
/// time (user + system, over every core) and the load average at the time; `--repeat K` plans
/// the unchanged repository K times (each with the engine reopened, as the next command would)
/// and prints the fastest and the median.
struct DeployBenchmark {
    var workflowCount = 500
    var keepDirectory: String?
    var repeats = 1

    func run() async throws {
        let root = keepDirectory ?? FileManager.default.temporaryDirectory
            .appendingPathComponent("sfn-deploy-benchmark-\(ProcessInfo.processInfo.processIdentifier)").path
        for (path, text) in GeneratedRepository(workflowCount: workflowCount).files() {
            let url = URL(fileURLWithPath: root).appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        defer { if keepDirectory == nil { try? FileManager.default.removeItem(atPath: root) } }
        // The durable engine under .sfn/engine, as `sfn apply` uses it; reopened before the
        // no-change plan, as the next command would.
        let resolver = TargetResolver(root: root)
        let session = DeploymentSession(root: root, resolver: resolver)
        print("deploy: \(workflowCount) workflows to environment 'local' (durable embedded engine), cores: \(ProcessInfo.processInfo.activeProcessorCount)")

        var timer = Stopwatch()
        let first = try await session.plan(environment: "local")
        print("  first plan:      \(timer.lap())  (\(first.plan.count(.create)) to create; goal < 1 s)")
        let desired = try await DesiredState.load(root: root, environment: "local")
        print("    of which load + render: \(timer.lap()) (\(desired.workflows.count) workflows)")

        let outcome = await Deployer(target: first.target).apply(first.plan)
        if let failure = outcome.failure { throw failure.error }
        print("  first apply:     \(timer.lap())  (\(outcome.applied.count) created; goal < 5 s)")
        await resolver.closeLocalEngine()

        var noChange: [Double] = []
        var compare: [Double] = []
        for _ in 0..<max(1, repeats) {
            timer = Stopwatch()
            var again: DeploymentSession.Planned? = try await session.plan(environment: "local")
            let lap = timer.lap()
            guard let plan = again?.plan, !plan.hasChanges else {
                throw DeploymentError(.plan, "the plan after apply still has \(again?.plan.changes.count ?? 0) changes")
            }
            noChange.append(lap.seconds)
            print("  no-change plan:  \(lap)  (\(plan.count(.keep)) kept; goal < 0.5 s)")
            // What a command pays after printing, unless it exits without freeing.
            timer = Stopwatch()
            again = nil
            print("    then freeing its values: \(timer.lap())")
            await resolver.closeLocalEngine()
            timer = Stopwatch()
            let reloaded = try await DesiredState.load(root: root, environment: "local")
            print("    of which load + render: \(timer.lap())")
            _ = try await session.plan(reloaded)
            let read = timer.lap()
            compare.append(read.seconds)
            print("    of which target read + compare (engine reopened): \(read)")
            await resolver.closeLocalEngine()
        }
        if repeats > 1 {
            print("  no-change plan over \(repeats) runs: fastest \(Self.format(noChange.min() ?? 0)), median \(Self.format(Self.median(noChange)))"
                + "; target read + compare: fastest \(Self.format(compare.min() ?? 0)), median \(Self.format(Self.median(compare)))")
        }
    }

    /// Wall and CPU time since the last lap, with the load average now.
    struct Stopwatch {
        var start = ContinuousClock.now
        var cpu = Stopwatch.cpuSeconds()

        struct Lap: CustomStringConvertible {
            var seconds: Double
            var cpuSeconds: Double
            var load: String
            var description: String { "\(DeployBenchmark.format(seconds)) (cpu \(DeployBenchmark.format(cpuSeconds)), load \(load))" }
        }

        mutating func lap() -> Lap {
            let now = ContinuousClock.now
            let cpuNow = Stopwatch.cpuSeconds()
            let (seconds, attoseconds) = (now - start).components
            defer {
                start = ContinuousClock.now
                cpu = Stopwatch.cpuSeconds()
            }
            return Lap(seconds: Double(seconds) + Double(attoseconds) / 1e18, cpuSeconds: cpuNow - cpu, load: Stopwatch.loadAverage())
        }

        /// User and system time of the whole process.
        static func cpuSeconds() -> Double {
            var time = timespec()
            clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &time)
            return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
        }

        /// The one-minute load average (Linux), "?" where it cannot be read.
        static func loadAverage() -> String {
            (try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8))?.split(separator: " ").first.map(String.init) ?? "?"
        }
    }

    static func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        return sorted.isEmpty ? 0 : sorted[sorted.count / 2]
    }

    static func format(_ seconds: Double) -> String { String(format: "%.3f s", seconds) }

    static func format(_ duration: Duration) -> String {
        let (seconds, attoseconds) = duration.components
        return format(Double(seconds) + Double(attoseconds) / 1e18)
    }
}
