import JSONValue
import Planning
import Testing

@Suite struct DefinitionDiffTests {
    let old: JSON = [
        "Comment": "ETL",
        "StartAt": "Transform",
        "States": [
            "Transform": [
                "Type": "Task", "Resource": "arn:t", "Next": "Load",
                "Retry": [["ErrorEquals": ["States.ALL"], "MaxAttempts": 3], ["ErrorEquals": ["X"]]],
            ],
            "Load": ["Type": "Task", "Resource": "arn:l", "Next": "Done"],
            "Done": ["Type": "Succeed"],
            "Old": ["Type": "Pass", "End": true],
        ],
    ]

    @Test func statesAndFieldsWithReadablePaths() {
        let new: JSON = [
            "Comment": "ETL",
            "StartAt": "Transform",
            "States": [
                "Transform": [
                    "Type": "Task", "Resource": "arn:t", "Next": "Load",
                    "Retry": [["ErrorEquals": ["States.ALL"], "MaxAttempts": 5]],
                ],
                "Load": ["Type": "Task", "Resource": "arn:l", "Next": "Notify"],
                "Notify": ["Type": "Task", "Resource": "arn:n", "Next": "Done"],
                "Done": ["Type": "Succeed"],
            ],
        ]
        let diff = DefinitionDiff(old: old, new: new)
        #expect(diff.addedStates == ["Notify"])
        #expect(diff.removedStates == ["Old"])
        #expect(diff.changedStates == ["Load", "Transform"])
        #expect(diff.changes.map { "\($0.kind.symbol) \($0.path)" } == [
            "~ States.Load.Next",
            "+ States.Notify",
            "- States.Old",
            "~ States.Transform.Retry[0].MaxAttempts",
            "- States.Transform.Retry[1]",
        ])
        #expect(diff.changes[3].old == 3 && diff.changes[3].new == 5)
        #expect(diff.changedTopLevelFields.isEmpty)
    }

    @Test func keyOrderAndNumberSpellingAreNotChanges() throws {
        let a = try JSON.parse(#"{"States": {"A": {"Type": "Wait", "Seconds": 1.0, "End": true}}, "StartAt": "A"}"#)
        let b = try JSON.parse(#"{"StartAt": "A", "States": {"A": {"End": true, "Seconds": 1, "Type": "Wait"}}}"#)
        #expect(DefinitionDiff(old: a, new: b).isEmpty)
    }

    @Test func aChangedTypeIsOneChange() {
        let diff = DefinitionDiff(old: ["Result": ["a": 1]], new: ["Result": [1]])
        #expect(diff.changes == [FieldChange(kind: .changed, pointer: ["Result"], old: ["a": 1], new: [1])])
        #expect(diff.changedTopLevelFields == ["Result"])
    }

    @Test func pathsQuoteKeysThatAreNotPlainWords() {
        let pointer: JSONPointer = ["States", "Load data", "Parameters", "id.$", 0, "x"]
        #expect(pointer.readablePath == #"States["Load data"].Parameters["id.$"][0].x"#)
        #expect(JSONPointer(["States", "A-b_1"]).readablePath == "States.A-b_1")
        #expect(JSONPointer.root.readablePath == "(root)")
        #expect(JSONPointer(["9lives"]).readablePath == #"["9lives"]"#)
    }
}
