import Foundation
import SchemaModel

/// libFuzzer target: loading a snapshot file from arbitrary bytes.
///
/// Loading may refuse a file (that is an error for the user, not a finding) but must never trap.
/// A file that loads must survive a round trip: writing it again and loading that gives the same
/// snapshot, and writing is a fixed point after one pass.
@_cdecl("LLVMFuzzerTestOneInput")
public func snapshotFuzzTarget(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let file = Data(bytes: data, count: size)
    guard let snapshot = try? SnapshotFile.decode(file, path: "fuzz.json") else { return 0 }
    guard let written = try? SnapshotFile.encode(snapshot) else { return 0 }
    let reloaded: Snapshot
    do {
        reloaded = try SnapshotFile.decode(written, path: "rewritten.json")
    } catch {
        require(false, "a snapshot this build wrote does not load: \(error)")
        return 0
    }
    var sorted = snapshot
    sorted.objects.sort { $0.identity < $1.identity }
    require(reloaded == sorted, "a snapshot changed on a write and load")
    require((try? SnapshotFile.encode(reloaded)) == written, "writing a snapshot twice gives different files")
    return 0
}
