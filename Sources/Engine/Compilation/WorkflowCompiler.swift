import ASLModel
import Intrinsics
import JSONPath
import JSONValue
import Validation

/// Turns a `ValidatedWorkflow` into `CompiledMachine`s, once per workflow.
///
/// Paths and payload expressions come from `ValidatedWorkflow.expressions` (parsed by
/// validation), found by the JSON pointer of the field that holds them. The raw
/// document is read only where the model keeps no trace of a spelling the engine
/// needs (a Map's `Iterator` vs `ItemProcessor`, `Parameters` vs `ItemSelector`).
struct WorkflowCompiler {
    let expressions: CompiledExpressions
    let document: JSON

    func machine(_ machine: StateMachine, at pointer: JSONPointer) -> CompiledMachine {
        var indexes: [String: Int] = [:]
        for (i, name) in machine.stateNames.enumerated() { indexes[name] = i }
        let statesPointer = pointer.appending("States")
        var states: [CompiledState] = []
        states.reserveCapacity(machine.stateNames.count)
        for name in machine.stateNames {
            guard let state = machine.states[name] else { continue }
            states.append(compile(state, at: statesPointer.appending(name), indexes: indexes))
        }
        return CompiledMachine(
            states: states, startIndex: indexes[machine.startAt] ?? 0, timeoutSeconds: machine.timeoutSeconds)
    }

