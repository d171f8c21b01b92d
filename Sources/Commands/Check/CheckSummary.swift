import Diagnostics

/// The findings of a check across environments, each reported once.
///
/// The same mistake usually shows up in every environment (a typo in a workflow file
/// renders into all of them); users want it once, with the environments it affects
/// named when it is not all of them.
public struct CheckSummary: Sendable {
    public var diagnostics: [Diagnostic]
    public var workflowCount: Int
    public var failingWorkflowCount: Int
    public var environments: [String]

    public init(outcomes: [RepositoryCheck.Outcome], environmentDiagnostics: [Diagnostic], loadDiagnostics: [Diagnostic], environments: [String]) {
        self.environments = environments
        let workflowIDs = Set(outcomes.map(\.workflowID))
        workflowCount = workflowIDs.count
        failingWorkflowCount = Set(outcomes.filter { $0.diagnostics.hasErrors }.map(\.workflowID)).count

        var order: [Diagnostic] = []
        var seenIn: [Diagnostic: [String]] = [:]
        for diagnostic in loadDiagnostics + environmentDiagnostics where seenIn[diagnostic] == nil {
            seenIn[diagnostic] = []
            order.append(diagnostic)
        }
        for outcome in outcomes {
            for diagnostic in outcome.diagnostics {
                if seenIn[diagnostic] == nil { order.append(diagnostic) }
                seenIn[diagnostic, default: []].append(outcome.environment)
            }
        }
        diagnostics = order.map { diagnostic in
            var diagnostic = diagnostic
            let found = Set(seenIn[diagnostic] ?? [])
            if !found.isEmpty, environments.count > 1, found.count < environments.count {
                let names = environments.filter(found.contains).joined(separator: ", ")
                diagnostic.notes.append(Diagnostic.Note("in environment\(found.count == 1 ? "" : "s") \(names)"))
            }
            return diagnostic
        }.sorted()
    }

    public var errorCount: Int { diagnostics.errorCount }
    public var warningCount: Int { diagnostics.warningCount }

    /// `2 errors in 1 of 4 workflows (4 environments)`.
    public var line: String {
        let envs = "\(environments.count) environment\(environments.count == 1 ? "" : "s")"
        let workflows = "\(workflowCount) workflow\(workflowCount == 1 ? "" : "s")"
        var counts: [String] = []
        if errorCount > 0 { counts.append("\(errorCount) error\(errorCount == 1 ? "" : "s")") }
        if warningCount > 0 { counts.append("\(warningCount) warning\(warningCount == 1 ? "" : "s")") }
        if counts.isEmpty { return "no problems in \(workflows) (\(envs))" }
        if errorCount > 0 {
            return "\(counts.joined(separator: ", ")) in \(failingWorkflowCount) of \(workflows) (\(envs))"
        }
        return "\(counts.joined(separator: ", ")) in \(workflows) (\(envs))"
    }
}
