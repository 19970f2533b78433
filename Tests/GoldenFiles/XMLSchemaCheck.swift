import Foundation

/// Validates an XML file against the project's JUnit schema with libxml2's xmllint.
public enum XMLSchemaCheck {
    /// xmllint's complaint.
    public struct Invalid: Error, CustomStringConvertible { public let description: String }

    /// Throws `Invalid` with xmllint's output unless `file` is valid JUnit XML.
    public static func validate(_ file: URL) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/xmllint")
        let schema = GoldenFile.repositoryRoot.appendingPathComponent("schemas/junit.xsd").path
        process.arguments = ["--noout", "--schema", schema, file.path]
        let output = Pipe()
        process.standardError = output
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw Invalid(description: String(decoding: data, as: UTF8.self))
        }
    }
}
