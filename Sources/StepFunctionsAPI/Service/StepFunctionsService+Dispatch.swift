/// Serving the API: from an action and a request body to a response body, for `sfn serve` and
/// any other server in front of a `StepFunctionsService`.
extension StepFunctionsService {
    /// Decodes `body` as `action`'s request (failures become AWS's errors: see
    /// `APICoding.decodeRequest`), calls the method, and encodes its response.
    public func dispatch(
        _ action: StepFunctionsAction, body: [UInt8]
    ) async throws(StepFunctionsError) -> [UInt8] {
        switch action {
        case .createStateMachine: try await call(body, createStateMachine)
        case .describeStateMachine: try await call(body, describeStateMachine)
        case .describeStateMachineForExecution: try await call(body, describeStateMachineForExecution)
        case .updateStateMachine: try await call(body, updateStateMachine)
        case .deleteStateMachine: try await call(body, deleteStateMachine)
        case .listStateMachines: try await call(body, listStateMachines)
        case .publishStateMachineVersion: try await call(body, publishStateMachineVersion)
        case .listStateMachineVersions: try await call(body, listStateMachineVersions)
        case .deleteStateMachineVersion: try await call(body, deleteStateMachineVersion)
        case .createStateMachineAlias: try await call(body, createStateMachineAlias)
        case .describeStateMachineAlias: try await call(body, describeStateMachineAlias)
        case .updateStateMachineAlias: try await call(body, updateStateMachineAlias)
        case .listStateMachineAliases: try await call(body, listStateMachineAliases)
        case .deleteStateMachineAlias: try await call(body, deleteStateMachineAlias)
        case .startExecution: try await call(body, startExecution)
        case .startSyncExecution: try await call(body, startSyncExecution)
        case .describeExecution: try await call(body, describeExecution)
        case .stopExecution: try await call(body, stopExecution)
        case .listExecutions: try await call(body, listExecutions)
        case .getExecutionHistory: try await call(body, getExecutionHistory)
        case .redriveExecution: try await call(body, redriveExecution)
        case .createActivity: try await call(body, createActivity)
        case .describeActivity: try await call(body, describeActivity)
        case .listActivities: try await call(body, listActivities)
        case .deleteActivity: try await call(body, deleteActivity)
        case .getActivityTask: try await call(body, getActivityTask)
        case .sendTaskSuccess: try await call(body, sendTaskSuccess)
        case .sendTaskFailure: try await call(body, sendTaskFailure)
        case .sendTaskHeartbeat: try await call(body, sendTaskHeartbeat)
        case .tagResource: try await call(body, tagResource)
        case .untagResource: try await call(body, untagResource)
        case .listTagsForResource: try await call(body, listTagsForResource)
        case .describeMapRun: try await call(body, describeMapRun)
        case .listMapRuns: try await call(body, listMapRuns)
        case .updateMapRun: try await call(body, updateMapRun)
        case .validateStateMachineDefinition: try await call(body, validateStateMachineDefinition)
        case .testState: try await call(body, testState)
        }
    }

    /// `dispatch(_:body:)` for a raw `X-Amz-Target` header value.
    public func dispatch(target: String, body: [UInt8]) async throws(StepFunctionsError) -> [UInt8] {
        try await dispatch(try StepFunctionsAction(target: target), body: body)
    }

    private func call<Request: StepFunctionsRequest>(
        _ body: [UInt8], _ method: (Request) async throws(StepFunctionsError) -> Request.Output
    ) async throws(StepFunctionsError) -> [UInt8] {
        let request = try APICoding.decodeRequest(Request.self, from: body)
        let response = try await method(request)
        do {
            return try APICoding.encode(response)
        } catch {
            throw .internalFailure("Cannot encode the \(Request.action.rawValue) response: \(error)")
        }
    }
}
