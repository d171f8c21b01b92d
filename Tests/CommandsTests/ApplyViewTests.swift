@testable import Commands
import Testing

@Suite struct ApplyViewTests {
    @Test func prunedVersionsReadAsARangeOrAList() {
        #expect(ApplyView.versions([3]) == "version 3")
        #expect(ApplyView.versions([1, 2, 3, 4]) == "versions 1–4")
        #expect(ApplyView.versions([1, 3, 5]) == "versions 1, 3, 5")
    }
}
