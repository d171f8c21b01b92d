/// Finds AWS credentials in one place (the environment, a profile, a fixed value).
///
/// `credentials()` returns `nil` when this source has nothing, so a chain moves on, and throws
/// when the source is present but wrong (half a key pair, an unsupported `credential_process`),
/// because silently falling through to other credentials would act as the wrong identity.
public protocol AWSCredentialsProvider: Sendable {
    /// A short name for "looked in …" messages.
    var sourceDescription: String { get }
    func credentials() throws(AWSClientError) -> AWSCredentials?
}

/// Fixed credentials, for tests and callers that resolve credentials themselves.
public struct StaticCredentialsProvider: AWSCredentialsProvider {
    public let value: AWSCredentials
    public init(_ value: AWSCredentials) { self.value = value }
    public var sourceDescription: String { value.source }
    public func credentials() throws(AWSClientError) -> AWSCredentials? { value }
}

/// `AWS_ACCESS_KEY_ID`, `AWS_SECRET_ACCESS_KEY` and optionally `AWS_SESSION_TOKEN`.
public struct EnvironmentCredentialsProvider: AWSCredentialsProvider {
    public let environment: AWSEnvironment
    public init(environment: AWSEnvironment) { self.environment = environment }
    public var sourceDescription: String { "environment variables" }

    public func credentials() throws(AWSClientError) -> AWSCredentials? {
        let id = environment["AWS_ACCESS_KEY_ID"]
        let secret = environment["AWS_SECRET_ACCESS_KEY"]
        switch (id, secret) {
        case (nil, nil):
            return nil
        case (let id?, let secret?):
            return AWSCredentials(
                accessKeyID: id, secretAccessKey: secret,
                sessionToken: environment["AWS_SESSION_TOKEN"] ?? environment["AWS_SECURITY_TOKEN"],
                source: sourceDescription)
        case (nil, _):
            throw AWSClientError(
                .incompleteCredentials, "AWS_SECRET_ACCESS_KEY is set but AWS_ACCESS_KEY_ID is not; set both or neither")
        case (_, nil):
            throw AWSClientError(
                .incompleteCredentials, "AWS_ACCESS_KEY_ID is set but AWS_SECRET_ACCESS_KEY is not; set both or neither")
        }
    }
}

/// The first provider that has credentials; an error naming every source tried when none has.
public struct CredentialsProviderChain: AWSCredentialsProvider {
    public let providers: [any AWSCredentialsProvider]

    public init(_ providers: [any AWSCredentialsProvider]) { self.providers = providers }

    /// The CLI's order: a profile named explicitly (`--profile`) is used alone; otherwise the
    /// environment variables, then the profile `AWS_PROFILE` names (or `default`) in the shared files.
    public static func standard(profile: String? = nil, environment: AWSEnvironment) -> CredentialsProviderChain {
        if let profile {
            return CredentialsProviderChain([ProfileCredentialsProvider(profile: profile, explicit: true, environment: environment)])
        }
        return CredentialsProviderChain([
            EnvironmentCredentialsProvider(environment: environment),
            ProfileCredentialsProvider(
                profile: environment.profileName, explicit: environment["AWS_PROFILE"] != nil, environment: environment),
        ])
    }

    public var sourceDescription: String { providers.map(\.sourceDescription).joined(separator: "; ") }

    public func credentials() throws(AWSClientError) -> AWSCredentials? {
        for provider in providers {
            if let found = try provider.credentials() { return found }
        }
        return nil
    }

    /// Credentials from the chain, or `noCredentials` listing the sources tried.
    public func resolve() throws(AWSClientError) -> AWSCredentials {
        guard let found = try credentials() else { throw .noCredentials(tried: providers.map(\.sourceDescription)) }
        return found
    }
}
