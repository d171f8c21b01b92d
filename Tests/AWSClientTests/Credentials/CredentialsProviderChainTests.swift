import AWSClient
import Foundation
import Testing

/// The provider chain over environment tables and temporary shared files.
@Suite struct CredentialsProviderChainTests {
    /// A temporary home directory with optional `~/.aws/credentials` and `~/.aws/config`.
    final class Home {
        let path: String
        init(credentials: String? = nil, config: String? = nil) throws {
            path = NSTemporaryDirectory() + "sfn-aws-\(UUID().uuidString)"
            try FileManager.default.createDirectory(atPath: path + "/.aws", withIntermediateDirectories: true)
            if let credentials { try credentials.write(toFile: path + "/.aws/credentials", atomically: true, encoding: .utf8) }
            if let config { try config.write(toFile: path + "/.aws/config", atomically: true, encoding: .utf8) }
        }
        func environment(_ variables: [String: String] = [:]) -> AWSEnvironment {
            AWSEnvironment(variables: variables, homeDirectory: path)
        }
        deinit { try? FileManager.default.removeItem(atPath: path) }
    }

    static let credentialsFile = """
        [default]
        aws_access_key_id = AKIDDEFAULT
        aws_secret_access_key = default-secret

        [dev]
        aws_access_key_id = AKIDDEV
        aws_secret_access_key = dev-secret
        aws_session_token = dev-token
        """
    static let configFile = """
        [default]
        region = us-west-2

        [profile dev]
        region = eu-central-1

        [profile configonly]
        aws_access_key_id = AKIDCONFIG
        aws_secret_access_key = config-secret

        [profile sso]
        sso_session = corp
        sso_account_id = 123456789012

        [profile process]
        credential_process = /usr/local/bin/creds

        [profile role]
        role_arn = arn:aws:iam::123456789012:role/Deploy
        source_profile = default

        [profile half]
        aws_access_key_id = AKIDHALF

        [profile regiononly]
        region = ap-south-1
        """

