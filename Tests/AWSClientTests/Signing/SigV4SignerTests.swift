import AWSClient
import Foundation
import Testing

/// Every vector of AWS's SigV4 test suites, each step compared byte for byte: canonical request,
/// string to sign, signature and `Authorization`. Skipped when ../shared is absent.
@Suite struct SigV4SignerTests {
    typealias Vectors = SigV4TestVectors

    @Test(
        .enabled(if: !Vectors.classicCases.isEmpty, "../shared/testdata/sigv4 is not present"),
        arguments: Vectors.classicCases)
    func classicVector(_ path: String) throws {
        let folder = Vectors.classicRoot.appendingPathComponent(path)
        let name = (path as NSString).lastPathComponent
        func expected(_ ext: String) throws -> String { try Vectors.text(folder.appendingPathComponent("\(name).\(ext)")) }
        var request = try Vectors.parseRequest(try expected("req"))
        let canonical = try expected("creq")

        // The token is in the .creq only for get-vanilla-with-session-token (botocore reads it
        // from there too); the STS cases carry it in the .req, and "after" adds it unsigned.
        var token = request.header("X-Amz-Security-Token")
        if token == nil, let line = canonical.split(separator: "\n").first(where: { $0.hasPrefix("x-amz-security-token:") }) {
            token = String(line.dropFirst("x-amz-security-token:".count))
        }
        var signer = SigV4Signer(
            credentials: AWSCredentials(
                accessKeyID: Vectors.accessKeyID, secretAccessKey: Vectors.secretAccessKey, sessionToken: token),
            region: "us-east-1", service: "service")
        if name == "post-sts-header-after" {
            signer.credentials.sessionToken = "token-added-after-signing"
            signer.omitsSessionToken = true
        }
        let result = signer.sign(&request, at: Vectors.date)
        #expect(result.canonicalRequest == canonical)
        #expect(result.stringToSign == (try expected("sts")))
        #expect(request.header("Authorization") == (try expected("authz")))
        if name == "post-sts-header-after" {
            #expect(request.header("X-Amz-Security-Token") == "token-added-after-signing")
        }
    }

    @Test(
        .enabled(if: !Vectors.currentCases.isEmpty, "../shared/testdata/sigv4 is not present"),
        arguments: Vectors.currentCases)
    func headerSignedVector(_ name: String) throws {
        let (signer, request) = try setUp(name)
        var signed = request
        let result = signer.sign(&signed, at: Vectors.date)
        let folder = Vectors.currentRoot.appendingPathComponent(name)
        #expect(result.canonicalRequest == (try Vectors.text(folder.appendingPathComponent("header-canonical-request.txt"))))
        #expect(result.stringToSign == (try Vectors.text(folder.appendingPathComponent("header-string-to-sign.txt"))))
        #expect(result.signature == (try Vectors.text(folder.appendingPathComponent("header-signature.txt"))))
        let signedRequest = try Vectors.text(folder.appendingPathComponent("header-signed-request.txt"))
        #expect(signed.header("Authorization") == Vectors.authorization(inSignedRequest: signedRequest))
    }

    @Test(
        .enabled(if: !Vectors.currentCases.isEmpty, "../shared/testdata/sigv4 is not present"),
        arguments: Vectors.currentCases)
    func querySignedVector(_ name: String) throws {
        var (signer, request) = try setUp(name)
        let folder = Vectors.currentRoot.appendingPathComponent(name)
        let context = try context(name)
        signer.signsContentHash = false  // query signing hashes the body but adds no header
        let result = signer.presign(&request, at: Vectors.date, expires: context.expiration_in_seconds)
        #expect(result.canonicalRequest == (try Vectors.text(folder.appendingPathComponent("query-canonical-request.txt"))))
        #expect(result.stringToSign == (try Vectors.text(folder.appendingPathComponent("query-string-to-sign.txt"))))
        let signature = try Vectors.text(folder.appendingPathComponent("query-signature.txt"))
        #expect(result.signature == signature)
        #expect(request.query.hasSuffix("X-Amz-Signature=\(signature)"))
    }

    private func context(_ name: String) throws -> Vectors.Context {
        let data = try Data(contentsOf: Vectors.currentRoot.appendingPathComponent("\(name)/context.json"))
        return try JSONDecoder().decode(Vectors.Context.self, from: data)
    }

    private func setUp(_ name: String) throws -> (SigV4Signer, SigV4Request) {
        let context = try context(name)
        #expect(context.timestamp == "2015-08-30T12:36:00Z")
        var signer = SigV4Signer(
            credentials: AWSCredentials(
                accessKeyID: context.credentials.access_key_id, secretAccessKey: context.credentials.secret_access_key,
                sessionToken: context.credentials.token),
            region: context.region, service: context.service)
        signer.normalizesPath = context.normalize
        signer.signsContentHash = context.sign_body
        signer.omitsSessionToken = context.omit_session_token ?? false
        let request = try Vectors.parseRequest(
            try Vectors.text(Vectors.currentRoot.appendingPathComponent("\(name)/request.txt")))
        return (signer, request)
    }
}
