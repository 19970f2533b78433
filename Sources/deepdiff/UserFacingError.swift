import ArgumentParser

/// Turns any error into the one line a user reads.
enum UserFacingError {
    /// One line: the error's own description, flattened, never a Swift dump.
    static func describe(_ error: any Error) -> String {
        let text: String
        if let validation = error as? ValidationError {
            text = validation.message
        } else if let described = error as? any CustomStringConvertible {
            text = described.description
        } else {
            text = String(describing: error)
        }
        return text.split(whereSeparator: \.isNewline).joined(separator: " ")
    }
}
