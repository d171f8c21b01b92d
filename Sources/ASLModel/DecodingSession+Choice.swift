import JSONValue

extension DecodingSession {
    mutating func choice(_ object: JSONObject, common: StateCommon, at pointer: JSONPointer) -> State? {
        var branches: [ChoiceBranch] = []
        for (i, item) in (array(object, "Choices", at: pointer, required: true) ?? []).enumerated() {
            let p = pointer.appending("Choices").appending(i)
            guard let rule = self.object(item, field: "Choices", at: p) else { continue }
            let next = string(rule, "Next", at: p, required: true)
            guard let decoded = choiceRule(rule, at: p, language: common.queryLanguage), let next else { continue }
            branches.append(ChoiceBranch(rule: decoded, next: next, assign: rule["Assign"], output: rule["Output"]))
        }
        let defaultState = string(object, "Default", at: pointer)
        return .choice(ChoiceState(common: common, choices: branches, defaultState: defaultState))
    }

    mutating func choiceRule(_ object: JSONObject, at pointer: JSONPointer, language: QueryLanguage) -> ChoiceRule? {
        if language == .jsonata {
            guard let condition = object["Condition"] else {
                missing("Condition", in: pointer)
                return nil
            }
            return .condition(condition)
        }
        for combinator in ["And", "Or"] where object[combinator] != nil {
            var rules: [ChoiceRule] = []
            for (i, item) in (array(object, combinator, at: pointer) ?? []).enumerated() {
                let p = pointer.appending(combinator).appending(i)
                if let o = self.object(item, field: combinator, at: p), let r = choiceRule(o, at: p, language: language) {
                    rules.append(r)
                }
            }
            return combinator == "And" ? .and(rules) : .or(rules)
        }
        if let notValue = object["Not"] {
            let p = pointer.appending("Not")
            guard let o = self.object(notValue, field: "Not", at: p), let inner = choiceRule(o, at: p, language: language)
            else { return nil }
            return .not(inner)
        }
        guard let (name, operand) = object.first(where: { ChoiceOperator.all[$0.key] != nil }),
            let op = ChoiceOperator.all[name]
        else {
            missing("a comparison operator", in: pointer)
            return nil
        }
        guard let variable = string(object, "Variable", at: pointer, required: true) else { return nil }
        return .comparison(ChoiceComparison(variable: variable, operator: op, operand: operand))
    }
}
