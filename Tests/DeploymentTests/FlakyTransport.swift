import Deployment
import StepFunctionsAPI
import Synchronization

/// A transport that forwards a set number of requests and then behaves like an endpoint that
/// stopped: every later request fails as a refused connection does.
final class FlakyTransport<Base: StepFunctionsTransport>: StepFunctionsTransport {
    let base: Base
    /// Requests forwarded before the endpoint "stops", and the count so far.
    private let budget: Mutex<Int>

    init(base: Base, failAfter requests: Int) {
        self.base = base
        self.budget = Mutex(requests)
    }

    func send(_ request: StepFunctionsTransportRequest) async throws(StepFunctionsError) -> StepFunctionsTransportResponse {
        let allowed = budget.withLock { remaining in
            remaining -= 1
            return remaining >= 0
        }
        guard allowed else {
            throw StepFunctionsError(.serviceUnavailable, "Cannot reach the Step Functions endpoint: connection refused")
        }
        return try await base.send(request)
    }
}

extension ResolvedTarget {
    /// This target with its service replaced by one that stops after `requests` requests.
    func stopping<Base: StepFunctionsTransport>(after requests: Int, base: Base) -> ResolvedTarget {
        var copy = self
        copy.service = StepFunctionsClient(transport: FlakyTransport(base: base, failAfter: requests))
        return copy
    }
}
