import Server
import Testing

/// SFN_SERVE_EXECUTOR's parsing. Installing the event loops is not tested here: it is
/// process-wide and would move every other test of this process onto them.
@Suite struct GlobalExecutorTests {
    @Test func unsetOrEmptyMeansTheEventLoops() throws {
        #expect(try GlobalExecutor(environment: [:]) == .eventLoops)
        #expect(try GlobalExecutor(environment: ["SFN_SERVE_EXECUTOR": ""]) == .eventLoops)
    }

    @Test func namedChoicesAreTaken() throws {
        #expect(try GlobalExecutor(environment: ["SFN_SERVE_EXECUTOR": "swift"]) == .swift)
        #expect(try GlobalExecutor(environment: ["SFN_SERVE_EXECUTOR": "event-loops"]) == .eventLoops)
    }

    @Test func swiftsOwnPoolNeedsNoInstallation() {
        #expect(GlobalExecutor.swift.install())
    }

    @Test func anUnknownChoiceNamesTheValueTheVariableAndTheChoices() {
        #expect {
            try GlobalExecutor(environment: ["SFN_SERVE_EXECUTOR": "threads"])
        } throws: { error in
            guard let error = error as? ServerError, error.kind == .invalidExecutor else { return false }
            return error.message.contains("'threads'") && error.message.contains("SFN_SERVE_EXECUTOR")
                && error.message.contains("'event-loops'") && error.message.contains("'swift'")
        }
    }
}
