import Foundation

/// `swift run -c release sfn-benchmark [--workflows N] [--keep DIR]`
///
/// Generates a repository of N workflows (default 500) × 4 environments on disk and
/// measures loading, rendering and validating every pair. Figures, not assertions:
/// the README records them.
let arguments = CommandLine.arguments.dropFirst()
var workflowCount = 500
var keepDirectory: String?
var iterator = arguments.makeIterator()
while let argument = iterator.next() {
    switch argument {
    case "--workflows": workflowCount = iterator.next().flatMap(Int.init) ?? workflowCount
    case "--keep": keepDirectory = iterator.next()
    default:
        FileHandle.standardError.write(Data("usage: sfn-benchmark [--workflows N] [--keep DIR]\n".utf8))
        exit(2)
    }
}

let root = keepDirectory ?? FileManager.default.temporaryDirectory
    .appendingPathComponent("sfn-benchmark-\(ProcessInfo.processInfo.processIdentifier)").path
let files = GeneratedRepository(workflowCount: workflowCount).files()
for (path, text) in files {
    let url = URL(fileURLWithPath: root).appendingPathComponent(path)
    try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    try Data(text.utf8).write(to: url)
}
print("generated \(files.count) files under \(root)")
