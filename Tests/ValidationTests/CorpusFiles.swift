import Foundation

/// File access for corpus tests (tests may use Foundation; the modules do not).
enum CorpusFiles {
    /// Every `.json` file under `directory`, sorted; empty when the directory is absent.
    static func list(_ directory: String) -> [String] {
        let manager = FileManager.default
        guard let enumerator = manager.enumerator(atPath: directory) else { return [] }
        var files: [String] = []
        while let item = enumerator.nextObject() as? String {
            if item.hasSuffix(".json") { files.append(directory + "/" + item) }
        }
        return files.sorted()
    }

    static func read(_ path: String) -> String? {
        try? String(contentsOfFile: path, encoding: .utf8)
    }
}