    private func compile(_ state: State, at pointer: JSONPointer, indexes: [String: Int]) -> CompiledState {
        let io = state.common.io
        var readsContext = false
        func pathField(_ value: PathValue?, _ field: String) -> PathField {
            switch value {
            case nil: return .absent
            case .null: return .null
            case .path(let text):
                let path = self.path(text, at: pointer.appending(field))
                if path.isContextPath { readsContext = true }
                return .path(path)
            }
        }
        func templateField(_ value: JSON?, _ field: String) -> PayloadTemplate? {
            guard let value else { return nil }
            let t = template(value, at: pointer.appending(field))
            if t.readsContext { readsContext = true }
            return t
        }
        let inputPath = pathField(io.inputPath, "InputPath")
        let outputPath = pathField(io.outputPath, "OutputPath")
        let resultPath = pathField(io.resultPath, "ResultPath")
        var parameters = templateField(io.parameters, "Parameters")
        let resultSelector = templateField(io.resultSelector, "ResultSelector")
        let assign = templateField(io.assign, "Assign")
        var retriers: [Retrier] = []
        var catchers: [Catcher] = []
        let kind: CompiledState.Kind
        switch state {
        case .pass(let s):
            kind = .pass(result: s.result)
        case .succeed:
            kind = .succeed
        case .fail(let s):
            func field(_ setting: StringSetting?, _ name: String) -> StringField? {
                switch setting {
                case nil: return nil
                case .value(let text): return .literal(text)
                case .path(let text):
                    if text.contains("$$") { readsContext = true }
                    return .expression(payload(text, at: pointer.appending(name)), field: name)
                }
            }
            kind = .fail(error: field(s.error, "ErrorPath"), cause: field(s.cause, "CausePath"))
        case .task(let s):
            retriers = s.retry
            catchers = s.catch
            kind = .task(CompiledTask(
                resource: s.resource, timeout: number(s.timeout, "TimeoutSecondsPath", at: pointer),
                heartbeat: number(s.heartbeat, "HeartbeatSecondsPath", at: pointer), pattern: s.integrationPattern))
        case .wait(let s):
            switch s.duration {
            case .seconds(.path(let text)):
                let p = path(text, at: pointer.appending("SecondsPath"))
                if p.isContextPath { readsContext = true }
                kind = .wait(.secondsPath(p))
            case .seconds(let setting):
                kind = .wait(.seconds(Int64(setting.integerValue ?? 0)))
            case .timestamp(let text):
                kind = .wait(.timestamp(Timestamp(iso8601: text) ?? Timestamp(millisecondsSinceEpoch: 0)))
            case .timestampPath(let text):
                let p = path(text, at: pointer.appending("TimestampPath"))
                if p.isContextPath { readsContext = true }
                kind = .wait(.timestampPath(p))
            case .timestampExpression:
                kind = .wait(.seconds(0))
            }
        case .choice(let s):
            var branches: [(rule: CompiledRule, next: Int, assign: PayloadTemplate?)] = []
            for (i, branch) in s.choices.enumerated() {
                let rulePointer = pointer.appending("Choices").appending(i)
                let compiled = rule(branch.rule, at: rulePointer)
                if compiled.readsContext { readsContext = true }
                let branchAssign = branch.assign.map { template($0, at: rulePointer.appending("Assign")) }
                branches.append((compiled, indexes[branch.next] ?? 0, branchAssign))
            }
            kind = .choice(branches: branches, defaultIndex: s.defaultState.flatMap { indexes[$0] })
        case .parallel(let s):
            retriers = s.retry
            catchers = s.catch
            let branches = s.branches.enumerated().map { i, branch in
                machine(branch, at: pointer.appending("Branches").appending(i))
            }
            kind = .parallel(branches: branches)
        case .map(let s):
            retriers = s.retry
            catchers = s.catch
            let raw = pointer.resolve(in: document)
            let processorKey = raw?["ItemProcessor"] != nil ? "ItemProcessor" : "Iterator"
            let selectorKey = raw?["ItemSelector"] != nil ? "ItemSelector" : "Parameters"
            var itemsPath = PathField.absent
            if let text = s.itemsPath {
                itemsPath = .path(path(text, at: pointer.appending("ItemsPath")))
                if text.hasPrefix("$$") { readsContext = true }
            }
            let batcher = raw?["ItemBatcher"]
            var batchMaxItems: Int?
            if case .number(let n)? = batcher?["MaxItemsPerBatch"], let v = n.int64Value { batchMaxItems = Int(v) }
            if batcher != nil, batchMaxItems == nil { batchMaxItems = Int.max }
            let batchInput = batcher?["BatchInput"].map { template($0, at: pointer.appending("ItemBatcher").appending("BatchInput")) }
            if selectorKey == "Parameters" { parameters = nil }
            kind = .map(CompiledMap(
                processor: machine(s.itemProcessor, at: pointer.appending(processorKey)),
                itemsPath: itemsPath,
                itemSelector: s.itemSelector.map { template($0, at: pointer.appending(selectorKey)) },
                maxConcurrency: number(s.maxConcurrency, "MaxConcurrencyPath", at: pointer),
                toleratedFailurePercentage: number(s.toleratedFailurePercentage, "ToleratedFailurePercentagePath", at: pointer),
                toleratedFailureCount: number(s.toleratedFailureCount, "ToleratedFailureCountPath", at: pointer),
                distributed: s.processorConfig.mode == .distributed, batchMaxItems: batchMaxItems, batchInput: batchInput,
                distributedConfig: s.processorConfig.mode == .distributed
                    ? DistributedMapConfig(s, readerParameters: s.itemReader?["Parameters"].map {
                        template($0, at: pointer.appending("ItemReader").appending("Parameters"))
                    }, batcherPath: { path($0, at: pointer.appending("ItemBatcher").appending($1)) }) : nil))
        }
        let compiledCatchers = catchers.enumerated().map { i, catcher in
            let catcherPointer = pointer.appending("Catch").appending(i)
            var resultPath = PathField.absent
            switch catcher.resultPath {
            case nil: resultPath = .absent
            case .null: resultPath = .null
            case .path(let text): resultPath = .path(path(text, at: catcherPointer.appending("ResultPath")))
            }
            return CompiledCatcher(
                errorEquals: catcher.errorEquals, next: indexes[catcher.next] ?? 0, resultPath: resultPath,
                assign: catcher.assign.map { template($0, at: catcherPointer.appending("Assign")) })
        }
        return CompiledState(
            name: state.name, typeName: state.typeName, kind: kind, next: state.transition?.next.flatMap { indexes[$0] },
            inputPath: inputPath, outputPath: outputPath, resultPath: resultPath, parameters: parameters,
            resultSelector: resultSelector, assign: assign, retriers: retriers, catchers: compiledCatchers,
            readsContext: readsContext,
            readsOnlyStateContext: readsContext && Self.readsOnlyStateContext(pointer.resolve(in: document)))
    }

    private static func occurrences(of needle: String, in text: String) -> Int {
        let n = Array(needle.utf8), t = Array(text.utf8)
        guard t.count >= n.count else { return 0 }
        var count = 0, i = 0
        while i <= t.count - n.count {
            if t[i..<(i + n.count)].elementsEqual(n) {
                count += 1
                i += n.count
            } else {
                i += 1
            }
        }
        return count
    }

