import StepFunctionsAPI
import Testing

@Suite struct ResourceNameTests {
    @Test(arguments: ["HelloWorld", "order-processing_v2.1", "Ünïcode", "a", String(repeating: "x", count: 80), "123"])
    func acceptsNames(name: String) throws {
        try ResourceName.validate(name)
        #expect(ResourceName.isValid(name))
    }

    @Test(arguments: [
        "with space", "tab\there", "a<b", "{x}", "[x]", "what?", "star*", "quote\"", "hash#", "pct%",
        "back\\slash", "caret^", "pipe|", "tilde~", "tick`", "dollar$", "amp&", "comma,", "semi;",
        "colon:", "slash/", "bell\u{07}", "del\u{7F}", "c1\u{85}",
    ])
    func refusesForbiddenCharactersWithInvalidName(name: String) {
        #expect {
            try ResourceName.validate(name)
        } throws: { error in
            let error = error as? StepFunctionsError
            return error?.code == .invalidName && error?.message == "Invalid Name: '\(name)'"
        }
    }

    @Test func refusesWrongLengthsWithValidationException() {
        let long = String(repeating: "x", count: 81)
        #expect {
            try ResourceName.validate(long)
        } throws: { error in
            (error as? StepFunctionsError)?.message
                == "1 validation error detected: Value '\(long)' at 'name' failed to satisfy constraint: Member must have length less than or equal to 80"
        }
        #expect {
            try ResourceName.validate("", field: "executionName")
        } throws: { error in
            (error as? StepFunctionsError)?.message
                == "1 validation error detected: Value '' at 'executionName' failed to satisfy constraint: Member must have length greater than or equal to 1"
        }
    }

    @Test(arguments: ["live", "prod-2", "v1.0", "_", "1a"])
    func acceptsAliasNames(name: String) throws {
        try ResourceName.validateAlias(name)
    }

    @Test(arguments: ["123", "has space", "ünï", "a:b", ""])
    func refusesAliasNames(name: String) {
        #expect {
            try ResourceName.validateAlias(name)
        } throws: { ($0 as? StepFunctionsError)?.code == .validationException }
    }
}
