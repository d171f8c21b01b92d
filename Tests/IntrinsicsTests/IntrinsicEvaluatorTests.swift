import JSONValue
import Testing

@testable import Intrinsics

/// A generator that returns the same word forever, for reproducible UUIDs and random numbers.
struct FixedRandomNumberGenerator: RandomNumberGenerator {
    let word: UInt64
    mutating func next() -> UInt64 { word }
}

@Suite struct IntrinsicEvaluatorTests {
    let input: JSON = [
        "name": "Ana", "n": 3, "list": [1, 2, 3, 2], "text": "a,b,,c",
        "object": ["a": 1, "b": ["x": true]], "template": "{} + {}",
    ]
    let context: JSON = ["Execution": ["Id": "arn:exec", "Name": "run-1"]]

    func eval(_ text: String, variables: [String: JSON] = [:]) throws -> Result<JSON, IntrinsicFailure> {
        var random = FixedRandomNumberGenerator(word: 0x0123_4567_89AB_CDEF)
        return IntrinsicEvaluator.evaluate(
            try IntrinsicParser.parse(text), input: input, context: context, variables: variables, random: &random)
    }

    func value(_ text: String) throws -> JSON? { try? eval(text).get() }

    func cause(_ text: String) throws -> String? {
        if case .failure(let failure) = try eval(text) { return failure.cause }
        return nil
    }

    @Test func format() throws {
        #expect(try value("States.Format('Hello, {}!', $.name)") == "Hello, Ana!")
        #expect(try value("States.Format('{} {} {} {}', $.n, null, true, $.object)") == "3 null true {a=1, b={x=true}}")
        #expect(try value("States.Format('{}', $.list)") == "[1, 2, 3, 2]")
        #expect(try value("States.Format('\\{\\} {}', $.name)") == "{} Ana")
        #expect(try value(#"States.Format('a\\b \d {}', 'c\'d')"#) == #"a\b \d c'd"#)
        #expect(try value("States.Format($.template, 1, 2)") == "1 + 2")
        #expect(try value("States.Format('{}', $$.Execution.Name)") == "run-1")
        #expect(try cause("States.Format('{} {}', 1)") == "Invalid arguments in States.Format: the template has 2 placeholders '{}', but 1 values were given")
        #expect(try cause("States.Format($.n)") == "Invalid arguments in States.Format: the first argument must be a string, but it is the number 3")
    }

    @Test func arrays() throws {
        #expect(try value("States.Array($.name, 1, States.Array())") == ["Ana", 1, []])
        #expect(try value("States.ArrayPartition($.list, 3)") == [[1, 2, 3], [2]])
        #expect(try value("States.ArrayContains($.list, 2)") == true)
        #expect(try value("States.ArrayContains($.list, '2')") == false)
        #expect(try value("States.ArrayRange(1, 9, 2)") == [1, 3, 5, 7, 9])
        #expect(try value("States.ArrayRange(0, 10, 3)") == [0, 3, 6, 9])
        #expect(try value("States.ArrayRange(5, 1, -2)") == [5, 3, 1])
        #expect(try value("States.ArrayRange(5, 1, 1)") == [])
        #expect(try value("States.ArrayGetItem($.list, 1)") == 2)
        #expect(try value("States.ArrayLength($.list)") == 4)
        #expect(try value("States.ArrayUnique($.list)") == [1, 2, 3])
        #expect(try cause("States.ArrayGetItem($.list, 4)") == "Invalid arguments in States.ArrayGetItem: the index 4 is out of bounds for an array of 4 items")
        #expect(try cause("States.ArrayPartition($.list, 0)") == "Invalid arguments in States.ArrayPartition: the chunk size must be a positive integer, but it is 0")
        #expect(try cause("States.ArrayRange(0, 2000, 1)") == "Invalid arguments in States.ArrayRange: the range would have 2001 items, more than the maximum of 1000")
        #expect(try cause("States.ArrayLength($.name)") == "Invalid arguments in States.ArrayLength: the first argument must be an array, but it is the string 'Ana'")
    }

