/// One check of an ASL definition. Each rule lives in its own file under `Rules/`,
/// named after it, and declares its diagnostic id(s), AWS's code and its wording, so
/// everything a user may read about one problem is in one place.
protocol ValidationRule: Sendable {
    init()
    /// Appends a diagnostic to `context` for every problem found; never stops early.
    func check(_ context: inout ValidationContext)
}
