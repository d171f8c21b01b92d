internal import CGit2
#if canImport(Glibc)
    import Glibc
#else
    import Darwin
#endif

extension GitRepository {
    /// Where sfn keeps its notes unless told otherwise: `git log --notes=sfn` shows them.
    public static let sfnNotesRef = "refs/notes/sfn"

    /// The note attached to the object `id` (a commit, normally) under `ref`; nil when there
    /// is none.
    public func note(on id: GitObjectID, ref: String = GitRepository.sfnNotesRef) throws(GitError) -> String? {
        try locked { () throws(GitError) -> String? in
            var target = id.oid
            var note: OpaquePointer?
            let found = git_note_read(&note, handle, ref, &target)
            if found == GIT_ENOTFOUND.rawValue { return nil }
            try check(found, "read the note on \(id.short) under '\(ref)'")
            defer { git_note_free(note) }
            return git_note_message(note).map { String(cString: $0) } ?? ""
        }
    }

    /// Appends `text` to the note on `id` under `ref`, as `git notes --ref ref append` does
    /// (a blank line between the old text and the new), creating the note and the notes ref
    /// when missing. Returns the note's whole text afterwards.
    ///
    /// The notes commit is made on the ref's current tip and the ref is moved only if it
    /// still points there (compare-and-swap); when another process moved it meanwhile, the
    /// append is done again on the new tip, so two writers at once both keep their text.
    /// The notes commit is signed by the repository's `user.name`/`user.email`, or by
    /// `sfn <sfn@localhost>` where none is configured (a CI machine).
    @discardableResult
    public func appendNote(
        _ text: String, to id: GitObjectID, ref: String = GitRepository.sfnNotesRef
    ) throws(GitError) -> String {
        let operation = "append a note to \(id.short) under '\(ref)'"
        let addition = text.hasSuffix("\n") ? text : text + "\n"
        return try locked { () throws(GitError) -> String in
            let signature = try defaultSignature(operation)
            defer { git_signature_free(signature) }
            for _ in 0..<100 {
                var tip = git_oid()
                let hasTip: Bool
                switch git_reference_name_to_id(&tip, handle, ref) {
                case 0: hasTip = true
                case GIT_ENOTFOUND.rawValue: hasTip = false
                case let code: try check(code, operation); hasTip = false
                }
                var parent: OpaquePointer?
                if hasTip { try check(git_commit_lookup(&parent, handle, &tip), operation) }
                defer { git_commit_free(parent) }
                let existing = try existingNote(in: parent, on: id, operation)
                let message = existing.map { ($0.hasSuffix("\n") ? $0 : $0 + "\n") + "\n" + addition } ?? addition

                var target = id.oid
                var notesCommit = git_oid()
                var blob = git_oid()
                try check(
                    git_note_commit_create(&notesCommit, &blob, handle, parent, signature, signature, &target, message, 1),
                    operation)
                var reference: OpaquePointer?
                let moved = hasTip
                    ? git_reference_create_matching(
                        &reference, handle, ref, &notesCommit, 1, &tip, "notes: append by sfn")
                    : git_reference_create(&reference, handle, ref, &notesCommit, 0, "notes: append by sfn")
                git_reference_free(reference)
                if moved == GIT_EMODIFIED.rawValue || moved == GIT_EEXISTS.rawValue || moved == GIT_ELOCKED.rawValue {
                    // Another writer moved or holds the ref: let it finish, then append on its tip.
                    usleep(1_000)
                    continue
                }
                try check(moved, operation)
                return message
            }
            throw GitError(operation: operation, message: "the notes ref kept changing under concurrent writers")
        }
    }

    /// The note on `id` in the notes commit `notes` (nil: no notes yet); the caller holds the lock.
    private func existingNote(in notes: OpaquePointer?, on id: GitObjectID, _ operation: String) throws(GitError) -> String? {
        guard let notes else { return nil }
        var target = id.oid
        var note: OpaquePointer?
        let found = git_note_commit_read(&note, handle, notes, &target)
        if found == GIT_ENOTFOUND.rawValue { return nil }
        try check(found, operation)
        defer { git_note_free(note) }
        return git_note_message(note).map { String(cString: $0) } ?? ""
    }

    /// The configured identity, or sfn's own; the caller frees it and holds the lock.
    private func defaultSignature(_ operation: String) throws(GitError) -> UnsafeMutablePointer<git_signature>? {
        var signature: UnsafeMutablePointer<git_signature>?
        if git_signature_default(&signature, handle) == 0, signature != nil { return signature }
        try check(git_signature_now(&signature, "sfn", "sfn@localhost"), operation)
        return signature
    }
}
