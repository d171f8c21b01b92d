import ASLModel
import Diagnostics
import JSONValue

/// A state's `Type` is one of the eight ASL state types, and a state is an object.
struct StateTypeRule: ValidationRule {
    static let unknownType = DiagnosticID("validation", "unknown-state-type")
    static let notObject = DiagnosticID("validation", "state-not-object")

    func check(_ context: inout ValidationContext) {
        for state in context.index.states {
            if let value = state.value["Type"], value.stringValue == nil {
                context.report(
                    Self.unknownType, code: AWSCode.schema, "\"Type\" must be a string, not \(value.typeName)",
                    at: state.pointer.appending("Type"))
            }
            guard let type = state.type, !State.typeNames.contains(type) else { continue }
            context.report(
                Self.unknownType, code: AWSCode.schema,
                "\"\(type)\" is not a state type; use one of \(State.typeNames.joined(separator: ", "))"
                    + Suggestion.didYouMean(type, in: State.typeNames),
                at: state.pointer.appending("Type"))
        }
        for scope in context.index.scopes {
            guard case .object(let states)? = scope.value["States"] else { continue }
            for (name, value) in states where value.objectValue == nil {
                context.report(
                    Self.notObject, code: AWSCode.schema, "state \"\(name)\" must be an object, not \(value.typeName)",
                    at: scope.pointer.appending("States").appending(name))
            }
        }
    }
}
