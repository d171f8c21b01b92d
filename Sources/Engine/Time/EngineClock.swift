#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif
import Synchronization

/// Where an engine reads the time and how it waits: injected, so that Wait states,
/// Retry backoff and timeouts can run in real time, scaled, or not at all in tests.
///
/// Implementations: `RealClock` (wall time, optionally scaled), `VirtualClock` (jumps to
/// each deadline at once), `ManualClock` (a test advances it by hand).
public protocol EngineClock: Sendable {
    func now() -> Timestamp
    /// Returns once `deadline` has passed, or early when the task is cancelled.
    func sleep(until deadline: Timestamp) async
    /// Whether time only moves when someone sleeps: then a timeout cannot race a task
    /// (the sleeper would always win), and the engine compares elapsed time instead.
    var isVirtual: Bool { get }
}

extension EngineClock {
    public var isVirtual: Bool { false }
}

/// Wall-clock time. `scale` shortens every wait (0.01 makes a 100 s Wait last 1 s) while
/// the timestamps the engine reports still advance by the full, unscaled amount.
public struct RealClock: EngineClock {
    public let scale: Double
    private let origin: Int64
    /// The time `now()` reports at `origin`: the wall time, unless the clock was told to
    /// continue from a later one (a scaled clock resuming what an earlier one recorded).
    private let base: Int64

    /// - Parameter start: where the reported time starts (now by default). A durable engine
    ///   gives a scaled clock the latest time it recorded, so time never runs backwards
    ///   across a restart.
    public init(scale: Double = 1, startingAt start: Timestamp? = nil) {
        self.scale = scale > 0 ? scale : 1
        self.origin = RealClock.wallMilliseconds()
        self.base = start?.millisecondsSinceEpoch ?? origin
    }

    public func now() -> Timestamp {
        let elapsed = RealClock.wallMilliseconds() - origin
        return Timestamp(millisecondsSinceEpoch: base + Int64((Double(elapsed) / scale).rounded()))
    }

    public func sleep(until deadline: Timestamp) async {
        let remaining = deadline.millisecondsSinceEpoch - now().millisecondsSinceEpoch
        guard remaining > 0 else { return }
        let real = Double(remaining) * scale
        try? await Task.sleep(for: .milliseconds(Int64(real.rounded(.up))))
    }

    static func wallMilliseconds() -> Int64 {
        var spec = timespec()
        clock_gettime(CLOCK_REALTIME, &spec)
        return Int64(spec.tv_sec) * 1000 + Int64(spec.tv_nsec) / 1_000_000
    }
}

/// Time that moves only when the engine waits: a sleep jumps to its deadline at once,
/// so an hour of Waits and backoff runs in microseconds and timestamps stay plausible.
public final class VirtualClock: EngineClock {
    private let current: Atomic<Int64>

    public init(start: Timestamp = Timestamp(millisecondsSinceEpoch: 1_704_067_200_000)) {
        current = Atomic(start.millisecondsSinceEpoch)
    }

    public func now() -> Timestamp { Timestamp(millisecondsSinceEpoch: current.load(ordering: .relaxed)) }

    public func sleep(until deadline: Timestamp) async {
        current.max(deadline.millisecondsSinceEpoch, ordering: .relaxed)
    }

    public var isVirtual: Bool { true }
}
