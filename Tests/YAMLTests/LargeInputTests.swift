import JSONValue
import Testing
import YAML

/// Size: a generated 5 MB workflow-like document parses completely and exactly.
@Suite struct LargeInputTests {
    @Test(.timeLimit(.minutes(2))) func fiveMegabyteDocument() throws {
        var text = "Comment: generated\nStartAt: S0\nStates:\n"
        var states = 0
        while text.utf8.count < 5_000_000 {
            text += """
                  S\(states):
                    Type: Task
                    Resource: arn:aws:lambda:us-east-1:123456789012:function:step-\(states)
                    Parameters: {"id.$": "$.id", "n": \(states), "ratio": 0.1, "tags": [a, b, "c d"]}
                    Retry:
                      - ErrorEquals: [States.ALL]
                        MaxAttempts: 3
                        BackoffRate: 2.5
                    Next: S\(states + 1)

                """
            states += 1
        }
        let document = try YAMLParser.parseDocument(text, file: "big.yaml")
        let parsed = try #require(document.value["States"]?.objectValue)
        #expect(parsed.count == states)
        let last = try #require(parsed["S\(states - 1)"])
        #expect(last["Parameters"]?["n"] == .number(JSONNumber(states - 1)))
        #expect(last["Parameters"]?["ratio"]?.numberValue?.literal == "0.1")
        #expect(document.sourceMap[[.key("States"), .key("S\(states - 1)"), .key("Retry"), .index(0), .key("BackoffRate")]]?.location.column == 22)
    }
}
