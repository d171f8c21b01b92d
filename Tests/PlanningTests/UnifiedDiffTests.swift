import Planning
import Testing

@Suite struct UnifiedDiffTests {
    @Test func theShortestEditScript() {
        let old = "a b c a b b a".split(separator: " ")
        let new = "c b a b a c".split(separator: " ")
        let edits = LineDiff(old: old, new: new).edits
        let deletions = edits.filter { if case .delete = $0 { true } else { false } }.count
        let insertions = edits.filter { if case .insert = $0 { true } else { false } }.count
        #expect(deletions + insertions == 5, "Myers' example has an edit distance of 5")
        // Replaying the script turns old into new.
        var rebuilt: [Substring] = []
        for edit in edits {
            switch edit {
            case .keep(let i, _): rebuilt.append(old[i])
            case .insert(let j): rebuilt.append(new[j])
            case .delete: break
            }
        }
        #expect(rebuilt == new)
    }

    @Test func equalAndEmptyInputs() {
        #expect(!LineDiff(old: ["a"], new: ["a"]).hasChanges)
        #expect(LineDiff(old: [], new: []).edits.isEmpty)
        #expect(UnifiedDiff(oldLabel: "a", newLabel: "b").render(old: "x\n", new: "x\n") == "")
    }

    @Test func hunksWithContextAndGitStyleRanges() {
        let old = (1...12).map { "line \($0)" }.joined(separator: "\n") + "\n"
        var lines = (1...12).map { "line \($0)" }
        lines[1] = "line two"
        lines[10] = "line eleven"
        let new = lines.joined(separator: "\n") + "\n"
        let text = UnifiedDiff(oldLabel: "old", newLabel: "new", context: 2).render(old: old, new: new)
        #expect(text == """
            --- old
            +++ new
            @@ -1,4 +1,4 @@
             line 1
            -line 2
            +line two
             line 3
             line 4
            @@ -9,4 +9,4 @@
             line 9
             line 10
            -line 11
            +line eleven
             line 12

            """)
    }

    @Test func anAddedFile() {
        let text = UnifiedDiff(oldLabel: "/dev/null", newLabel: "new").render(old: "", new: "{\n}\n")
        #expect(text == "--- /dev/null\n+++ new\n@@ -0,0 +1,2 @@\n+{\n+}\n")
    }
}
