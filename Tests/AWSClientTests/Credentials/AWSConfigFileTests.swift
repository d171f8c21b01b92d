import AWSClient
import Testing

/// The shared-file grammar, as the AWS CLI (botocore over `configparser`) reads it.
@Suite struct AWSConfigFileTests {
    @Test func readsSectionsKeysCommentsAndWhitespace() throws {
        let text = """
            # a comment
            ; another comment
            [default]
            aws_access_key_id = AKIDDEFAULT
            AWS_Secret_Access_Key=secret#with;hash
              \t
            [ profile  dev ]
            region: eu-west-1
            output =   json\u{20}\u{20}
            s3 =
              max_concurrent_requests = 10
              max_queue_size = 100
            [profile empty]\r
            """
        let file = try AWSConfigFile(parsing: text, path: "/tmp/config")
        #expect(file.sections["default"] == ["aws_access_key_id": "AKIDDEFAULT", "aws_secret_access_key": "secret#with;hash"])
        #expect(file.sections["profile  dev"]?["region"] == "eu-west-1")
        #expect(file.sections["profile  dev"]?["output"] == "json")
        #expect(file.sections["profile  dev"]?["s3"] == "max_concurrent_requests = 10\nmax_queue_size = 100")
        #expect(file.sections["profile empty"] == [:])
        #expect(file.profile("dev", isConfigFile: true)?["region"] == "eu-west-1")
        #expect(file.profile("default", isConfigFile: true)?["aws_access_key_id"] == "AKIDDEFAULT")
        #expect(file.profile("dev", isConfigFile: false) == nil)
        #expect(file.profile("empty", isConfigFile: true) == [:])
    }

    @Test func laterSectionsAndKeysWin() throws {
        let file = try AWSConfigFile(parsing: "[a]\nx = 1\ny = 2\n[a]\nx = 3\n", path: "f")
        #expect(file.sections["a"] == ["x": "3", "y": "2"])
    }

    @Test func profilePrefixBeatsPlainDefault() throws {
        let file = try AWSConfigFile(parsing: "[default]\nregion = a\n[profile default]\nregion = b\n", path: "f")
        #expect(file.profile("default", isConfigFile: true)?["region"] == "b")
    }

    @Test(arguments: [
        ("key = value\n", 1, "before the first [section]"),
        ("[default]\n[broken\n", 2, "closing ']'"),
        ("[default]\nAKIDSECRETLINE\n", 2, "not 'key = value'"),
        ("[default]\n= value\n", 2, "without a name"),
        ("[]\n", 1, "empty section name"),
    ])
    func reportsMalformedLinesByNumberOnly(_ text: String, _ line: Int, _ fragment: String) {
        #expect {
            try AWSConfigFile(parsing: text, path: "/home/me/.aws/credentials")
        } throws: { error in
            guard let error = error as? AWSClientError else { return false }
            return error.kind == .malformedFile && error.message.hasPrefix("/home/me/.aws/credentials:\(line): ")
                && error.message.contains(fragment) && !error.message.contains("AKIDSECRETLINE")
        }
    }
}
