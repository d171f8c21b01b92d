/// Static keys of a named profile in the shared credentials and config files.
///
/// Keys in the credentials file win over keys in the config file, as in the CLI. A profile that
/// gets its credentials some other way (`credential_process`, SSO, assume-role, web identity) is
/// an error naming that source rather than a fall-through, so sfn never silently acts as a
/// different identity than the profile describes.
public struct ProfileCredentialsProvider: AWSCredentialsProvider {
    public let profile: String
    /// Whether the user named the profile (`--profile`, `AWS_PROFILE`): then a missing profile is
    /// an error; the implicit `default` profile may be absent.
    public let explicit: Bool
    public let environment: AWSEnvironment

    public init(profile: String, explicit: Bool, environment: AWSEnvironment) {
        self.profile = profile
        self.explicit = explicit
        self.environment = environment
    }

    public var sourceDescription: String {
        "profile '\(profile)' in \(environment.credentialsFilePath ?? "~/.aws/credentials") and \(environment.configFilePath ?? "~/.aws/config")"
    }

    static let unsupportedSources = [
        "credential_process", "sso_session", "sso_start_url", "sso_account_id", "role_arn", "credential_source",
        "web_identity_token_file",
    ]

    public func credentials() throws(AWSClientError) -> AWSCredentials? {
        let credentialsFile = try environment.configFile(at: environment.credentialsFilePath)
        let configFile = try environment.configFile(at: environment.configFilePath)
        let fromCredentials = credentialsFile?.profile(profile, isConfigFile: false)
        let fromConfig = configFile?.profile(profile, isConfigFile: true)
        guard fromCredentials != nil || fromConfig != nil else {
            if explicit {
                throw AWSClientError(
                    .profileNotFound,
                    "the AWS profile '\(profile)' is not defined in \(environment.credentialsFilePath ?? "~/.aws/credentials") "
                        + "or \(environment.configFilePath ?? "~/.aws/config")")
            }
            return nil
        }
        for (values, file) in [(fromCredentials, credentialsFile), (fromConfig, configFile)] {
            guard let values, let file else { continue }
            let id = values["aws_access_key_id"].flatMap { $0.isEmpty ? nil : $0 }
            let secret = values["aws_secret_access_key"].flatMap { $0.isEmpty ? nil : $0 }
            if let id, let secret {
                let token = values["aws_session_token"] ?? values["aws_security_token"]
                return AWSCredentials(
                    accessKeyID: id, secretAccessKey: secret, sessionToken: token.flatMap { $0.isEmpty ? nil : $0 },
                    source: "profile '\(profile)' in \(file.path)")
            }
            if id != nil || secret != nil {
                let missing = id == nil ? "aws_access_key_id" : "aws_secret_access_key"
                throw AWSClientError(
                    .incompleteCredentials, "profile '\(profile)' in \(file.path) has no '\(missing)'; set both keys")
            }
        }
        for (values, file) in [(fromCredentials, credentialsFile), (fromConfig, configFile)] {
            guard let values, let file else { continue }
            if let key = ProfileCredentialsProvider.unsupportedSources.first(where: { values[$0] != nil }) {
                throw .unsupported(key, profile: profile, file: file.path)
            }
        }
        if explicit {
            throw AWSClientError(
                .incompleteCredentials,
                "the AWS profile '\(profile)' has no aws_access_key_id and aws_secret_access_key")
        }
        return nil
    }
}
