import StepFunctionsAPI

/// The parts of `Authorization: AWS4-HMAC-SHA256 Credential=AKID/20261128/us-east-1/states/aws4_request,
/// SignedHeaders=host;x-amz-date;x-amz-target, Signature=<hex>`, checked for completeness.
///
/// Parsing never echoes the header back in an error: it carries a key id and a signature,
/// which do not belong in responses or logs.
struct SigV4AuthorizationHeader: Hashable, Sendable {
    var accessKeyID: String
    /// `yyyyMMdd`, the credential scope's date.
    var date: String
    var region: String
    var service: String
    /// Lowercased header names, in the order given.
    var signedHeaders: [String]
    /// Lowercase hex.
    var signature: String

    init(parsing text: String) throws(StepFunctionsError) {
        let algorithm = "AWS4-HMAC-SHA256"
        guard text.hasPrefix(algorithm + " ") else {
            throw .incompleteSignature(
                "Authorization header must start with '\(algorithm) ' (only Signature Version 4 is accepted).")
        }
        var parameters: [String: String] = [:]
        for part in text.dropFirst(algorithm.count + 1).split(separator: ",") {
            let pair = part.split(separator: "=", maxSplits: 1)
            guard pair.count == 2 else { continue }
            parameters[pair[0].trimmingSpaces] = pair[1].trimmingSpaces
        }
        let missing = ["Credential", "SignedHeaders", "Signature"].filter { parameters[$0, default: ""].isEmpty }
        guard missing.isEmpty, let credential = parameters["Credential"], let signedHeaders = parameters["SignedHeaders"],
            let signature = parameters["Signature"]
        else {
            throw .incompleteSignature(
                missing.map { "Authorization header requires '\($0)' parameter." }.joined(separator: " "))
        }
        let scope = credential.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        guard scope.count == 5, scope[4] == "aws4_request", !scope[0].isEmpty, scope[1].count == 8 else {
            throw .incompleteSignature(
                "Credential must have the form <access key id>/<yyyyMMdd>/<region>/<service>/aws4_request.")
        }
        accessKeyID = scope[0]
        date = scope[1]
        region = scope[2]
        service = scope[3]
        self.signedHeaders = signedHeaders.split(separator: ";").map { $0.lowercased() }
        self.signature = signature.lowercased()
    }
}

extension Substring {
    fileprivate var trimmingSpaces: String {
        String(drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
    }
}
