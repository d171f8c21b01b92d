import Server
import Testing

@Suite struct ServerConfigurationTests {
    @Test func defaultsAreStepFunctionsLocalsPortOnLoopback() {
        let configuration = ServerConfiguration()
        #expect(configuration.host == "127.0.0.1")
        #expect(configuration.port == 8083)
        #expect(configuration.maxRequestBodySize == 1_048_576)
    }

    @Test func environmentOverridesHostAndPort() throws {
        let configuration = try ServerConfiguration(environment: [
            "SFN_SERVE_HOST": "0.0.0.0", "SFN_SERVE_PORT": "9000", "UNRELATED": "x",
        ])
        #expect(configuration.host == "0.0.0.0")
        #expect(configuration.port == 9000)
    }

    @Test func unsetOrEmptyVariablesKeepTheBase() throws {
        let base = ServerConfiguration(host: "::1", port: 0)
        #expect(try ServerConfiguration(environment: [:], base: base) == base)
        #expect(try ServerConfiguration(environment: ["SFN_SERVE_PORT": "", "SFN_SERVE_HOST": ""], base: base) == base)
    }

    @Test(arguments: ["http", "-1", "65536", "80 ", "0x50", "1e3", "999999"])
    func invalidPortsAreRefusedNamingTheValue(port: String) {
        #expect {
            try ServerConfiguration(environment: ["SFN_SERVE_PORT": port])
        } throws: { error in
            guard let error = error as? ServerError else { return false }
            return error.kind == .invalidPort && error.message.contains("'\(port)'")
                && error.message.contains("SFN_SERVE_PORT")
        }
    }

    @Test(arguments: ["0", "8083", "65535"])
    func portsFromZeroTo65535AreAccepted(port: String) throws {
        #expect(try ServerConfiguration(environment: ["SFN_SERVE_PORT": port]).port == Int(port))
    }

    @Test(arguments: ["http://localhost", "local host", "host/path", "user@host"])
    func hostsWithSchemesPathsOrSpacesAreRefused(host: String) {
        #expect {
            try ServerConfiguration(environment: ["SFN_SERVE_HOST": host])
        } throws: { error in
            (error as? ServerError)?.kind == .invalidHost
        }
    }

    @Test func endpointURLsBracketIPv6Hosts() {
        #expect(ServerAddress(host: "127.0.0.1", port: 8083).endpointURL == "http://127.0.0.1:8083")
        #expect(ServerAddress(host: "::1", port: 8083).endpointURL == "http://[::1]:8083")
    }
}
