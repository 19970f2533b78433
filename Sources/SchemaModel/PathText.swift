/// File paths and words as text, without Foundation's `NSString`.
public enum PathText {
    /// `name` inside `folder`: one `/` between them, whether or not `folder` ends with one.
    public static func joined<Folder: StringProtocol>(_ folder: Folder, _ name: String) -> String {
        if folder.isEmpty { return name }
        return folder.hasSuffix("/") ? folder + name : folder + "/" + name
    }

    /// The last component of `path` ("b.sql" for "/a/b.sql"), trailing slashes ignored.
    public static func lastComponent(_ path: String) -> String {
        let trimmed = path.reversed().drop { $0 == "/" }.reversed()
        guard let slash = trimmed.lastIndex(of: "/") else { return String(trimmed) }
        return String(trimmed[trimmed.index(after: slash)...])
    }

    /// `path` without its last component ("/a" for "/a/b.sql", "/" for "/a").
    public static func parent(_ path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "" }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }
}

extension StringProtocol {
    /// The text without whitespace or line breaks at either end.
    public var trimmingWhitespace: String {
        String(drop { $0.isWhitespace }.reversed().drop { $0.isWhitespace }.reversed())
    }
}
