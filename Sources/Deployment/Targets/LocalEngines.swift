import Engine
import StepFunctionsAPI

/// The embedded engine of each repository this process works on, opened once and shared by
/// every local environment (their machines differ by name: `naming` includes `${env}`).
///
/// One per process because the durable engine holds its database exclusively: a second open
/// of the same `.sfn/` would be refused.
actor LocalEngines {
    static let shared = LocalEngines()

    private var engines: [String: LocalStepFunctionsService] = [:]

    /// The engine for the repository at `root`, created on first use.
    func engine(root: String) -> LocalStepFunctionsService {
        if let engine = engines[root] { return engine }
        let engine = LocalStepFunctionsService()
        engines[root] = engine
        return engine
    }
}
