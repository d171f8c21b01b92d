import Commands

/// The `sfn` executable: everything lives in `Commands`.
@main
struct Entrypoint {
    static func main() async {
        // Before any task: `sfn serve` moves Swift concurrency onto its event loops.
        ServeProcess.prepare(arguments: Array(CommandLine.arguments.dropFirst()))
        await SFNCommand.main()
    }
}
