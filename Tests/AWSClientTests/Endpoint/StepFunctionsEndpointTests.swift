import AWSClient
import Testing

/// Endpoint resolution for the `aws` and `endpoint` targets.
@Suite struct StepFunctionsEndpointTests {
    @Test(arguments: [
        ("us-east-1", "https://states.us-east-1.amazonaws.com/"),
        ("eu-west-1", "https://states.eu-west-1.amazonaws.com/"),
        ("cn-north-1", "https://states.cn-north-1.amazonaws.com.cn/"),
        ("cn-northwest-1", "https://states.cn-northwest-1.amazonaws.com.cn/"),
        ("us-gov-west-1", "https://states.us-gov-west-1.amazonaws.com/"),
        ("us-iso-east-1", "https://states.us-iso-east-1.c2s.ic.gov/"),
        ("us-isob-east-1", "https://states.us-isob-east-1.sc2s.sgov.gov/"),
    ])
    func awsRegionalEndpoints(_ region: String, _ url: String) throws {
        let endpoint = try StepFunctionsEndpoint.aws(region: region)
        #expect(endpoint.url == url)
        #expect(endpoint.region == region)
        #expect(endpoint.port == nil)
    }

    @Test(arguments: [
        ("http://127.0.0.1:8083", "127.0.0.1", 8083, "/", "127.0.0.1:8083", "http://127.0.0.1:8083/"),
        ("http://localhost:4566/", "localhost", 4566, "/", "localhost:4566", "http://localhost:4566/"),
        ("HTTPS://sfn.example.test/api?x=1", "sfn.example.test", nil, "/api", "sfn.example.test", "https://sfn.example.test/api"),
        ("https://sfn.example.test:443", "sfn.example.test", 443, "/", "sfn.example.test", "https://sfn.example.test/"),
        ("http://[::1]:9000", "[::1]", 9000, "/", "[::1]:9000", "http://[::1]:9000/"),
        ("http://[::1]", "[::1]", nil, "/", "[::1]", "http://[::1]/"),
    ] as [(String, String, Int?, String, String, String)])
    func customEndpoints(_ text: String, _ host: String, _ port: Int?, _ path: String, _ hostHeader: String, _ url: String)
        throws
    {
        let endpoint = try StepFunctionsEndpoint.custom(url: text, region: "us-east-1")
        #expect(endpoint.host == host)
        #expect(endpoint.port == port)
        #expect(endpoint.path == path)
        #expect(endpoint.hostHeader == hostHeader)
        #expect(endpoint.url == url)
    }

    @Test(arguments: ["127.0.0.1:8083", "ftp://host", "http://", "http://host:0", "http://host:99999", "http://user@host", "http://host:x"])
    func rejectsBadEndpoints(_ text: String) {
        #expect {
            try StepFunctionsEndpoint.custom(url: text, region: "us-east-1")
        } throws: { ($0 as? AWSClientError)?.kind == .invalidEndpoint && "\($0)".contains(text) }
    }

    @Test(arguments: ["", "US-EAST-1", "us-east-1.evil.com/", "-us", "eu west"])
    func rejectsBadRegions(_ region: String) {
        #expect { try StepFunctionsEndpoint.aws(region: region) } throws: { ($0 as? AWSClientError)?.kind == .invalidRegion }
    }

    @Test func targetsResolveCredentialsAndRegion() throws {
        let environment = AWSEnvironment(
            variables: ["AWS_ACCESS_KEY_ID": "AKIDENV", "AWS_SECRET_ACCESS_KEY": "s", "AWS_REGION": "eu-west-3"],
            homeDirectory: nil)
        let aws = try StepFunctionsTarget.aws().resolve(in: environment)
        #expect(aws.endpoint.url == "https://states.eu-west-3.amazonaws.com/")
        #expect(aws.credentials.accessKeyID == "AKIDENV")
        let overridden = try StepFunctionsTarget.aws(region: "ap-northeast-1").resolve(in: environment)
        #expect(overridden.endpoint.region == "ap-northeast-1")
    }

    @Test func emulatorTargetsNeedNoCredentialsOrRegion() throws {
        let empty = AWSEnvironment(variables: [:], homeDirectory: nil)
        let local = try StepFunctionsTarget.endpoint(url: "http://127.0.0.1:8083").resolve(in: empty)
        #expect(local.credentials == .emulator)
        #expect(local.endpoint.region == "us-east-1")
        #expect(throws: AWSClientError.self) { try StepFunctionsTarget.aws().resolve(in: empty) }
        do {
            _ = try StepFunctionsTarget.aws(region: "us-east-1").resolve(in: empty)
            Issue.record("expected noCredentials")
        } catch {
            #expect(error.kind == .noCredentials)
        }
    }
}
