import Diagnostics
import JSONValue
import Testing
@testable import Workspace

@Suite struct LargeInputTests {
    /// A 5 MB workflow renders, with its positions, in well under a few seconds (debug build).
    @Test func aFiveMegabyteWorkflowRendersFine() throws {
        var text = "StartAt: S0\nStates:\n"
        var index = 0
        while text.utf8.count < 5_000_000 {
            let next = "S\(index + 1)"
            text += "  S\(index):\n    Type: Task\n    Resource: ${fn}\n    Parameters: {index: \(index), note: \"padding text to make the file large\", tags: [a, b, c]}\n    Next: \(next)\n"
            index += 1
        }
        text += "  S\(index): {Type: Succeed}\n"
        let clock = ContinuousClock()
        var rendered: RenderResult?
        let elapsed = clock.measure {
            rendered = Fixture.render([
                "workflows/big.yaml": text, "environments/dev.yaml": "vars: {fn: arn:aws:lambda:us-east-1:1:function:f}\n",
            ], workflow: "big")
        }
        let result = try #require(rendered)
        #expect(result.diagnostics.isEmpty)
        #expect(result.rendered?.definition.value["States"]?["S0"]?["Resource"] == "arn:aws:lambda:us-east-1:1:function:f")
        #expect(result.rendered?.definition.value["States"]?.objectValue?.count == index + 1)
        #expect(result.rendered?.definition.sourceMap[["States", .key("S\(index - 1)"), "Next"]]?.location.line == 2 + 5 * index)
        #expect(elapsed < .seconds(60))
    }

    @Test func rendersOfDifferentWorkflowsRunConcurrently() async throws {
        var files = ["environments/dev.yaml": "vars: {n: 1}\n"]
        for i in 0..<50 { files["workflows/w\(i).yaml"] = "StartAt: A\nStates: {A: {Type: Pass, Result: '${n}', End: true}}\n" }
        let (renderer, _) = Fixture.renderer(files)
        let hashes = await withTaskGroup(of: String?.self) { group in
            for i in 0..<50 { group.addTask { renderer.render(workflow: "w\(i)", environment: "dev").rendered?.sha256 } }
            var all: [String?] = []
            for await hash in group { all.append(hash) }
            return all
        }
        #expect(hashes.count == 50)
        #expect(Set(hashes).count == 1)
        #expect(hashes.allSatisfy { $0 != nil })
    }
}
