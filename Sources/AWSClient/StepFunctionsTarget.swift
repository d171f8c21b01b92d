import AsyncHTTPClient
import StepFunctionsAPI

/// A Step Functions service reached over HTTP, as sfn's `aws` and `endpoint` targets name it,
/// resolved into a ready client.
///
/// Resolution reads credentials and region once, up front, so a missing key or profile is
/// reported before any request is made, and so each request signs with the same identity.
public enum StepFunctionsTarget: Hashable, Sendable {
    /// The real service at its regional endpoint. `profile` is `--profile` (else `AWS_PROFILE`
    /// or `default`); `region` is `--region` (else the environment or the profile's `region`).
    case aws(profile: String? = nil, region: String? = nil)
    /// Any endpoint speaking the AWS JSON 1.0 protocol (`sfn serve`, Step Functions Local,
    /// LocalStack, moto). Credentials are resolved as for `aws` but optional: emulators accept
    /// any key, so placeholder credentials are used when none are configured. The region
    /// defaults to `us-east-1`.
    case endpoint(url: String, profile: String? = nil, region: String? = nil)

    /// The client type every target resolves to.
    public typealias Client = StepFunctionsClient<RetryingTransport<HTTPTransport>>

    /// The endpoint and credentials this target stands for in `environment`.
    public func resolve(
        in environment: AWSEnvironment = .process
    ) throws(AWSClientError) -> (endpoint: StepFunctionsEndpoint, credentials: AWSCredentials) {
        switch self {
        case .aws(let profile, let region):
            let resolvedRegion = try AWSRegionResolver(profile: profile, environment: environment).resolve(explicit: region)
            let endpoint = try StepFunctionsEndpoint.aws(region: resolvedRegion)
            let credentials = try CredentialsProviderChain.standard(profile: profile, environment: environment).resolve()
            return (endpoint, credentials)
        case .endpoint(let url, let profile, let region):
            let resolvedRegion =
                try AWSRegionResolver(profile: profile, environment: environment).region(explicit: region) ?? "us-east-1"
            let endpoint = try StepFunctionsEndpoint.custom(url: url, region: resolvedRegion)
            let credentials =
                try CredentialsProviderChain.standard(profile: profile, environment: environment).credentials()
                ?? .emulator
            return (endpoint, credentials)
        }
    }

    /// A client for this target: signed HTTP through `httpClient`, retried by `retryPolicy`.
    public func makeClient(
        in environment: AWSEnvironment = .process, httpClient: HTTPClient = .shared,
        retryPolicy: RetryPolicy = RetryPolicy(), timeout: Duration = .seconds(60)
    ) throws(AWSClientError) -> Client {
        let (endpoint, credentials) = try resolve(in: environment)
        let transport = HTTPTransport(endpoint: endpoint, credentials: credentials, httpClient: httpClient, timeout: timeout)
        return StepFunctionsClient(transport: RetryingTransport(base: transport, policy: retryPolicy))
    }
}
