/// The command line asks for something that cannot be done as asked: an unknown option, a missing
/// or malformed value, a missing argument. Its description is one sentence for the user.
public struct UsageError: Error, CustomStringConvertible, Sendable, Equatable {
    public let description: String

    public init(_ description: String) {
        self.description = description
    }
}
