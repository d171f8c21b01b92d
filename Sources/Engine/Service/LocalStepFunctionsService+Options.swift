public import StepFunctionsAPI

extension LocalStepFunctionsService {
    /// How a local service runs: its time, ARNs, task work and chance, and whether a service
    /// opened on a database continues the executions it finds RUNNING there. One value that
    /// `sfn exec`, `sfn serve`, the deploy targets and `LocalEngineDatabase.open` all pass.
    public struct Options: Sendable {
        /// The engine's time (`VirtualClock()` by default; `RealClock()` to wait for real).
        public var clock: any EngineClock
        /// Region and account of the ARNs (us-east-1 / 123456789012 by default).
        public var scope: ARNScope
        /// How Task states run (none by default: a Task fails with States.Runtime).
        public var invoker: any TaskInvoking
        /// Makes execution names, revision ids, alias routing, States.UUID, States.MathRandom
        /// and jitter reproducible.
        public var seed: UInt64
        /// Whether a service opened on a database resumes the Standard executions it holds as
        /// RUNNING (true by default). A tool that only reads or deploys passes false, so that
        /// the executions stay RUNNING in the file for the next service that runs them.
        public var resumeExecutions: Bool

        public init(
            clock: any EngineClock = VirtualClock(), scope: ARNScope = .local,
            invoker: any TaskInvoking = UnavailableTaskInvoker(), seed: UInt64 = 0, resumeExecutions: Bool = true
        ) {
            self.clock = clock
            self.scope = scope
            self.invoker = invoker
            self.seed = seed
            self.resumeExecutions = resumeExecutions
        }
    }
}
