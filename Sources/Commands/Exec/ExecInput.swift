import Foundation
import JSONValue

/// Where `sfn exec` reads the execution input from: `--input JSON`, `--input @file`,
/// `--input -` (stdin), or `{}` when none is given. The text is checked to be JSON here,
/// so a typo is reported with its position before anything runs.
struct ExecInput {
    let argument: String?
    var readStandardInput: () -> Data? = { try? FileHandle.standardInput.readToEnd() }

    func text() throws -> String {
        let text = try raw()
        do {
            _ = try JSON.parse(text)
        } catch {
            throw CommandFailure(
                message: "the input is not JSON: \(error.message) at line \(error.location.line), column \(error.location.column)")
        }
        return text
    }

    private func raw() throws -> String {
        guard let argument else { return "{}" }
        if argument == "-" {
            guard let data = readStandardInput(), let text = String(data: data, encoding: .utf8) else {
                throw CommandFailure(message: "cannot read the input from stdin")
            }
            return text
        }
        if argument.hasPrefix("@") {
            let path = String(argument.dropFirst())
            guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8)
            else { throw CommandFailure(message: "cannot read the input file '\(path)'") }
            return text
        }
        return argument
    }
}
