/// Finds the AWS region: an explicit value, `AWS_REGION`, `AWS_DEFAULT_REGION`, then the
/// `region` of the profile in the config file (the order the SDKs and CLI share).
public struct AWSRegionResolver: Sendable {
    public let environment: AWSEnvironment
    /// The profile named explicitly (`--profile`), or `nil` for `AWS_PROFILE`/`default`.
    public let profile: String?

    public init(profile: String? = nil, environment: AWSEnvironment) {
        self.profile = profile
        self.environment = environment
    }

    /// The region, or `nil` when none is configured anywhere.
    public func region(explicit: String? = nil) throws(AWSClientError) -> String? {
        if let explicit, !explicit.isEmpty { return explicit }
        if let region = environment["AWS_REGION"] ?? environment["AWS_DEFAULT_REGION"] { return region }
        let config = try environment.configFile(at: environment.configFilePath)
        guard let region = config?.profile(profile ?? environment.profileName, isConfigFile: true)?["region"],
            !region.isEmpty
        else { return nil }
        return region
    }

    /// The region, or an error saying where to set one.
    public func resolve(explicit: String? = nil) throws(AWSClientError) -> String {
        guard let region = try region(explicit: explicit) else {
            throw AWSClientError(
                .noRegion,
                "no AWS region configured; pass --region, set AWS_REGION, or add 'region = …' to profile "
                    + "'\(profile ?? environment.profileName)' in \(environment.configFilePath ?? "~/.aws/config")")
        }
        return region
    }
}
