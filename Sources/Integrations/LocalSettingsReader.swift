import Diagnostics
import JSONValue

/// Reads a `local:` block into `LocalRuntimeSettings`, collecting every problem with its
/// JSON path (`local.handlers["etl-*"].timeout`) and source location instead of stopping.
struct LocalSettingsReader {
    let sourceMap: SourceMap?
    private(set) var problems: [LocalRuntimeError.Problem] = []

    init(sourceMap: SourceMap?) {
        self.sourceMap = sourceMap
    }

    static let keys = ["handlers", "mocks", "test_case", "clock", "connections"]
    static let handlerKeys = ["command", "cwd", "env", "shell", "timeout", "url"]

    mutating func settings(_ value: JSON?, at pointer: JSONPointer) -> LocalRuntimeSettings {
        var settings = LocalRuntimeSettings()
        guard let value, !value.isNull else { return settings }
        guard case .object(let object) = value else {
            problem(pointer, "'local' must be a mapping with 'handlers', 'mocks', 'test_case' or 'clock'")
            return settings
        }
        unknownKeys(object, allowed: Self.keys, at: pointer)
        if let handlers = object["handlers"] {
            settings.handlers = self.handlers(handlers, at: pointer.appending("handlers"))
        }
        settings.mocks = string(object["mocks"], at: pointer.appending("mocks"), what: "a path to a mock file")
        settings.testCase = string(object["test_case"], at: pointer.appending("test_case"), what: "a test case name")
        if let clock = object["clock"] { settings.clock = self.clock(clock, at: pointer.appending("clock")) }
        if let connections = object["connections"] {
            settings.connections = self.connections(connections, at: pointer.appending("connections"))
        }
        return settings
    }

    private mutating func connections(_ value: JSON, at pointer: JSONPointer) -> [LocalRuntimeSettings.Connection] {
        guard case .object(let entries) = value else {
            problem(pointer, "'connections' must map connection ARN patterns to {headers: {Name: value}}")
            return []
        }
        var out: [LocalRuntimeSettings.Connection] = []
        for (pattern, entry) in entries {
            let at = pointer.appending(pattern)
            guard case .object(let object) = entry, case .object(let fields)? = object["headers"] else {
                problem(at, "a connection is {headers: {Name: value}}")
                continue
            }
            unknownKeys(object, allowed: ["headers"], at: at)
            var headers: [String: String] = [:]
            for (name, value) in fields {
                guard let text = Self.scalarText(value) else {
                    problem(at.appending("headers").appending(name), "a header's value must be a string, number or boolean")
                    continue
                }
                headers[name] = text
            }
            out.append(LocalRuntimeSettings.Connection(pattern: pattern, headers: headers))
        }
        return out
    }

    private mutating func handlers(_ value: JSON, at pointer: JSONPointer) -> [LocalRuntimeSettings.Handler] {
        guard case .object(let entries) = value else {
            problem(pointer, "'handlers' must map resource patterns to {command: [...]} or {url: ...}")
            return []
        }
        var out: [LocalRuntimeSettings.Handler] = []
        for (pattern, entry) in entries {
            if let target = handler(entry, at: pointer.appending(pattern)) {
                out.append(LocalRuntimeSettings.Handler(pattern: pattern, target: target))
            }
        }
        return out
    }

    private mutating func handler(_ value: JSON, at pointer: JSONPointer) -> LocalRuntimeSettings.Target? {
        guard case .object(let object) = value else {
            problem(pointer, "a handler is a mapping: {command: [program, args…]} or {url: http://…}")
            return nil
        }
        unknownKeys(object, allowed: Self.handlerKeys, at: pointer)
        switch (object["command"], object["url"]) {
        case (_?, _?):
            problem(pointer, "a handler has either 'command' or 'url', not both")
            return nil
        case (nil, let url?):
            guard let text = url.stringValue, text.hasPrefix("http://") || text.hasPrefix("https://") else {
                problem(pointer.appending("url"), "'url' must be an http:// or https:// URL of a Lambda-invoke endpoint")
                return nil
            }
            for key in ["cwd", "env", "shell", "timeout"] where object[key] != nil {
                problem(pointer.appending(key), "'\(key)' applies to commands, not to a 'url' handler")
            }
            return .endpoint(url: text)
        case (nil, nil):
            problem(pointer, "a handler needs 'command' (a program and its arguments) or 'url'")
            return nil
        case (let command?, nil):
            return self.command(command, object, at: pointer)
        }
    }

