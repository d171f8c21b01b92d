/// The errors AWS raises most, worded as AWS words them, so every implementation says the same.
extension StepFunctionsError {
    /// `ValidationException` in AWS's constraint wording:
    /// `1 validation error detected: Value 'x' at 'name' failed to satisfy constraint: …`.
    public static func validation(value: String?, at field: String, constraint: String) -> StepFunctionsError {
        let shown = value.map { "'\($0)'" } ?? "null"
        return StepFunctionsError(
            .validationException,
            "1 validation error detected: Value \(shown) at '\(field)' failed to satisfy constraint: \(constraint)")
    }

    /// A required member was absent from the request.
    public static func missing(_ field: String) -> StepFunctionsError {
        validation(value: nil, at: field, constraint: "Member must not be null")
    }

    public static func invalidArn(_ detail: String) -> StepFunctionsError {
        StepFunctionsError(.invalidArn, "Invalid Arn: '\(detail)'")
    }

    public static func invalidName(_ name: String) -> StepFunctionsError {
        StepFunctionsError(.invalidName, "Invalid Name: '\(name)'")
    }

    public static func stateMachineDoesNotExist(_ arn: String) -> StepFunctionsError {
        StepFunctionsError(.stateMachineDoesNotExist, "State Machine Does Not Exist: '\(arn)'")
    }

    public static func executionDoesNotExist(_ arn: String) -> StepFunctionsError {
        StepFunctionsError(.executionDoesNotExist, "Execution Does Not Exist: '\(arn)'")
    }

    public static func executionAlreadyExists(_ arn: String) -> StepFunctionsError {
        StepFunctionsError(.executionAlreadyExists, "Execution Already Exists: '\(arn)'")
    }

    public static func stateMachineAlreadyExists(_ arn: String) -> StepFunctionsError {
        StepFunctionsError(.stateMachineAlreadyExists, "State Machine Already Exists: '\(arn)'")
    }

    public static func activityDoesNotExist(_ arn: String) -> StepFunctionsError {
        StepFunctionsError(.activityDoesNotExist, "Activity Does Not Exist: '\(arn)'")
    }

    public static func resourceNotFound(_ arn: String) -> StepFunctionsError {
        StepFunctionsError(.resourceNotFound, "Resource not found: '\(arn)'", resourceName: arn)
    }

    public static func invalidDefinition(_ detail: String) -> StepFunctionsError {
        StepFunctionsError(.invalidDefinition, "Invalid State Machine Definition: '\(detail)'")
    }

    public static func invalidExecutionInput(_ detail: String) -> StepFunctionsError {
        StepFunctionsError(.invalidExecutionInput, "Invalid State Machine Execution Input: '\(detail)'")
    }

    public static func invalidToken(_ detail: String = "Invalid token") -> StepFunctionsError {
        StepFunctionsError(.invalidToken, detail)
    }

    public static func taskDoesNotExist(_ detail: String = "Task does not exist anymore") -> StepFunctionsError {
        StepFunctionsError(.taskDoesNotExist, detail)
    }

    /// An implementation's own failure (a bug or a storage fault), never the caller's.
    public static func internalFailure(_ detail: String) -> StepFunctionsError {
        StepFunctionsError(.internalFailure, detail)
    }
}
