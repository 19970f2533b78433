import Comparison
import Migrations
import SchemaModel

/// The terminal report of `verify-migrations`: one line per migration, the objects that are not
/// present exactly under it, and a failed file with its statement and error.
enum MigrationVerificationText {
    /// The whole report.
    static func render(_ verification: MigrationVerification, directory: MigrationDirectory, label: String) -> String {
        var lines = ["verify-migrations: \(directory.files.count) migration files in \(directory.path) against \(label)", ""]
        for skipped in directory.skippedFiles {
            lines.append("  skipped \(skipped): not named <version>_<name>.sql")
        }
        let width = verification.migrations.map { title($0.migration.version, $0.migration.name).count }.max() ?? 0
        for migration in verification.migrations {
            let title = title(migration.migration.version, migration.migration.name)
            let name = title + String(repeating: " ", count: max(0, width - title.count))
            let differences = migration.differences
            if differences.isEmpty {
                lines.append("  present    \(name)  \(count(migration.objects.count, "object")) present exactly")
            } else {
                lines.append("  DIFFERENT  \(name)  \(differences.count) of \(count(migration.objects.count, "object")) not present exactly")
                lines += differences.flatMap(describe)
            }
        }
        if let failure = verification.failure {
            lines.append("  FAILED     \(title(failure.migration.version, failure.migration.name))  did not apply")
            lines.append("      file:      \(failure.file), line \(failure.line)")
            lines.append("      statement: \(oneLine(failure.statement))")
            lines.append("      error:     \(failure.error)")
            for record in verification.notApplied {
                lines.append("  not run    \(title(record.version, record.name))  (after the failed migration)")
            }
        }
        let unattributed = verification.unattributed.filter { $0.verdict.isDifference() }
        if !unattributed.isEmpty {
            lines.append("  in no migration's objects:")
            lines += unattributed.flatMap(describe)
        }
        let failing = verification.migrations.filter { !$0.isPresentExactly }.count
        lines.append("")
        if verification.allPresentExactly {
            lines.append("VERIFIED: the effects of all \(verification.migrations.count) migrations are present exactly in \(label)")
        } else if verification.failure != nil {
            lines.append("NOT VERIFIED: a migration file failed to apply; \(failing) of the \(verification.migrations.count) applied migrations are not present exactly in \(label)")
        } else {
            lines.append("NOT VERIFIED: \(failing) of \(verification.migrations.count) migrations are not present exactly in \(label)")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The lines of one object that is not present exactly, with what differs.
    private static func describe(_ object: ObjectComparison) -> [String] {
        let what = switch object.verdict {
        case .onlyInSource: "missing (the migrations create it)"
        case .onlyInTarget: "present, but the migrations drop it"
        default: "different"
        }
        var lines = ["      \(object.identity.description): \(what)"]
        for attribute in object.attributeDifferences {
            lines.append("        \(attribute.name): migrations \(attribute.source.map { oneLine($0.description) } ?? "(none)"), database \(attribute.target.map { oneLine($0.description) } ?? "(none)")")
        }
        if let diff = object.diff, !diff.hunks.isEmpty {
            lines.append("        definition differs (\(diff.hunks.count) hunk\(diff.hunks.count == 1 ? "" : "s"); see `deepdiff compare` for the diff)")
        }
        return lines
    }

    private static func title(_ version: String, _ name: String?) -> String {
        name.map { "\(version) \($0)" } ?? version
    }

    private static func count(_ number: Int, _ noun: String) -> String {
        "\(number) \(noun)\(number == 1 ? "" : "s")"
    }

    /// Text on one line, cut short, so a long statement or value does not flood the report.
    private static func oneLine(_ text: String) -> String {
        let flat = text.split(whereSeparator: \.isNewline).map(\.trimmingWhitespace).joined(separator: " ")
        return flat.count > 160 ? "\(flat.prefix(160))…" : flat
    }
}
