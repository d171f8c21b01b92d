import Commands

/// The `sfn` executable: everything lives in `Commands`.
@main
struct Entrypoint {
    static func main() async {
        await SFNCommand.main()
    }
}
