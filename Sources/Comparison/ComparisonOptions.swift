import SchemaModel

/// What a comparison leaves out and how much of each diff it keeps.
public struct ComparisonOptions: Sendable, Hashable {
    /// Keep hunks that change formatting only (`--show-formatting`), and give `equivalent` and
    /// `printed differently` definitions a diff too.
    public var showFormattingHunks: Bool
    /// Lines of unchanged text around each change in a hunk.
    public var contextLines: Int
    /// Objects to leave out of the result (the config file's ignore list); see `ObjectPattern`.
    public var ignoredObjects: [ObjectPattern]
    /// When set, only these objects are compared, plus everything that belongs to a table, view or
    /// materialized view among them (its columns, constraints, indexes, triggers, policies, rules).
    /// This is how the single-object commands (`deepdiff table NAME`) restrict a comparison; find
    /// the identities with `ObjectLookup.objects(named:kinds:in:)`.
    public var onlyObjects: Set<ObjectIdentity>?

    /// Creates options; the defaults compare everything and hide formatting-only hunks.
    public init(showFormattingHunks: Bool = false, contextLines: Int = 3, ignoredObjects: [ObjectPattern] = [],
                onlyObjects: Set<ObjectIdentity>? = nil) {
        self.showFormattingHunks = showFormattingHunks
        self.contextLines = contextLines
        self.ignoredObjects = ignoredObjects
        self.onlyObjects = onlyObjects
    }
}
