import StepFunctionsAPI
import Testing

/// Runs `body`, expecting it to throw AWS's error `code`; records an issue otherwise. Returns
/// the error, so a test can check its message too.
@discardableResult
func expectError(_ code: StepFunctionsError.Code, _ body: () async throws -> Void) async -> StepFunctionsError? {
    do {
        try await body()
        Issue.record("expected \(code)")
        return nil
    } catch let error as StepFunctionsError {
        #expect(error.code == code, "\(error)")
        return error
    } catch {
        Issue.record("unexpected \(error)")
        return nil
    }
}
