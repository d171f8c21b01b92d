import AWSClient
public import Diagnostics
import StepFunctionsAPI

/// Why a deployment command cannot go on: a target that cannot be reached or configured, a
/// refused operation, a stale plan, a dirty tree, a held lock.
///
/// Every message is the user's to act on and names the environment, workflow or file concerned.
/// None carries a credential: AWS configuration problems come from `AWSClientError`, whose
/// messages never include a secret, and API errors carry only AWS's code and message.
public struct DeploymentError: Error, Hashable, Sendable, CustomStringConvertible {
    public enum Kind: String, Hashable, Sendable {
        /// The environment's `target` cannot be turned into a client (credentials, region, URL).
        case configuration
        /// The target answered with an error, or could not be reached.
        case target
        /// A saved plan no longer matches what the target holds.
        case stalePlan
        /// Sources differ from the commit that would be recorded.
        case dirtySources
        /// Another apply holds the environment's lock.
        case locked
        /// The plan cannot be made: sources fail to render or validate, a file is unreadable.
        case plan
        /// Nothing to promote or roll back to.
        case nothingToDeploy
        /// Records could not be read or written.
        case records
    }

    public var kind: Kind
    public var message: String
    /// For `.plan`: the problems found in the sources, to show with their locations.
    public var diagnostics: [Diagnostic]

    public init(_ kind: Kind, _ message: String, diagnostics: [Diagnostic] = []) {
        self.kind = kind
        self.message = message
        self.diagnostics = diagnostics
    }

    public var description: String { message }

    /// An API error while doing `what` against `target`, with AWS's code so it can be looked up.
    static func target(_ error: StepFunctionsError, doing what: String, on target: String) -> DeploymentError {
        DeploymentError(.target, "\(what) failed on \(target): \(error.code.rawValue): \(error.message)")
    }

    static func configuration(_ error: AWSClientError, environment: String) -> DeploymentError {
        DeploymentError(.configuration, "environment '\(environment)': \(error.message)")
    }
}
