import Foundation
import JSONValue
import YAML

/// `sfn-benchmark --parse [--workflows N] [--iterations K]`: where the time of reading a
/// repository's sources goes, to decide what a cache of parsed sources could save.
///
/// Over the generated repository's files, one pass each: the YAML parser (libyaml, the value
/// and the source map); the JSON parser over the same values written as pretty JSON (the
/// cheapest form a cache could be read back from: a hand-written parser building the same
/// value and map, with no YAML scanning); and JSON without the map (the value alone).
struct ParseBenchmark {
    var workflowCount = 500
    var iterations = 5

    func run() throws {
        let files = GeneratedRepository(workflowCount: workflowCount).files().sorted { $0.key < $1.key }
        let yaml = files.map { (path: $0.key, text: $0.value) }
        let json = try yaml.map { (path: $0.path, text: try YAMLParser.parseDocument($0.text, file: $0.path).value.serialized(.pretty)) }
        let bytes = yaml.reduce(0) { $0 + $1.text.utf8.count }
        print("parse: \(files.count) files, \(bytes / 1024) KiB of YAML, \(iterations) passes each, one core")
        var entries = 0
        report("YAML (libyaml + value + source map)") {
            entries = 0
            for file in yaml { entries += (try? YAMLParser.parseDocument(file.text, file: file.path))?.sourceMap.entries.count ?? 0 }
        }
        print("    \(entries) source map entries")
        report("JSON text of the same values (value + source map)") {
            for file in json { _ = try? JSONParser.parseDocument(file.text, file: file.path) }
        }
        report("JSON text of the same values (value only)") {
            for file in json { _ = try? JSON.parse(file.text) }
        }
    }

    private func report(_ what: String, _ pass: () -> Void) {
        var times: [Double] = []
        for _ in 0..<iterations {
            let start = ContinuousClock.now
            pass()
            let (seconds, attoseconds) = (ContinuousClock.now - start).components
            times.append(Double(seconds) + Double(attoseconds) / 1e18)
        }
        let sorted = times.sorted()
        print("  \(what): fastest \(DeployBenchmark.format(sorted[0])), median \(DeployBenchmark.format(sorted[sorted.count / 2])), load \(DeployBenchmark.Stopwatch.loadAverage())")
    }
}