    private mutating func command(_ command: JSON, _ object: JSONObject, at pointer: JSONPointer) -> LocalRuntimeSettings.Target? {
        var argv: [String] = []
        switch command {
        case .string(let text) where !text.isEmpty:
            argv = [text]
        case .array(let items) where !items.isEmpty:
            for (i, item) in items.enumerated() {
                guard let text = Self.scalarText(item) else {
                    problem(pointer.appending("command").appending(i), "each argument must be a string")
                    return nil
                }
                argv.append(text)
            }
        default:
            problem(pointer.appending("command"), "'command' must be a non-empty list [program, args…] (or one string)")
            return nil
        }
        var environment: [String: String] = [:]
        if let env = object["env"] {
            if case .object(let variables) = env {
                for (name, value) in variables {
                    guard let text = Self.scalarText(value) else {
                        problem(pointer.appending("env").appending(name), "an environment variable's value must be a string, number or boolean")
                        continue
                    }
                    environment[name] = text
                }
            } else {
                problem(pointer.appending("env"), "'env' must map variable names to values")
            }
        }
        var shell = false
        if let flag = object["shell"] {
            if case .bool(let value) = flag { shell = value } else { problem(pointer.appending("shell"), "'shell' must be true or false") }
        }
        var timeout: Int64?
        if let seconds = object["timeout"] {
            if case .number(let n) = seconds, let value = n.int64Value, value > 0 {
                timeout = value
            } else {
                problem(pointer.appending("timeout"), "'timeout' must be a positive whole number of seconds")
            }
        }
        let cwd = string(object["cwd"], at: pointer.appending("cwd"), what: "a directory")
        let local = LocalCommand(
            executable: argv[0], arguments: Array(argv.dropFirst()), workingDirectory: cwd, environment: environment,
            shell: shell)
        return .command(local, timeoutSeconds: timeout)
    }

    private mutating func clock(_ value: JSON, at pointer: JSONPointer) -> LocalRuntimeSettings.Clock {
        switch value {
        case .string("real"): return .real
        case .string("virtual"): return .virtual
        case .object(let object):
            unknownKeys(object, allowed: ["scale"], at: pointer)
            if case .number(let n)? = object["scale"], n.doubleValue > 0, n.doubleValue.isFinite {
                return .scaled(n.doubleValue)
            }
            problem(pointer.appending("scale"), "'scale' must be a number above 0 (0.01 makes a 100 s Wait last 1 s)")
        default:
            problem(pointer, "'clock' must be 'real', 'virtual' or {scale: <factor>}")
        }
        return .real
    }

    private mutating func string(_ value: JSON?, at pointer: JSONPointer, what: String) -> String? {
        guard let value else { return nil }
        guard let text = value.stringValue, !text.isEmpty else {
            problem(pointer, "'\(pointer.last?.text ?? "")' must be \(what) (a non-empty string)")
            return nil
        }
        return text
    }

    private mutating func unknownKeys(_ object: JSONObject, allowed: [String], at pointer: JSONPointer) {
        for (key, _) in object where !allowed.contains(key) {
            problem(pointer.appending(key), "unknown setting '\(key)'\(Suggestion.didYouMean(key, in: allowed))")
        }
    }

    private mutating func problem(_ pointer: JSONPointer, _ message: String) {
        let location = sourceMap?.nearest(pointer)?.location
        problems.append(LocalRuntimeError.Problem(path: Self.path(pointer), message: message, location: location))
    }

    /// `["local", "handlers", "etl-*", "command", 0]` → `local.handlers["etl-*"].command[0]`.
    static func path(_ pointer: JSONPointer) -> String {
        var text = ""
        for token in pointer.tokens {
            switch token {
            case .index(let i): text += "[\(i)]"
            case .key(let key):
                let plain = !key.isEmpty && key.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" }
                text += plain ? (text.isEmpty ? key : ".\(key)") : "[\"\(key)\"]"
            }
        }
        return text.isEmpty ? "$" : text
    }

    /// A scalar's text as an argument or variable takes it: `3` → "3", `true` → "true".
    static func scalarText(_ value: JSON) -> String? {
        switch value {
        case .string(let s): s
        case .number(let n): n.description
        case .bool(let b): b ? "true" : "false"
        default: nil
        }
    }
}
