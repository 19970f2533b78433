import Catalog
import GoldenFiles
import SchemaModel
import Testing

@Suite("Reading the same schema on different PostgreSQL versions")
struct CrossVersionTests {
    @Test("PostgreSQL 15 and 18 yield the same objects for the same DDL")
    func sameIdentities() throws {
        var snapshots: [Snapshot] = []
        var identities: [[ObjectIdentity]] = []
        var unmodeled: [[String: Int]] = []
        for cluster in Cluster.allCases {
            try withSnapshot(on: cluster) { snapshot in
                snapshots.append(snapshot)
                identities.append(snapshot.objects.map(\.identity))
                unmodeled.append(snapshot.unmodeledObjects)
            }
        }
        try #require(identities.count == 2)
        // NOT NULL constraints (pg_constraint on 18 only) and other version-specific rows must not leak in.
        #expect(Set(identities[0]).symmetricDifference(Set(identities[1])).isEmpty)
        #expect(identities[0] == identities[1])
        #expect(unmodeled[0] == unmodeled[1])
        // Beyond identities, the only differences are the MAINTAIN privilege (17+) in table ACLs and how
        // each version prints view bodies.
        for (older, newer) in zip(snapshots[0].objects, snapshots[1].objects) where older != newer {
            #expect([.table, .view, .materializedView].contains(older.identity.kind), "\(older.identity) differs")
        }
    }
}
