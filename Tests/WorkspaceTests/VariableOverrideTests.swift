import JSONValue
import Testing
import Workspace

@Suite struct VariableOverrideTests {
    func parsed(_ text: String) -> VariableOverride? { try? VariableOverride.parse(text).get() }

    @Test func valuesThatAreJSONKeepTheirTypeOthersAreStrings() {
        #expect(parsed("n=3") == VariableOverride(key: "n", value: 3))
        #expect(parsed("flag=true")?.value == true)
        #expect(parsed("list=[1, 2]")?.value == [1, 2])
        #expect(parsed("quoted=\"3\"")?.value == "3")
        #expect(parsed("region=eu-west-1")?.value == "eu-west-1")
        #expect(parsed("arn=arn:aws:lambda:x=y")?.value == "arn:aws:lambda:x=y")
        #expect(parsed("account=012345678901")?.value == "012345678901")
        #expect(parsed("empty=")?.value == "")
        #expect(parsed("lambda.process=p")?.key == "lambda.process")
    }

    @Test func malformedArgumentsAreErrors() {
        #expect(parsed("novalue") == nil)
        #expect(parsed("=x") == nil)
        if case .failure(let error) = VariableOverride.parse("novalue") {
            #expect(error.message == "--var 'novalue' needs the form key=value")
        }
    }
}
