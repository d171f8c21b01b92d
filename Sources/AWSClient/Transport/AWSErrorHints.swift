/// What to do about the AWS errors that are about the caller's setup rather than the request:
/// unknown keys, bad signatures, expired tokens, missing permissions.
///
/// AWS's own messages ("The security token included in the request is invalid") do not say which
/// credentials were used or what to check; the hint names the credential source (never a key)
/// and the likely fix.
enum AWSErrorHints {
    static func hint(for code: String, credentials: AWSCredentials, endpoint: StepFunctionsEndpoint) -> String? {
        switch code {
        case "UnrecognizedClientException", "InvalidClientTokenId":
            "AWS does not recognise the access key from \(credentials.source); check that it is active and "
                + "belongs to the partition of \(endpoint.host)"
        case "InvalidSignatureException", "SignatureDoesNotMatch", "IncompleteSignature":
            "the request signature did not match; check the secret key from \(credentials.source) "
                + "and that this machine's clock is correct"
        case "ExpiredTokenException", "ExpiredToken":
            "the session token from \(credentials.source) has expired; refresh the temporary credentials"
        case "RequestExpired", "InvalidSignatureDateException":
            "the request was signed too long ago; check that this machine's clock is correct"
        case "AccessDeniedException", "AccessDenied":
            "the identity behind \(credentials.source) lacks an IAM permission for this Step Functions action"
        case "MissingAuthenticationTokenException", "MissingAuthenticationToken":
            "the endpoint \(endpoint) expected a signed request; check the endpoint URL"
        default:
            nil
        }
    }
}
