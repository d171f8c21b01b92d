// Deployment: an environment's target as a `StepFunctionsService`, ownership tags,
// plan/apply, promotion and rollback.
