/// An AWS access key: the id, the secret, and the session token of temporary credentials.
///
/// The secret and the token never leave this value except into a signature: `description`,
/// `debugDescription` and the reflection `dump` uses all redact them, so logging a configuration
/// or printing an error that carries credentials cannot leak them. Only the last four
/// characters of the key id are shown (as `aws configure list` does), enough to tell keys apart.
public struct AWSCredentials: Hashable, Sendable {
    public var accessKeyID: String
    public var secretAccessKey: String
    public var sessionToken: String?
    /// Where these came from, for messages: `environment variables`, `profile 'dev' in /home/me/.aws/credentials`.
    public var source: String

    public init(accessKeyID: String, secretAccessKey: String, sessionToken: String? = nil, source: String = "explicit") {
        self.accessKeyID = accessKeyID
        self.secretAccessKey = secretAccessKey
        self.sessionToken = sessionToken
        self.source = source
    }

    /// Placeholder credentials for emulators (Step Functions Local, LocalStack, moto, `sfn serve`),
    /// which accept any key but still expect a signed request, as the SDKs send.
    public static let emulator = AWSCredentials(
        accessKeyID: "sfn-emulator", secretAccessKey: "sfn-emulator", source: "placeholder credentials for an emulator")

    /// The key id with all but its last four characters masked: `****************MPLE`.
    public var redactedAccessKeyID: String {
        guard accessKeyID.count > 4 else { return String(repeating: "*", count: accessKeyID.count) }
        return String(repeating: "*", count: accessKeyID.count - 4) + accessKeyID.suffix(4)
    }
}

extension AWSCredentials: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    public var description: String {
        "AWSCredentials(accessKeyID: \(redactedAccessKeyID), secretAccessKey: <redacted>"
            + (sessionToken == nil ? "" : ", sessionToken: <redacted>") + ", source: \(source))"
    }

    public var debugDescription: String { description }

    public var customMirror: Mirror {
        Mirror(
            self,
            children: [
                "accessKeyID": redactedAccessKeyID, "secretAccessKey": "<redacted>",
                "sessionToken": sessionToken == nil ? "nil" : "<redacted>", "source": source,
            ], displayStyle: .struct)
    }
}