    @Test func environmentWinsOverTheDefaultProfile() throws {
        let home = try Home(credentials: Self.credentialsFile)
        let environment = home.environment([
            "AWS_ACCESS_KEY_ID": "AKIDENV", "AWS_SECRET_ACCESS_KEY": "env-secret", "AWS_SESSION_TOKEN": "env-token",
        ])
        let credentials = try CredentialsProviderChain.standard(environment: environment).resolve()
        #expect(credentials == AWSCredentials(
            accessKeyID: "AKIDENV", secretAccessKey: "env-secret", sessionToken: "env-token", source: "environment variables"))
    }

    @Test(arguments: [
        ([:], nil, "AKIDDEFAULT", nil),
        (["AWS_PROFILE": "dev"], nil, "AKIDDEV", "dev-token"),
        (["AWS_PROFILE": "default"], "dev", "AKIDDEV", "dev-token"),
        (["AWS_ACCESS_KEY_ID": "AKIDENV", "AWS_SECRET_ACCESS_KEY": "s"], "dev", "AKIDDEV", "dev-token"),
        (["AWS_PROFILE": "configonly"], nil, "AKIDCONFIG", nil),
        (["AWS_ACCESS_KEY_ID": "", "AWS_SECRET_ACCESS_KEY": ""], nil, "AKIDDEFAULT", nil),
    ] as [([String: String], String?, String, String?)])
    func profiles(_ variables: [String: String], _ profile: String?, _ keyID: String, _ token: String?) throws {
        let home = try Home(credentials: Self.credentialsFile, config: Self.configFile)
        let credentials = try CredentialsProviderChain.standard(profile: profile, environment: home.environment(variables))
            .resolve()
        #expect(credentials.accessKeyID == keyID)
        #expect(credentials.sessionToken == token)
        #expect(credentials.source.hasPrefix("profile '"))
    }

    @Test func filesNamedByVariables() throws {
        let home = try Home()
        let credentials = home.path + "/elsewhere-credentials"
        try "[ci]\naws_access_key_id = AKIDCI\naws_secret_access_key = ci\n".write(
            toFile: credentials, atomically: true, encoding: .utf8)
        let environment = home.environment(["AWS_SHARED_CREDENTIALS_FILE": credentials, "AWS_PROFILE": "ci"])
        #expect(try CredentialsProviderChain.standard(environment: environment).resolve().accessKeyID == "AKIDCI")
        #expect(try CredentialsProviderChain.standard(environment: environment).resolve().source.contains(credentials))
    }

    @Test(arguments: [
        (["AWS_PROFILE": "sso"], AWSClientError.Kind.unsupportedCredentialSource, "IAM Identity Center"),
        (["AWS_PROFILE": "process"], .unsupportedCredentialSource, "credential_process"),
        (["AWS_PROFILE": "role"], .unsupportedCredentialSource, "assume-role ('role_arn')"),
        (["AWS_PROFILE": "half"], .incompleteCredentials, "no 'aws_secret_access_key'"),
        (["AWS_PROFILE": "regiononly"], .incompleteCredentials, "'regiononly' has no aws_access_key_id"),
        (["AWS_PROFILE": "missing"], .profileNotFound, "'missing' is not defined"),
        (["AWS_ACCESS_KEY_ID": "AKIDENV"], .incompleteCredentials, "AWS_SECRET_ACCESS_KEY is not"),
        (["AWS_SECRET_ACCESS_KEY": "only-secret"], .incompleteCredentials, "AWS_ACCESS_KEY_ID is not"),
    ] as [([String: String], AWSClientError.Kind, String)])
    func clearErrors(_ variables: [String: String], _ kind: AWSClientError.Kind, _ fragment: String) throws {
        let home = try Home(credentials: Self.credentialsFile, config: Self.configFile)
        do {
            _ = try CredentialsProviderChain.standard(environment: home.environment(variables)).resolve()
            Issue.record("expected \(kind)")
        } catch {
            #expect(error.kind == kind)
            #expect(error.message.contains(fragment), "\(error.message)")
            for secret in ["default-secret", "dev-secret", "only-secret", "dev-token"] {
                #expect(!error.message.contains(secret))
            }
        }
    }

    @Test func noCredentialsAnywhereNamesTheSources() throws {
        let home = try Home()
        do {
            _ = try CredentialsProviderChain.standard(environment: home.environment()).resolve()
            Issue.record("expected noCredentials")
        } catch {
            #expect(error.kind == .noCredentials)
            #expect(error.message.contains("environment variables"))
            #expect(error.message.contains("profile 'default'"))
        }
    }

    @Test(arguments: [
        ([:], nil, nil, "us-west-2"),
        (["AWS_PROFILE": "dev"], nil, nil, "eu-central-1"),
        ([:], "dev", nil, "eu-central-1"),
        (["AWS_DEFAULT_REGION": "sa-east-1"], "dev", nil, "sa-east-1"),
        (["AWS_REGION": "ca-central-1", "AWS_DEFAULT_REGION": "sa-east-1"], nil, nil, "ca-central-1"),
        (["AWS_REGION": "ca-central-1"], nil, "me-south-1", "me-south-1"),
        (["AWS_PROFILE": "configonly"], nil, nil, nil),
    ] as [([String: String], String?, String?, String?)])
    func regions(_ variables: [String: String], _ profile: String?, _ explicit: String?, _ expected: String?) throws {
        let home = try Home(config: Self.configFile)
        let resolver = AWSRegionResolver(profile: profile, environment: home.environment(variables))
        #expect(try resolver.region(explicit: explicit) == expected)
    }

    @Test func credentialsNeverShowTheirSecrets() {
        let credentials = AWSCredentials(
            accessKeyID: "AKIDEXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY",
            sessionToken: "the-session-token", source: "environment variables")
        var dumped = ""
        dump(credentials, to: &dumped)
        for text in [credentials.description, String(reflecting: credentials), "\(credentials)", dumped] {
            #expect(!text.contains("wJalrXUtnFEMI"))
            #expect(!text.contains("the-session-token"))
            #expect(!text.contains("AKIDEXAMPLE"))
            #expect(text.contains("MPLE"))
        }
        #expect(credentials.redactedAccessKeyID == "*******MPLE")
    }
}
