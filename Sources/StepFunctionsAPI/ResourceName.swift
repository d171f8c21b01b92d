/// The rules AWS applies to the names users choose, with AWS's errors, so every implementation
/// accepts and refuses the same names.
///
/// State machines, executions and activities: 1–80 characters, none of them whitespace, a bracket
/// (`< > { } [ ]`), a wildcard (`? *`), one of `" # % \ ^ | ~ ` $ & , ; : /`, or a control
/// character (U+0000–U+001F, U+007F–U+009F). Aliases are stricter: letters, digits, `_ - .`, and at
/// least one character that is not a digit (so an alias never reads as a version number).
public enum ResourceName {
    public static let maximumLength = 80

    /// The characters AWS forbids in state machine, execution and activity names, besides
    /// whitespace and control characters.
    static let forbidden: Set<Character> = [
        "<", ">", "{", "}", "[", "]", "?", "*", "\"", "#", "%", "\\", "^", "|", "~", "`", "$", "&", ",",
        ";", ":", "/",
    ]

    /// Checks a state machine, execution or activity name. A name of the wrong length is a
    /// `ValidationException` (AWS checks lengths before it reads the name), a forbidden character
    /// an `InvalidName`.
    public static func validate(_ name: String, field: String = "name") throws(StepFunctionsError) {
        try checkLength(name, field: field)
        if name.unicodeScalars.contains(where: isForbidden) {
            throw .invalidName(name)
        }
    }

    /// Checks an alias name against AWS's pattern `^(?=.*[a-zA-Z_\-\.])[a-zA-Z0-9_\-\.]+$`.
    public static func validateAlias(_ name: String, field: String = "name") throws(StepFunctionsError) {
        try checkLength(name, field: field)
        let allowed = name.unicodeScalars.allSatisfy { scalar in
            scalar.isASCII && (isASCIIAlphanumeric(scalar) || "_-.".unicodeScalars.contains(scalar))
        }
        let hasNonDigit = name.unicodeScalars.contains { !("0"..."9").contains($0) }
        guard allowed, hasNonDigit else {
            throw .validation(
                value: name, at: field,
                constraint: #"Member must satisfy regular expression pattern: ^(?=.*[a-zA-Z_\-\.])[a-zA-Z0-9_\-\.]+$"#)
        }
    }

    /// Whether `name` is a valid state machine, execution or activity name.
    public static func isValid(_ name: String) -> Bool {
        (try? validate(name)) != nil
    }

    private static func checkLength(_ name: String, field: String) throws(StepFunctionsError) {
        if name.isEmpty {
            throw .validation(value: name, at: field, constraint: "Member must have length greater than or equal to 1")
        }
        if name.count > maximumLength {
            throw .validation(
                value: name, at: field,
                constraint: "Member must have length less than or equal to \(maximumLength)")
        }
    }

    private static func isForbidden(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.properties.isWhitespace { return true }
        if scalar.value <= 0x1F || (0x7F...0x9F).contains(scalar.value) { return true }
        return forbidden.contains(Character(scalar))
    }

    private static func isASCIIAlphanumeric(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
    }
}