    /// Whether every `$$` in the state's own strings (not its branches' or item
    /// processor's) starts `$$.State.`.
    static func readsOnlyStateContext(_ value: JSON?) -> Bool {
        switch value {
        case .string(let text)?:
            return occurrences(of: "$$", in: text) == occurrences(of: "$$.State.", in: text)
        case .array(let items)?:
            return items.allSatisfy { readsOnlyStateContext($0) }
        case .object(let object)?:
            for (key, member) in object where !["Branches", "ItemProcessor", "Iterator"].contains(key) {
                if !readsOnlyStateContext(member) { return false }
            }
            return true
        default:
            return true
        }
    }

    private func number(_ setting: NumberSetting?, _ pathField: String, at pointer: JSONPointer) -> NumberField {
        switch setting {
        case nil, .expression: return .absent
        case .value(let v): return .value(v)
        case .path(let text): return .path(path(text, at: pointer.appending(pathField)), field: pathField)
        }
    }

    private func rule(_ rule: ChoiceRule, at pointer: JSONPointer) -> CompiledRule {
        switch rule {
        case .and(let rules):
            return .and(rules.enumerated().map { self.rule($1, at: pointer.appending("And").appending($0)) })
        case .or(let rules):
            return .or(rules.enumerated().map { self.rule($1, at: pointer.appending("Or").appending($0)) })
        case .not(let inner):
            return .not(self.rule(inner, at: pointer.appending("Not")))
        case .comparison(let c):
            let variable = path(c.variable, at: pointer.appending("Variable"))
            let test = ChoiceTest(name: c.operator.name) ?? .isPresent
            var operand = ChoiceOperand.literal(c.operand)
            if c.operator.isPath, case .string(let text) = c.operand {
                operand = .path(FastPath(path(text, at: pointer.appending(c.operator.name))))
            }
            return .compare(variable: FastPath(variable), test: test, operand: operand)
        case .condition:
            return .and([])
        }
    }

    /// A payload template: literal where nothing below is dynamic.
    func template(_ value: JSON, at pointer: JSONPointer) -> PayloadTemplate {
        switch value {
        case .object(let object):
            var members: [PayloadTemplate.Member] = []
            var dynamic = false
            for (key, member) in object {
                if key.hasSuffix(".$"), case .string(let text) = member {
                    dynamic = true
                    let expression = payload(text, at: pointer.appending(key))
                    members.append(.init(
                        key: String(key.dropLast(2)),
                        value: .expression(PayloadTemplate.TemplateExpression(expression, field: key))))
                } else {
                    let inner = template(member, at: pointer.appending(key))
                    if case .literal = inner {} else { dynamic = true }
                    members.append(.init(key: key, value: .template(inner)))
                }
            }
            let keys = members.map(\.key)
            return dynamic ? .object(members, keys: Set(keys).count == keys.count ? keys : nil) : .literal(value)
        case .array(let items):
            let compiled = items.enumerated().map { template($1, at: pointer.appending($0)) }
            if compiled.allSatisfy({ if case .literal = $0 { true } else { false } }) { return .literal(value) }
            return .array(compiled)
        default:
            return .literal(value)
        }
    }

    private func path(_ text: String, at pointer: JSONPointer) -> JSONPath {
        if let parsed = expressions.paths[pointer] { return parsed }
        if case .path(let parsed)? = expressions.payloads[pointer] { return parsed }
        // Validation parsed every path it accepted; this parse only serves models built by hand.
        return (try? JSONPath.parse(text)) ?? JSONPath(text: text, root: .input, segments: [])
    }

    private func payload(_ text: String, at pointer: JSONPointer) -> PayloadExpression {
        if let parsed = expressions.payloads[pointer] { return parsed }
        if let parsed = expressions.paths[pointer] { return .path(parsed) }
        return (try? PayloadExpression.parse(text)) ?? .path(JSONPath(text: text, root: .input, segments: []))
    }
}

extension CompiledRule {
    var readsContext: Bool {
        switch self {
        case .and(let rules), .or(let rules): rules.contains(where: \.readsContext)
        case .not(let rule): rule.readsContext
        case .compare(let variable, _, let operand):
            variable.path.isContextPath || { if case .path(let p) = operand { p.path.isContextPath } else { false } }()
        }
    }
}
