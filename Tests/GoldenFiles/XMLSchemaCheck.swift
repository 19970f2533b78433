import Foundation

/// Validates an XML file against the project's JUnit schema with libxml2's xmllint.
public enum XMLSchemaCheck {
    /// xmllint's complaint.
    public struct Invalid: Error, CustomStringConvertible { public let description: String }

    /// Throws `Invalid` with xmllint's output unless `file` is valid JUnit XML.
    public static func validate(_ file: URL) throws {
        let schema = GoldenFile.repositoryRoot.appendingPathComponent("schemas/junit.xsd").path
        let outcome = try ChildProcess.run(URL(fileURLWithPath: "/usr/bin/xmllint"), ["--noout", "--schema", schema, file.path])
        guard outcome.status == 0 else { throw Invalid(description: outcome.output) }
    }
}
