import AWSClient
import Deployment
import Foundation
import MotoTestSupport
import StepFunctionsAPI
import Testing

/// Resolving and reaching targets: configuration problems and unreachable endpoints are one
/// clear error each, before anything is changed, and no credential appears in any message.
@Suite struct TargetResolutionTests {
    static let noAWS = AWSEnvironment(variables: [:], homeDirectory: nil)

    @Test func anAWSTargetWithoutCredentialsSaysWhereItLooked() async throws {
        let fixture = try DeployFixture(target: "{kind: aws, region: eu-west-1}")
        defer { fixture.remove() }
        let session = fixture.session(TargetResolver(root: fixture.root, awsEnvironment: Self.noAWS))
        let error = await #expect(throws: DeploymentError.self) { try await session.plan(environment: "dev") }
        #expect(error?.kind == .configuration)
        #expect(error?.message.hasPrefix("environment 'dev': no AWS credentials found") == true)
    }

    @Test func anAWSTargetNeverPrintsTheSecretKey() async throws {
        let fixture = try DeployFixture(target: "{kind: aws, region: eu-west-1}")
        defer { fixture.remove() }
        let environment = AWSEnvironment(
            variables: ["AWS_ACCESS_KEY_ID": "AKIDEXAMPLE", "AWS_SECRET_ACCESS_KEY": "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"],
            homeDirectory: nil)
        let desired = try await DesiredState.load(root: fixture.root, environment: "dev")
        let target = try await TargetResolver(root: fixture.root, awsEnvironment: environment).resolve(desired.environment)
        #expect(target.kind == .aws)
        #expect(target.description == "aws eu-west-1")
        #expect(target.scope.region == "eu-west-1")
        #expect(!target.description.contains("wJalr") && !target.description.contains("AKID"))
    }

    @Test func anEndpointWithoutAURLIsAnErrorInTheEnvironmentFile() async throws {
        let fixture = try DeployFixture(target: "{kind: endpoint}")
        defer { fixture.remove() }
        // The environment check reports it at its file:line:col, and nothing is planned.
        let desired = try await DesiredState.load(root: fixture.root, environment: "dev")
        #expect(desired.diagnostics.contains { $0.message.contains("url") })
        let error = await #expect(throws: DeploymentError.self) { try await fixture.session().plan(environment: "dev") }
        #expect(error?.kind == .plan)
    }

    @Test func anEndpointNobodyListensOnFailsThePlanBeforeAnyChange() async throws {
        let port = try MotoServer.freePort()
        let fixture = try DeployFixture(target: "{kind: endpoint, url: 'http://127.0.0.1:\(port)'}")
        defer { fixture.remove() }
        let session = fixture.session(
            TargetResolver(root: fixture.root, awsEnvironment: Self.noAWS, endpointTimeout: .seconds(2)))
        let error = await #expect(throws: DeploymentError.self) { try await session.plan(environment: "dev") }
        #expect(error?.kind == .target)
        #expect(error?.message.contains("Cannot reach the Step Functions endpoint") == true, "\(error?.message ?? "")")
    }
}
