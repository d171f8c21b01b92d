import StepFunctionsAPI
import Synchronization

/// A transport that answers from a script, one step per call, and records the requests: the
/// retry policy tested with no sockets.
final class ScriptedTransport: StepFunctionsTransport {
    enum Step: Sendable {
        case respond(Int, String)
        case fail(StepFunctionsError)
    }

    // Invariant: only touched inside `state.withLock`.
    private let state: Mutex<(steps: [Step], requests: [StepFunctionsTransportRequest])>

    init(_ steps: [Step]) { state = Mutex((steps, [])) }

    var requests: [StepFunctionsTransportRequest] { state.withLock { $0.requests } }

    func send(_ request: StepFunctionsTransportRequest) async throws(StepFunctionsError) -> StepFunctionsTransportResponse {
        let step: Step? = state.withLock { state in
            state.requests.append(request)
            return state.steps.isEmpty ? nil : state.steps.removeFirst()
        }
        switch step {
        case .respond(let status, let body)?: return StepFunctionsTransportResponse(status: status, body: Array(body.utf8))
        case .fail(let error)?: throw error
        case nil: throw StepFunctionsError(.internalFailure, "the script has no more steps")
        }
    }
}

/// Records the waits a retry policy asks for instead of sleeping.
final class RecordingSleeper: Sendable {
    private let recorded = Mutex<[Duration]>([])
    var waits: [Duration] { recorded.withLock { $0 } }
    func sleep(_ duration: Duration) { recorded.withLock { $0.append(duration) } }
}
