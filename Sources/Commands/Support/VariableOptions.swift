import ArgumentParser
import JSONValue

/// `--var key=value`, repeatable: overrides a variable (or `region`, `account`, `alias`,
/// `naming`, `role`) for this run only.
///
/// The value is read as JSON when it is valid JSON (`5`, `true`, `["a"]`, `{"k": 1}`,
/// `"quoted"`), and as a plain string otherwise (`us-west-2`), so the common cases need
/// no quoting in a shell.
struct VariableOptions: ParsableArguments {
    @Option(name: .customLong("var"), help: ArgumentHelp(
        "Override a variable for this run: key=value (value read as JSON when it is JSON, else as a string).",
        valueName: "key=value"))
    var assignments: [String] = []

    func overrides() throws(CommandFailure) -> [String: JSON] {
        var result: [String: JSON] = [:]
        for assignment in assignments {
            guard let equals = assignment.firstIndex(of: "="), equals != assignment.startIndex else {
                throw CommandFailure(message: "--var '\(assignment)' is not key=value (for example --var region=us-west-2)")
            }
            let key = String(assignment[..<equals])
            let text = String(assignment[assignment.index(after: equals)...])
            result[key] = (try? JSON.parse(text)) ?? .string(text)
        }
        return result
    }
}
