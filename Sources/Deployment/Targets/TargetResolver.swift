public import AWSClient
import Engine
public import StepFunctionsAPI
public import Workspace

/// Turns an environment's `target` setting into a `ResolvedTarget`: the embedded engine
/// (`local`, the default), an emulator or any compatible HTTP endpoint (`endpoint`), or AWS
/// (`aws`).
///
/// Credentials and region are read once, when the target is resolved, so a missing profile is
/// reported before any request is sent. Emulators get a short timeout and few retries: a
/// stopped emulator should fail a command in seconds, not after AWS's minute of backoff.
public struct TargetResolver: Sendable {
    /// Where the embedded engine comes from.
    public enum LocalEngine: Sendable {
        /// The durable engine in the repository's `.sfn/engine/engine.sqlite`, opened once per
        /// process for every local environment; close it with `closeLocalEngine()`.
        case repository
        /// A given service (tests, benchmarks, `sfn serve`'s engine).
        case service(any StepFunctionsService)
    }

    /// The sfn repository's root; the local engine keeps its state under `<root>/.sfn/`.
    public var root: String
    public var local: LocalEngine
    /// Where AWS credentials and regions are read from (the process's variables and files).
    public var awsEnvironment: AWSEnvironment
    /// How long one request to an `endpoint` target may take before it is abandoned.
    public var endpointTimeout: Duration
    /// Retries for `endpoint` targets: emulators do not throttle, so a failure is rarely transient.
    public var endpointRetries: RetryPolicy
    /// Whether the local engine, when this resolver opens it, continues the executions it finds
    /// RUNNING: `sfn run` wants that; plan and apply leave them for the next run.
    public var resumeExecutions: Bool

    public init(
        root: String, local: LocalEngine = .repository, awsEnvironment: AWSEnvironment = .process,
        endpointTimeout: Duration = .seconds(10), endpointRetries: RetryPolicy = RetryPolicy(maxAttempts: 2),
        resumeExecutions: Bool = false
    ) {
        self.resumeExecutions = resumeExecutions
        self.root = root
        self.local = local
        self.awsEnvironment = awsEnvironment
        self.endpointTimeout = endpointTimeout
        self.endpointRetries = endpointRetries
    }

    /// The target `environment` deploys to.
    public func resolve(_ environment: ResolvedEnvironment) async throws(DeploymentError) -> ResolvedTarget {
        let target = environment.target
        switch target.kind {
        case .local:
            let service: any StepFunctionsService
            switch local {
            case .service(let given): service = given
            case .repository:
                service = try await LocalEngines.shared.engine(
                    root: root, environment: environment, resumeExecutions: resumeExecutions)
            }
            let scope = (service as? LocalStepFunctionsService)?.scope ?? ARNScope.local
            return ResolvedTarget(
                environment: environment.name, kind: .local, description: "local engine (.sfn/engine)", service: service,
                scope: scope, alias: environment.alias, keepVersions: target.keepVersions)
        case .endpoint:
            guard let url = target.url, !url.isEmpty else {
                throw DeploymentError(
                    .configuration,
                    "environment '\(environment.name)' has target kind 'endpoint' without a url: add `target: {kind: endpoint, url: http://127.0.0.1:8083}`"
                )
            }
            let region = target.region ?? environment.region
            let client: StepFunctionsTarget.Client
            do {
                client = try StepFunctionsTarget.endpoint(url: url, profile: target.profile, region: region).makeClient(
                    in: awsEnvironment, retryPolicy: endpointRetries, timeout: endpointTimeout)
            } catch {
                throw .configuration(error, environment: environment.name)
            }
            return ResolvedTarget(
                environment: environment.name, kind: .endpoint, description: "endpoint \(url)", service: client,
                scope: ARNScope(region: region, account: environment.account), alias: environment.alias,
                keepVersions: target.keepVersions)
        case .aws:
            let region = target.region ?? environment.region
            let client: StepFunctionsTarget.Client
            do {
                client = try StepFunctionsTarget.aws(profile: target.profile, region: region).makeClient(
                    in: awsEnvironment)
            } catch {
                throw .configuration(error, environment: environment.name)
            }
            let profile = environment.target.profile.map { " (profile \($0))" } ?? ""
            let partition = region.hasPrefix("cn-") ? "aws-cn" : region.hasPrefix("us-gov-") ? "aws-us-gov" : "aws"
            return ResolvedTarget(
                environment: environment.name, kind: .aws, description: "aws \(region)\(profile)", service: client,
                scope: ARNScope(partition: partition, region: region, account: environment.account),
                alias: environment.alias, keepVersions: target.keepVersions)
        }
    }

    /// Closes the local engine this process opened for the repository, releasing its database
    /// for the next command. Commands call it when they end; nothing happens when none is open.
    public func closeLocalEngine() async {
        await LocalEngines.shared.close(root: root)
    }
}
