/// Turns any error into the one line a user reads.
enum UserFacingError {
    /// One line: the error's own description, flattened, never a Swift dump.
    static func describe(_ error: any Error) -> String {
        // `String(describing:)` is an error's `description` when it has one.
        String(describing: error).split(whereSeparator: \.isNewline).joined(separator: " ")
    }
}
