/// File paths joined as text, as given: `URL` would make a relative folder absolute, and the paths
/// of migration files are shown to people as they named the folder.
public enum PathText {
    /// `name` inside `folder`: one `/` between them, whether or not `folder` ends with one.
    public static func joined<Folder: StringProtocol>(_ folder: Folder, _ name: String) -> String {
        if folder.isEmpty { return name }
        return folder.hasSuffix("/") ? folder + name : folder + "/" + name
    }
}
