import ASLModel
import JSONValue

/// Every object of a raw definition that validation looks at, found in one walk:
/// machines and sub-machines (scopes), states, retriers, catchers, choice rules and
/// the distributed-map blocks, each with its pointer and effective query language.
///
/// Rules read the raw JSON through this index rather than the decoded model, so
/// they still run (and report everything) when the definition is too broken to decode.
struct DefinitionIndex {
    /// What an indexed object is; decides which fields it may have.
    enum Kind: Hashable {
        case machine, branch, itemProcessor, processorConfig
        case state(String)
        case retrier, catcher
        case choiceRule(topLevel: Bool)
        case itemReader, readerConfig, itemBatcher, resultWriter, writerConfig
    }

    struct Object {
        var kind: Kind
        var pointer: JSONPointer
        var value: JSONObject
        var language: QueryLanguage
    }

    /// A machine or sub-machine: the namespace `Next` names resolve in.
    struct Scope {
        var pointer: JSONPointer
        var value: JSONObject
        /// 0 for the top level, +1 per enclosing Parallel or Map.
        var depth: Int
        var language: QueryLanguage
        /// The scope's states in declaration order (only those whose value is an object).
        var states: [State] = []
        var names: Set<String> = []
    }

    struct State {
        var name: String
        var pointer: JSONPointer
        var value: JSONObject
        /// The `Type` when it is a string.
        var type: String?
        var language: QueryLanguage
        var scope: Int
    }

    private(set) var objects: [Object] = []
    private(set) var scopes: [Scope] = []
    private(set) var states: [State] = []

    init(root: JSON) {
        guard case .object(let object) = root else { return }
        var language = QueryLanguage.jsonPath
        if case .string(let raw)? = object["QueryLanguage"], let parsed = QueryLanguage(rawValue: raw) { language = parsed }
        addScope(object, kind: .machine, at: .root, depth: 0, language: language)
    }

    private mutating func addScope(_ object: JSONObject, kind: Kind, at pointer: JSONPointer, depth: Int, language: QueryLanguage) {
        objects.append(Object(kind: kind, pointer: pointer, value: object, language: language))
        let scopeIndex = scopes.count
        scopes.append(Scope(pointer: pointer, value: object, depth: depth, language: language))
        if kind == .itemProcessor, case .object(let config)? = object["ProcessorConfig"] {
            objects.append(Object(
                kind: .processorConfig, pointer: pointer.appending("ProcessorConfig"), value: config, language: language))
        }
        guard case .object(let statesObject)? = object["States"] else { return }
        let statesPointer = pointer.appending("States")
        for (name, value) in statesObject {
            scopes[scopeIndex].names.insert(name)
            guard case .object(let state) = value else { continue }
            addState(name: name, state, at: statesPointer.appending(name), scope: scopeIndex, inherited: language, depth: depth)
        }
    }

    private mutating func addState(
        name: String, _ object: JSONObject, at pointer: JSONPointer, scope: Int, inherited: QueryLanguage, depth: Int
    ) {
        var language = inherited
        if case .string(let raw)? = object["QueryLanguage"], let parsed = QueryLanguage(rawValue: raw) { language = parsed }
        let type = object["Type"]?.stringValue
        let entry = State(name: name, pointer: pointer, value: object, type: type, language: language, scope: scope)
        states.append(entry)
        scopes[scope].states.append(entry)
        objects.append(Object(kind: .state(type ?? ""), pointer: pointer, value: object, language: language))

        for field in ["Retry", "Catch"] {
            guard case .array(let items)? = object[field] else { continue }
            for (i, item) in items.enumerated() {
                guard case .object(let o) = item else { continue }
                let kind: Kind = field == "Retry" ? .retrier : .catcher
                objects.append(Object(kind: kind, pointer: pointer.appending(field).appending(i), value: o, language: language))
            }
        }
        switch type {
        case "Choice":
            guard case .array(let rules)? = object["Choices"] else { break }
            for (i, rule) in rules.enumerated() {
                guard case .object(let o) = rule else { continue }
                addChoiceRule(o, at: pointer.appending("Choices").appending(i), topLevel: true, language: language)
            }
        case "Parallel":
            guard case .array(let branches)? = object["Branches"] else { break }
            for (i, branch) in branches.enumerated() {
                guard case .object(let o) = branch else { continue }
                addScope(o, kind: .branch, at: pointer.appending("Branches").appending(i), depth: depth + 1, language: language)
            }
        case "Map":
            for field in ["ItemProcessor", "Iterator"] {
                guard case .object(let o)? = object[field] else { continue }
                addScope(o, kind: .itemProcessor, at: pointer.appending(field), depth: depth + 1, language: language)
            }
            let blocks: [(String, Kind, String?, Kind?)] = [
                ("ItemReader", .itemReader, "ReaderConfig", .readerConfig),
                ("ItemBatcher", .itemBatcher, nil, nil),
                ("ResultWriter", .resultWriter, "WriterConfig", .writerConfig),
            ]
            for (field, kind, inner, innerKind) in blocks {
                guard case .object(let o)? = object[field] else { continue }
                let p = pointer.appending(field)
                objects.append(Object(kind: kind, pointer: p, value: o, language: language))
                if let inner, let innerKind, case .object(let c)? = o[inner] {
                    objects.append(Object(kind: innerKind, pointer: p.appending(inner), value: c, language: language))
                }
            }
        default:
            break
        }
    }

    private mutating func addChoiceRule(_ object: JSONObject, at pointer: JSONPointer, topLevel: Bool, language: QueryLanguage) {
        objects.append(Object(kind: .choiceRule(topLevel: topLevel), pointer: pointer, value: object, language: language))
        guard language == .jsonPath else { return }
        for field in ["And", "Or"] {
            guard case .array(let items)? = object[field] else { continue }
            for (i, item) in items.enumerated() {
                guard case .object(let o) = item else { continue }
                addChoiceRule(o, at: pointer.appending(field).appending(i), topLevel: false, language: language)
            }
        }
        if case .object(let o)? = object["Not"] {
            addChoiceRule(o, at: pointer.appending("Not"), topLevel: false, language: language)
        }
    }

    /// The Map state that owns a scope (for an item processor), if any.
    func enclosingState(of scope: Scope) -> State? {
        guard let parent = scope.pointer.parent else { return nil }
        var statePointer = parent
        if case .index = scope.pointer.last, let p = parent.parent { statePointer = p }  // Branches/<i>
        return states.first { $0.pointer == statePointer }
    }
}
