import AWSClient
import Foundation

/// Reads AWS's SigV4 test suites from ../shared/testdata/sigv4 (see the README there): the
/// classic `aws-sig-v4-test-suite` and the current `aws-signing-test-suite/v4`.
enum SigV4TestVectors {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("../shared/testdata/sigv4").standardizedFileURL

    static let classicRoot = root.appendingPathComponent("aws-sig-v4-test-suite")
    static let currentRoot = root.appendingPathComponent("aws-signing-test-suite/v4")

    /// The suites' request time, 2015-08-30T12:36:00Z.
    static let date = Date(timeIntervalSince1970: 1_440_938_160)
    static let accessKeyID = "AKIDEXAMPLE"
    static let secretAccessKey = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"

    /// Classic case paths relative to the suite (`get-vanilla`, `normalize-path/get-slash`), found
    /// as the folders holding a `<name>.req`.
    static let classicCases: [String] = {
        guard let enumerator = FileManager.default.enumerator(atPath: classicRoot.path) else { return [] }
        var cases: [String] = []
        while let path = enumerator.nextObject() as? String {
            if path.hasSuffix(".req") { cases.append((path as NSString).deletingLastPathComponent) }
        }
        return cases.sorted()
    }()

    /// Current-format case names (folders holding a `context.json`).
    static let currentCases: [String] = {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: currentRoot.path)) ?? []
        return names.filter {
            FileManager.default.fileExists(atPath: currentRoot.appendingPathComponent("\($0)/context.json").path)
        }.sorted()
    }()

    static func text(_ url: URL) throws -> String {
        try String(contentsOf: url, encoding: .utf8)
    }

    /// Parses a raw request: `METHOD target HTTP/1.1`, `Name:value` lines (an indented line
    /// continues the previous value, as obs-fold does), a blank line, the body. The target is
    /// everything between the first and last space, since `get-space` has a space in its path.
    static func parseRequest(_ text: String) throws -> SigV4Request {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let requestLine = lines.removeFirst()
        guard let firstSpace = requestLine.firstIndex(of: " "), let lastSpace = requestLine.lastIndex(of: " ") else {
            throw VectorError("bad request line '\(requestLine)'")
        }
        let method = String(requestLine[..<firstSpace])
        let target = String(requestLine[requestLine.index(after: firstSpace)..<lastSpace])
        var request = SigV4Request(method: method)
        if let question = target.firstIndex(of: "?") {
            request.path = String(target[..<question])
            request.query = String(target[target.index(after: question)...])
        } else {
            request.path = target
        }
        while !lines.isEmpty {
            let line = lines.removeFirst()
            if line.isEmpty { break }
            if line.first == " " || line.first == "\t", !request.headers.isEmpty {
                request.headers[request.headers.count - 1].value += "\n" + line
                continue
            }
            guard let colon = line.firstIndex(of: ":") else { throw VectorError("bad header line '\(line)'") }
            request.headers.append(.init(String(line[..<colon]), String(line[line.index(after: colon)...])))
        }
        request.body = Array(lines.joined(separator: "\n").utf8)
        return request
    }

    /// The `Authorization:` value in a signed request file.
    static func authorization(inSignedRequest text: String) -> String? {
        text.split(separator: "\n").first { $0.hasPrefix("Authorization:") }.map { String($0.dropFirst("Authorization:".count)) }
    }

    /// `context.json` of a current-format case.
    struct Context: Decodable {
        struct Credentials: Decodable {
            var access_key_id: String
            var secret_access_key: String
            var token: String?
        }
        var credentials: Credentials
        var expiration_in_seconds: Int
        var normalize: Bool
        var region: String
        var service: String
        var sign_body: Bool
        var timestamp: String
        var omit_session_token: Bool?
    }

    struct VectorError: Error, CustomStringConvertible {
        var description: String
        init(_ description: String) { self.description = description }
    }
}
