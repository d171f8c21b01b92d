import JSONValue
import StepFunctionsAPI
import Testing

@Suite struct StepFunctionsErrorTests {
    @Test func rendersAWSErrorBody() throws {
        let error = StepFunctionsError.stateMachineDoesNotExist(
            "arn:aws:states:us-east-1:123456789012:stateMachine:Nope")
        let body = try JSON.parse(utf8: error.responseBody)
        #expect(
            body == [
                "__type": "StateMachineDoesNotExist",
                "message": "State Machine Does Not Exist: 'arn:aws:states:us-east-1:123456789012:stateMachine:Nope'",
            ])
        #expect(error.httpStatus == 400)
    }

    @Test func carriesReasonAndResourceName() throws {
        let error = StepFunctionsError(
            .validationException, "Cannot update a completed map run", reason: "CANNOT_UPDATE_COMPLETED_MAP_RUN")
        #expect(
            try JSON.parse(utf8: error.responseBody) == [
                "__type": "ValidationException", "message": "Cannot update a completed map run",
                "reason": "CANNOT_UPDATE_COMPLETED_MAP_RUN",
            ])
        let notFound = StepFunctionsError.resourceNotFound("arn:aws:states:us-east-1:123456789012:activity:A")
        #expect(notFound.resourceName == "arn:aws:states:us-east-1:123456789012:activity:A")
    }

    @Test(arguments: [
        (#"{"__type":"InvalidArn","message":"Invalid Arn: 'x'"}"#, "InvalidArn", "Invalid Arn: 'x'"),
        (#"{"__type":"com.amazonaws.states#ExecutionDoesNotExist","message":"m"}"#, "ExecutionDoesNotExist", "m"),
        (
            #"{"__type":"ThrottlingException:http://internal.amazon.com/coral/","Message":"Rate exceeded"}"#,
            "ThrottlingException", "Rate exceeded"
        ),
        (#"{"__type":"SomethingNew"}"#, "SomethingNew", ""),
    ])
    func decodesEveryBodyFormEndpointsSend(body: String, code: String, message: String) {
        let error = StepFunctionsError(responseBody: Array(body.utf8), httpStatus: 400)
        #expect(error.code.rawValue == code)
        #expect(error.message == message)
    }

    @Test func roundTripsThroughItsBody() {
        let original = StepFunctionsError(
            .tooManyTags, "Too many tags", resourceName: "arn:aws:states:us-east-1:123456789012:stateMachine:M")
        #expect(StepFunctionsError(responseBody: original.responseBody, httpStatus: 400) == original)
    }

    @Test(arguments: [
        (500, "InternalFailure"), (503, "ServiceUnavailable"), (429, "ThrottlingException"),
        (413, "RequestEntityTooLargeException"), (404, "HTTP404"),
    ])
    func namesANonAWSBodyAfterItsStatus(status: Int, code: String) {
        let error = StepFunctionsError(responseBody: Array("<html>Bad Gateway</html>".utf8), httpStatus: status)
        #expect(error.code.rawValue == code)
        #expect(error.message == "<html>Bad Gateway</html>")
    }

    @Test func mapsCodesToAWSStatuses() {
        #expect(StepFunctionsError.Code.executionLimitExceeded.httpStatus == 400)
        #expect(StepFunctionsError.Code.throttlingException.httpStatus == 400)
        #expect(StepFunctionsError.Code.internalFailure.httpStatus == 500)
        #expect(StepFunctionsError.Code.serviceUnavailable.httpStatus == 503)
        #expect(StepFunctionsError.Code.throttlingException.isRetryable)
        #expect(!StepFunctionsError.Code.invalidArn.isRetryable)
    }

    @Test func wordsValidationErrorsAsAWS() {
        #expect(
            StepFunctionsError.missing("stateMachineArn").message
                == "1 validation error detected: Value null at 'stateMachineArn' failed to satisfy constraint: Member must not be null"
        )
        #expect(StepFunctionsError.invalidName("a b").message == "Invalid Name: 'a b'")
        #expect(
            StepFunctionsError.invalidArn("Invalid ARN prefix: x").description
                == "InvalidArn: Invalid Arn: 'Invalid ARN prefix: x'")
    }
}