    @Test func encoding() throws {
        #expect(try value("States.Base64Encode('Data to encode')") == "RGF0YSB0byBlbmNvZGU=")
        #expect(try value("States.Base64Decode('RGF0YSB0byBlbmNvZGU=')") == "Data to encode")
        #expect(try value("States.Base64Encode('é')") == "w6k=")
        #expect(try value("States.Base64Decode('w6k=')") == "é")
        #expect(try cause("States.Base64Decode('abc')") == "Invalid arguments in States.Base64Decode: 'abc' is not valid base64")
        #expect(try value("States.Hash('input data', 'MD5')") == "812f45842bc6d66ee14572ce20db8e86")
        #expect(try value("States.Hash('input data', 'SHA-1')") == "aaff4a450a104cd177d28d18d74485e8cae074b7")
        #expect(try value("States.Hash('input data', 'SHA-256')") == "b4a697a057313163aee33cd8d40c66e9f0f177e00cac2de32475ffff6169c3e3")
        #expect(try cause("States.Hash('x', 'SHA256')") == "Invalid arguments in States.Hash: 'SHA256' is not a supported algorithm; use one of MD5, SHA-1, SHA-256, SHA-384, SHA-512")
    }

    @Test func json() throws {
        #expect(try value("States.StringToJson('{\"a\": [1, 2.5]}')") == ["a": [1, 2.5]])
        #expect(try value("States.StringToJson(' ')") == .some(JSON.null))
        #expect(try value("States.JsonToString($.object)") == #"{"a":1,"b":{"x":true}}"#)
        #expect(try value("States.JsonMerge($.object, States.StringToJson('{\"b\": 2, \"c\": 3}'), false)") == ["a": 1, "b": 2, "c": 3])
        #expect(try cause("States.JsonMerge($.object, $.object, true)") == "Invalid arguments in States.JsonMerge: deep merge mode is not supported; the third argument must be false")
        #expect(try cause("States.StringToJson('{')") != nil)
    }

    @Test func math() throws {
        #expect(try value("States.MathAdd(1.49, 1.5)") == 3)
        #expect(try value("States.MathAdd(-1.5, -1.51)") == -3)
        #expect(try value("States.MathAdd($.n, -1)") == 2)
        #expect(try cause("States.MathAdd(2147483648, 0)") == "Invalid arguments in States.MathAdd: 2147483648 is outside the range of 32-bit integers")
        let random = try value("States.MathRandom(10, 20)")?.numberValue?.int64Value
        #expect(random.map { (10..<20).contains($0) } == true)
        #expect(try value("States.MathRandom(0, 999, 3)") == value("States.MathRandom(0, 999, 3)"))
        #expect(try cause("States.MathRandom(5, 5)") == "Invalid arguments in States.MathRandom: the start 5 must be less than the end 5")
    }

    @Test func strings() throws {
        #expect(try value("States.StringSplit($.text, ',')") == ["a", "b", "c"])
        #expect(try value("States.StringSplit('This.is+a,test=string', '.+,=')") == ["This", "is", "a", "test", "string"])
        #expect(try value("States.StringSplit(',,,', ',')") == [])
    }

    @Test func uuidIsVersion4AndUsesTheInjectedGenerator() throws {
        #expect(try value("States.UUID()") == "01234567-89ab-4def-8123-456789abcdef")
        guard case .string(let uuid)? = try? IntrinsicEvaluator.evaluate(IntrinsicParser.parse("States.UUID()"), input: [:], context: [:]).get() else {
            Issue.record("expected a string")
            return
        }
        #expect(uuid.count == 36)
        #expect(Array(uuid)[14] == "4")
    }

    @Test func variables() throws {
        #expect(try eval("States.Format('{}', $greeting)", variables: ["greeting": "hi"]) == .success("hi"))
    }

    @Test func missingPathsAreRuntimeErrors() throws {
        guard case .failure(let failure) = try eval("States.Array($.missing)") else {
            Issue.record("expected a failure")
            return
        }
        #expect(failure.error == "States.Runtime")
        #expect(failure.path?.text == "$.missing")
        #expect(failure.cause == "The JsonPath argument '$.missing' could not be found: No results for path: $['missing']")
    }

    @Test func unknownFunctionsFailAtRunTime() throws {
        #expect(try eval("States.Nope()") == .failure(IntrinsicFailure(error: "States.IntrinsicFailure", cause: "'States.Nope' is not an intrinsic function")))
    }
}
