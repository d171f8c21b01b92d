import ArgumentParser

/// `--rev REV`: read the sources as a commit holds them instead of the working tree.
struct RevisionOptions: ParsableArguments {
    @Option(name: .customLong("rev"), help: ArgumentHelp(
        "Read sources at this git revision (sha, branch, tag, HEAD~2) instead of the working tree; nothing is checked out.",
        valueName: "rev"))
    var revision: String?
}
