/// Where a durable engine keeps its Map Runs, next to the executions: each run's own
/// fields (status, dates, settings, counts to expect, redrives) and, by position, the child
/// executions it started, so that an engine opened again answers DescribeMapRun,
/// ListMapRuns and ListExecutions by `mapRunArn` for earlier runs, and a resumed parent
/// continues its Map Run instead of starting every child again.
///
/// A Standard child is also an execution of the `ExecutionStore` (its events and cursor
/// are there, and it resumes from them); the child row holds what the Map Run needs of
/// it: its ARN, type, item count and last known description. A store may give a child's
/// description from the execution itself when that ended later than the row says.
///
/// Writes return once committed. The Map Run's row is written when the run starts and
/// whenever it changes (UpdateMapRun, its end, a redrive); a child's row when it starts
/// and when it ends.
public protocol MapRunStore: ExecutionStore {
    /// Inserts or replaces the run's own fields (its children are written one by one).
    func mapRunChanged(_ run: MapRun) throws
    /// Inserts or replaces the child at `position` (0-based, in the order the run started them).
    func mapRunChildChanged(_ child: MapRunChild, position: Int, mapRunArn: String) throws
    /// Every Map Run with its children, in the order the runs started.
    func storedMapRuns() throws -> [MapRun]
    /// One Map Run with its children, nil when the store holds none by that ARN.
    func storedMapRun(_ mapRunArn: String) throws -> MapRun?
}

extension ExecutionIdentity {
    /// Whether this is a child execution of a Map Run: its state machine is named
    /// `<machine>/<label>` (a name a state machine of one's own cannot have, as AWS refuses
    /// `/` in names). A parent resumes its children itself; nothing else may resume them.
    public var isMapRunChild: Bool {
        stateMachineName.contains("/")
    }
}
