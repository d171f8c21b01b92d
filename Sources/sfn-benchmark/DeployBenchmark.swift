import Deployment
import Foundation

/// `sfn-benchmark --deploy [--workflows N]`: plans and applies a generated repository of N
/// workflows (default 500) to the embedded local target, and times the three moments a user
/// waits for: the first plan (everything to create), the first apply, and a plan with no changes.
/// Goals on the 2-core machine, release build: plan < 1 s, first apply < 5 s, no-change plan < 0.5 s.
struct DeployBenchmark {
    var workflowCount = 500
    var keepDirectory: String?

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

        var start = ContinuousClock.now
        let first = try await session.plan(environment: "local")
        let planTime = ContinuousClock.now - start
        print("  first plan:      \(Self.format(planTime))  (\(first.plan.count(.create)) to create; goal < 1 s)")
        start = ContinuousClock.now
        let desired = try await DesiredState.load(root: root, environment: "local")
        let loadTime = ContinuousClock.now - start
        print("    of which load + render: \(Self.format(loadTime)) (\(desired.workflows.count) workflows)")

        start = ContinuousClock.now
        let outcome = await Deployer(target: first.target).apply(first.plan)
        let applyTime = ContinuousClock.now - start
        if let failure = outcome.failure { throw failure.error }
        print("  first apply:     \(Self.format(applyTime))  (\(outcome.applied.count) created; goal < 5 s)")
        await resolver.closeLocalEngine()

        start = ContinuousClock.now
        let again = try await session.plan(environment: "local")
        let noChangeTime = ContinuousClock.now - start
        guard !again.plan.hasChanges else {
            throw DeploymentError(.plan, "the plan after apply still has \(again.plan.changes.count) changes")
        }
        print("  no-change plan:  \(Self.format(noChangeTime))  (\(again.plan.count(.keep)) kept; goal < 0.5 s)")
        start = ContinuousClock.now
        _ = try await session.plan(desired)
        print("    of which target read + compare: \(Self.format(ContinuousClock.now - start))")
        await resolver.closeLocalEngine()
    }

    static func format(_ duration: Duration) -> String {
        let (seconds, attoseconds) = duration.components
        return String(format: "%.3f s", Double(seconds) + Double(attoseconds) / 1e18)
    }
}
