/// A problem with the AWS configuration the user gave sfn: missing or unsupported credentials,
/// an unknown profile, an unreadable or malformed shared file, a bad region or endpoint.
///
/// These are the user's to fix, so every message names the variable, file, line or profile to
/// look at. No message ever includes a secret key, a session token or a line of a credentials
/// file (which may hold one): malformed lines are reported by number only.
public struct AWSClientError: Error, Hashable, Sendable, CustomStringConvertible {
    public enum Kind: Hashable, Sendable {
        case noCredentials
        case incompleteCredentials
        case unsupportedCredentialSource
        case profileNotFound
        case unreadableFile
        case malformedFile
        case noRegion
        case invalidRegion
        case invalidEndpoint
    }

    public var kind: Kind
    public var message: String

    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    public var description: String { message }

    static func noCredentials(tried sources: [String]) -> AWSClientError {
        AWSClientError(
            .noCredentials,
            "no AWS credentials found (looked in: \(sources.joined(separator: "; "))); set AWS_ACCESS_KEY_ID and "
                + "AWS_SECRET_ACCESS_KEY, or AWS_PROFILE naming a profile with aws_access_key_id and aws_secret_access_key")
    }

    static func unsupported(_ key: String, profile: String, file: String) -> AWSClientError {
        let source =
            switch key {
            case "credential_process": "credential_process (an external credential program)"
            case "sso_session", "sso_start_url", "sso_account_id": "IAM Identity Center (SSO, '\(key)')"
            case "role_arn", "source_profile", "credential_source": "assume-role ('\(key)')"
            case "web_identity_token_file": "web identity ('web_identity_token_file')"
            default: "'\(key)'"
            }
        return AWSClientError(
            .unsupportedCredentialSource,
            "profile '\(profile)' in \(file) gets its credentials from \(source), which sfn does not support yet; "
                + "export temporary credentials instead (for example `eval \"$(aws configure export-credentials "
                + "--profile \(profile) --format env)\"`)")
    }
}
