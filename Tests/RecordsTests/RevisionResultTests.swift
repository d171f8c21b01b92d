import Foundation
import Records
import StepFunctionsAPI
import Testing

/// `sfn results`' numbers: runs, outcomes and duration percentiles per revision.
@Suite struct RevisionResultTests {
    @Test func percentilesAreNearestRank() {
        #expect(RevisionResult.percentile(50, of: [0.3, 0.1, 0.2, 0.4]) == 0.2)
        #expect(RevisionResult.percentile(95, of: [0.3, 0.1, 0.2, 0.4]) == 0.4)
        #expect(RevisionResult.percentile(50, of: [7]) == 7)
        #expect(RevisionResult.percentile(0, of: [2, 1]) == 1)
        #expect(RevisionResult.percentile(95, of: []) == nil)
        let hundred = (1...100).map(Double.init)
        #expect(RevisionResult.percentile(50, of: hundred) == 50)
        #expect(RevisionResult.percentile(95, of: hundred) == 95)
        #expect(RevisionResult.percentile(100, of: hundred) == 100)
    }

    @Test func executionsAggregatePerRevisionNewestDeploymentFirst() throws {
        let store = RecordStore.inMemory()
        try store.insert(Sample.deployment(Sample.commitB, at: -86_400))
        try store.insert(Sample.deployment(Sample.commitA, at: 0))
        // Revision A: 20 runs of 0.01 … 0.20 s, all succeeded.
        for index in 1...20 {
            try store.upsert(Sample.execution("a\(index)", start: Double(index), duration: Double(index) / 100))
        }
        // Revision B: 3 succeeded, 1 failed, 1 timed out, 1 still running.
        for (index, duration) in [0.3, 0.1, 0.2].enumerated() {
            try store.upsert(Sample.execution("b\(index)", commit: Sample.commitB, start: -80_000, duration: duration))
        }
        try store.upsert(Sample.execution("bf", commit: Sample.commitB, status: .failed, start: -80_000, duration: 0.5))
        try store.upsert(Sample.execution("bt", commit: Sample.commitB, status: .timedOut, start: -80_000, duration: 0.9))
        try store.upsert(Sample.execution("br", commit: Sample.commitB, status: .running, start: -80_000, duration: nil))
        // Another environment's runs do not count.
        try store.upsert(Sample.execution("p", environment: "prod"))

        let results = try store.results(environment: "dev", workflow: "data-processing")
        #expect(results.map(\.revision.short) == ["aaaaaaa", "bbbbbbb"])
        let a = results[0]
        #expect(a.deployedAt == Sample.date(0))
        #expect((a.runs, a.succeeded, a.failed, a.running) == (20, 20, 0, 0))
        #expect(a.p50 == 0.10)
        #expect(a.p95 == 0.19)
        let b = results[1]
        #expect((b.runs, b.succeeded, b.failed, b.running) == (6, 3, 2, 1))
        #expect(b.p50 == 0.3)
        #expect(b.p95 == 0.9)
    }

    @Test func aRevisionDeployedButNeverRunShowsWithNoRuns() throws {
        let store = RecordStore.inMemory()
        try store.insert(Sample.deployment(Sample.commitA))
        let results = try store.results(environment: "dev")
        #expect(results.count == 1)
        #expect(results[0].runs == 0 && results[0].p50 == nil)
    }

    @Test func runsWithoutADeploymentRecordSortByTheirFirstStart() throws {
        let store = RecordStore.inMemory()
        try store.upsert(Sample.execution("old", commit: Sample.commitB, start: 0))
        try store.upsert(Sample.execution("new", commit: Sample.commitA, start: 100))
        let results = try store.results(environment: "dev")
        #expect(results.map(\.revision.commit) == [Sample.commitA, Sample.commitB])
        #expect(results.allSatisfy { $0.deployedAt == nil })
    }

    @Test func aDirtyDeploymentIsItsOwnRevision() throws {
        let store = RecordStore.inMemory()
        try store.insert(Sample.deployment(Sample.commitA, at: 0))
        try store.insert(Sample.deployment(Sample.commitA, at: 10, dirty: true))
        var dirtyRun = Sample.execution("d", start: 20)
        dirtyRun.dirty = true
        try store.upsert(dirtyRun)
        let results = try store.results(environment: "dev")
        #expect(results.map(\.revision.short) == ["aaaaaaa-dirty", "aaaaaaa"])
        #expect(results.map(\.runs) == [1, 0])
    }

    @Test func everyWorkflowOfTheEnvironmentWhenNoneIsNamed() throws {
        let store = RecordStore.inMemory()
        try store.upsert(Sample.execution("x", workflow: "etl"))
        try store.upsert(Sample.execution("y", workflow: "approval"))
        #expect(try store.results(environment: "dev").map(\.workflow) == ["approval", "etl"])
    }

    @Test func aRollbackMakesTheOlderRevisionTheNewestDeployed() throws {
        let store = RecordStore.inMemory()
        try store.insert(Sample.deployment(Sample.commitB, at: 0))
        try store.insert(Sample.deployment(Sample.commitA, at: 10))
        try store.insert(Sample.deployment(Sample.commitB, at: 20, action: "rollback"))
        #expect(try store.results(environment: "dev").map(\.revision.commit) == [Sample.commitB, Sample.commitA])
    }
}
