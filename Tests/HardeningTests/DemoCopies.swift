import Foundation
import GoldenFiles

/// The demo's staging database loaded into a template no test connects to, so that each test can
/// take its own copy (`CREATE DATABASE … TEMPLATE`) and change it without disturbing the others.
enum DemoCopies {
    static let template = "hd_demo_template"

    private static let loads = OncePerCluster<String> { cluster in
        try TestDatabases.runScript("load-demo", ["hd_demo_production", template, cluster.base])
        // An unchanged copy to compare changed copies with.
        try cluster.createDatabase("hd_demo_base", template: template)
        return "hd_demo_base"
    }

    /// The unchanged copy's name.
    static func base(_ cluster: TestCluster) throws -> String {
        try loads.value(cluster.major)
    }

    /// A new copy of the demo named after `stem`, with `change` (SQL) applied as the superuser.
    static func copy(_ cluster: TestCluster, _ stem: String, change: String? = nil) throws -> String {
        _ = try base(cluster)
        let name = TestCluster.uniqueName(stem)
        try cluster.createDatabase(name, template: template)
        if let change { try cluster.run(change, in: name) }
        return name
    }
}
