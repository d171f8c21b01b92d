import ASLModel
import Diagnostics
import JSONValue
import Testing
import Validation

/// Every definition of the ASL conformance corpus was accepted by real AWS Step
/// Functions: the validator must report no error on any of them. This is the main
/// guard against false positives. Skipped when ../shared/conformance is absent.
@Suite struct ConformanceCorpusTests {
    static let casesDirectory = "../shared/conformance/cases"

    @Test func everyCorpusDefinitionValidates() throws {
        let files = CorpusFiles.list(Self.casesDirectory)
        guard !files.isEmpty else { return }
        var failures: [String] = []
        var clean = 0
        for path in files {
            guard let text = CorpusFiles.read(path) else { continue }
            let document = try JSONParser.parseDocument(text, file: path)
            guard case .object(let root) = document.value, let definition = root["definition"] else { continue }
            let type: StateMachineType = root["type"] == .string("EXPRESS") ? .express : .standard
            let pointer = JSONPointer([.key("definition")])
            let sub = SourceDocument(value: definition, sourceMap: document.sourceMap.subtree(at: pointer), file: path)
            let result = Validator().validate(sub, options: ValidationOptions(type: type))
            let errors = result.diagnostics.filter(\.isError)
            if errors.isEmpty, result.workflow != nil {
                clean += 1
            } else {
                failures.append("\(path): " + errors.map { "\($0.label) \($0.path ?? ""): \($0.message)" }.joined(separator: "; "))
            }
        }
        #expect(failures.isEmpty, "\(failures.count) of \(files.count) rejected:\n\(failures.prefix(40).joined(separator: "\n"))")
        print("conformance corpus: \(clean) of \(files.count) definitions validate cleanly")
    }
}
