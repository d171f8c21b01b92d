import JSONValue

extension DecodingSession {
    mutating func state(name: String, _ value: JSON, at pointer: JSONPointer, inherited: QueryLanguage) -> State? {
        guard let object = object(value, field: name, at: pointer) else { return nil }
        var language = inherited
        if let raw = string(object, "QueryLanguage", at: pointer) {
            if let parsed = QueryLanguage(rawValue: raw) { language = parsed } else {
                invalid("QueryLanguage", at: pointer.appending("QueryLanguage"), expected: "\"JSONPath\" or \"JSONata\"")
            }
        }
        let io = StateIO(
            inputPath: path(object, "InputPath", at: pointer), outputPath: path(object, "OutputPath", at: pointer),
            resultPath: path(object, "ResultPath", at: pointer), parameters: object["Parameters"],
            resultSelector: object["ResultSelector"], arguments: object["Arguments"], output: object["Output"],
            assign: object["Assign"])
        let common = StateCommon(
            name: name, comment: string(object, "Comment", at: pointer), queryLanguage: language, io: io)
        guard let type = string(object, "Type", at: pointer, required: true) else { return nil }
        switch type {
        case "Task":
            let resource = string(object, "Resource", at: pointer, required: true)
            let timeout = setting(object, "TimeoutSeconds", pathKey: "TimeoutSecondsPath", at: pointer)
            let heartbeat = setting(object, "HeartbeatSeconds", pathKey: "HeartbeatSecondsPath", at: pointer)
            let retry = retriers(object, at: pointer)
            let catchers = catchers(object, at: pointer)
            guard let transition = transition(object, at: pointer), let resource else { return nil }
            return .task(TaskState(
                common: common, transition: transition, resource: resource, timeout: timeout, heartbeat: heartbeat,
                credentials: object["Credentials"], retry: retry, catch: catchers))
        case "Pass":
            guard let transition = transition(object, at: pointer) else { return nil }
            return .pass(PassState(common: common, transition: transition, result: object["Result"]))
        case "Succeed":
            return .succeed(SucceedState(common: common))
        case "Fail":
            var error: StringSetting?
            var cause: StringSetting?
            if let e = string(object, "Error", at: pointer) { error = .value(e) }
            else if let e = string(object, "ErrorPath", at: pointer) { error = .path(e) }
            if let c = string(object, "Cause", at: pointer) { cause = .value(c) }
            else if let c = string(object, "CausePath", at: pointer) { cause = .path(c) }
            return .fail(FailState(common: common, error: error, cause: cause))
        case "Wait":
            return wait(object, common: common, at: pointer)
        case "Choice":
            return choice(object, common: common, at: pointer)
        case "Parallel":
            var branches: [StateMachine] = []
            for (i, branch) in (array(object, "Branches", at: pointer, required: true) ?? []).enumerated() {
                let p = pointer.appending("Branches").appending(i)
                if let m = machine(branch, at: p, inherited: language, isTopLevel: false) { branches.append(m) }
            }
            let retry = retriers(object, at: pointer)
            let catchers = catchers(object, at: pointer)
            guard let transition = transition(object, at: pointer) else { return nil }
            return .parallel(ParallelState(
                common: common, transition: transition, branches: branches, retry: retry, catch: catchers))
        case "Map":
            return map(object, common: common, at: pointer)
        default:
            invalid("Type", at: pointer.appending("Type"), expected: "one of \(State.typeNames.joined(separator: ", "))")
            return nil
        }
    }

    private mutating func wait(_ object: JSONObject, common: StateCommon, at pointer: JSONPointer) -> State? {
        var duration: WaitDuration?
        if let seconds = setting(object, "Seconds", pathKey: "SecondsPath", at: pointer) {
            duration = .seconds(seconds)
        } else if let stamp = string(object, "Timestamp", at: pointer) {
            duration = common.queryLanguage == .jsonata && stamp.hasPrefix("{%")
                ? .timestampExpression(stamp) : .timestamp(stamp)
        } else if let path = string(object, "TimestampPath", at: pointer) {
            duration = .timestampPath(path)
        } else {
            missing("Seconds", in: pointer)
        }
        guard let transition = transition(object, at: pointer), let duration else { return nil }
        return .wait(WaitState(common: common, transition: transition, duration: duration))
    }

    private mutating func map(_ object: JSONObject, common: StateCommon, at pointer: JSONPointer) -> State? {
        let processorKey = object["ItemProcessor"] != nil ? "ItemProcessor" : "Iterator"
        let processorPointer = pointer.appending(processorKey)
        var config = ProcessorConfig()
        var processor: StateMachine?
        if let value = object[processorKey] {
            processor = machine(value, at: processorPointer, inherited: common.queryLanguage, isTopLevel: false)
            if let c = value["ProcessorConfig"]?.objectValue {
                let p = processorPointer.appending("ProcessorConfig")
                if let mode = string(c, "Mode", at: p) { config.mode = ProcessorConfig.Mode(rawValue: mode) ?? .inline }
                if let type = string(c, "ExecutionType", at: p) { config.executionType = StateMachineType(rawValue: type) }
            }
        } else {
            missing("ItemProcessor", in: pointer)
        }
        let state = MapState(
            common: common, transition: .end, itemProcessor: processor ?? StateMachine(startAt: "", states: []),
            processorConfig: config, itemsPath: string(object, "ItemsPath", at: pointer), items: object["Items"],
            itemSelector: object["ItemSelector"] ?? object["Parameters"],
            maxConcurrency: setting(object, "MaxConcurrency", pathKey: "MaxConcurrencyPath", at: pointer),
            toleratedFailurePercentage: setting(
                object, "ToleratedFailurePercentage", pathKey: "ToleratedFailurePercentagePath", at: pointer),
            toleratedFailureCount: setting(object, "ToleratedFailureCount", pathKey: "ToleratedFailureCountPath", at: pointer),
            itemReader: object["ItemReader"], itemBatcher: object["ItemBatcher"], resultWriter: object["ResultWriter"],
            label: string(object, "Label", at: pointer), retry: retriers(object, at: pointer),
            catch: catchers(object, at: pointer))
        guard let transition = transition(object, at: pointer), processor != nil else { return nil }
        var result = state
        result.transition = transition
        if object["Parameters"] != nil, object["ItemSelector"] == nil { result.common.io.parameters = nil }
        return .map(result)
    }
}
