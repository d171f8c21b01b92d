import JSONValue
import Testing

@testable import JSONPath

@Suite struct JSONPathEvaluationTests {
    let store: JSON = [
        "store": [
            "book": [
                ["category": "reference", "author": "Nigel Rees", "title": "Sayings", "price": 8.95],
                ["category": "fiction", "author": "Evelyn Waugh", "title": "Sword", "price": 12.99],
                ["category": "fiction", "author": "Herman Melville", "title": "Moby Dick", "isbn": "0-553", "price": 8.99],
                ["category": "fiction", "author": "J. R. R. Tolkien", "title": "The Lord", "isbn": "0-395", "price": 22.99],
            ],
            "bicycle": ["color": "red", "price": 19.95],
        ],
        "limit": 10,
        "tags": ["a", "b", "c", "d", "e"],
    ]

    func eval(_ path: String, _ input: JSON? = nil) throws -> Result<JSON, JSONPathFailure> {
        try JSONPath.parse(path).evaluate(input ?? store)
    }

    func value(_ path: String, _ input: JSON? = nil) throws -> JSON? {
        try? eval(path, input).get()
    }

    @Test func definitePathsYieldOneValue() throws {
        #expect(try value("$") == store)
        #expect(try value("$.store.bicycle.color") == "red")
        #expect(try value("$['store']['bicycle']['price']") == 19.95)
        #expect(try value("$.store.book[1].author") == "Evelyn Waugh")
        #expect(try value("$.tags[-1]") == "e")
    }

    @Test func definitePathsFailWithJaywaysMessages() throws {
        #expect(try eval("$.NoSuchInputPath") == .failure(JSONPathFailure(kind: .noResults, message: "No results for path: $['NoSuchInputPath']")))
        #expect(try eval("$.a.b") == .failure(JSONPathFailure(kind: .missingProperty, message: "Missing property in path $['a']")))
        #expect(try eval("$.tags[9]") == .failure(JSONPathFailure(kind: .noResults, message: "No results for path: $['tags'][9]")))
        guard case .failure(let failure) = try eval("$.limit.x") else {
            Issue.record("expected a failure")
            return
        }
        #expect(failure.kind == .wrongType)
    }

    @Test func indefinitePathsYieldArrays() throws {
        #expect(try value("$[*]", [:]) == [])
        #expect(try value("$.tags[*]") == ["a", "b", "c", "d", "e"])
        #expect(try value("$.store.bicycle.*") == ["red", 19.95])
        #expect(try value("$.tags[1:3]") == ["b", "c"])
        #expect(try value("$.tags[-2:]") == ["d", "e"])
        #expect(try value("$.tags[:2]") == ["a", "b"])
        #expect(try value("$.tags[::2]") == ["a", "c", "e"])
        #expect(try value("$.tags[::-1]") == ["e", "d", "c", "b", "a"])
        #expect(try value("$.tags[0,2,9]") == ["a", "c"])
        #expect(try value("$.store.bicycle['color','price']") == [["color": "red", "price": 19.95]])
        #expect(try value("$.nothing[*]") == [])
    }

    @Test func deepScan() throws {
        #expect(try value("$..author") == ["Nigel Rees", "Evelyn Waugh", "Herman Melville", "J. R. R. Tolkien"])
        #expect(try value("$.store..price") == [8.95, 12.99, 8.99, 22.99, 19.95])
        #expect(try value("$..book[2].title") == ["Moby Dick"])
        #expect(try value("$.store.bicycle..*") == ["red", 19.95])
    }

    @Test func filters() throws {
        #expect(try value("$.store.book[?(@.price < 10)].title") == ["Sayings", "Moby Dick"])
        #expect(try value("$.store.book[?(@.isbn)].title") == ["Moby Dick", "The Lord"])
        #expect(try value("$.store.book[?(!@.isbn)].title") == ["Sayings", "Sword"])
        #expect(try value("$.store.book[?(@.category == 'fiction' && @.price > 20)].title") == ["The Lord"])
        #expect(try value("$.store.book[?(@.price < $.limit)].title") == ["Sayings", "Moby Dick"])
        #expect(try value("$.store.book[?(@.author =~ /.*rees/i)].title") == ["Sayings"])
        #expect(try value("$.store.book[?(@.author =~ /rees/i)].title") == [])
        #expect(try value("$.store.book[?(@.category in ['reference'])].title") == ["Sayings"])
        #expect(try value("$.store.book[?(@.category nin ['reference'])].title") == ["Sword", "Moby Dick", "The Lord"])
        #expect(try value("$.store.book[?(@.missing != 1)].title") == ["Sayings", "Sword", "Moby Dick", "The Lord"])
        #expect(try value("$.store.book[?(@.missing == 1)].title") == [])
        #expect(try value("$.store[?(@.color == 'red')]") == [])
        #expect(try value("$.store.bicycle[?(@.color == 'red')].price") == [19.95])
    }

    @Test func filterOperatorsOnArrays() throws {
        let input: JSON = ["items": [["t": ["a", "b"]], ["t": ["c"]], ["t": []]]]
        #expect(try value("$.items[?(@.t size 2)].t", input) == [["a", "b"]])
        #expect(try value("$.items[?(@.t empty true)].t", input) == [[]])
        #expect(try value("$.items[?(@.t anyof ['c', 'x'])].t", input) == [["c"]])
        #expect(try value("$.items[?(@.t subsetof ['a', 'b', 'c'])].t", input) == [["a", "b"], ["c"], []])
        #expect(try value("$.items[?(@.t noneof ['a'])].t", input) == [["c"], []])
        #expect(try value("$.items[?(@.t contains 'b')].t", input) == [["a", "b"]])
        #expect(try value("$.items[?(@.t.length > 0)].t", input) == [["a", "b"], ["c"]])
    }

    @Test func functions() throws {
        #expect(try value("$.tags.length()") == 5)
        #expect(try value("$.store.book[*].price.max()") == 22.99)
        #expect(try value("$.store.book[*].price.min()") == 8.95)
        #expect(try value("$..price.sum()").map { $0.numberValue!.doubleValue.rounded() } == 74)
        #expect(try value("$.store.bicycle.keys()") == ["color", "price"])
        #expect(try value("$.tags.first()") == "a")
        guard case .failure(let failure) = try eval("$.nothing[*].avg()") else {
            Issue.record("expected a failure")
            return
        }
        #expect(failure.kind == .functionFailed)
    }

    @Test func contextAndVariables() throws {
        let context: JSON = ["Execution": ["Id": "arn:x"]]
        #expect(try JSONPath.parse("$$.Execution.Id").evaluate([:], context: context) == .success("arn:x"))
        #expect(try JSONPath.parse("$$").evaluate([:]) == .failure(JSONPathFailure(kind: .noContextObject, message: "the context object is not available for '$$'")))
        #expect(try JSONPath.parse("$total.n").evaluate([:], variables: ["total": ["n": 3]]) == .success(3))
        #expect(try JSONPath.parse("$nope").evaluate([:]) == .failure(JSONPathFailure(kind: .undefinedVariable("nope"), message: "variable '$nope' is not defined")))
    }
}
