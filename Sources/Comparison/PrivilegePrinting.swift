import SchemaModel

/// How PostgreSQL major versions print the same relation privileges differently.
///
/// PostgreSQL 17 added the MAINTAIN privilege (`m` in an aclitem), so `GRANT ALL` on a table, view
/// or materialized view, and the owner's implicit item, print as `arwdDxt` on 16 and before but
/// `arwdDxtm` on 17 and after. Comparing across that boundary, the newer side's items are read
/// without `m`: equal then means the grants are the same as far as the older server can express.
enum PrivilegePrinting {
    /// The first major version with the MAINTAIN privilege.
    static let maintainMajor = 17

    /// Whether relation privileges of servers `sourceMajor` and `targetMajor` are printed with
    /// different privilege alphabets.
    static func differs(sourceMajor: Int, targetMajor: Int) -> Bool {
        (sourceMajor < maintainMajor) != (targetMajor < maintainMajor)
    }

    /// Whether `source` and `target` privileges of a relation of `kind` are the same grants once
    /// the newer side's MAINTAIN privileges are set aside. False when the versions print alike.
    static func equalAcrossVersions(_ source: AttributeValue, _ target: AttributeValue, kind: ObjectKind,
                                    sourceMajor: Int, targetMajor: Int) -> Bool {
        guard ObjectScope.relationKinds.contains(kind), differs(sourceMajor: sourceMajor, targetMajor: targetMajor),
              case .list(var sourceItems) = source, case .list(var targetItems) = target else { return false }
        if sourceMajor >= maintainMajor {
            sourceItems = sourceItems.map(withoutMaintain)
        } else {
            targetItems = targetItems.map(withoutMaintain)
        }
        // An item granting MAINTAIN alone keeps its empty privileges and so still differs: it lets
        // its grantee do something on the newer server.
        return UTF8Bytes.equalIgnoringOrder(sourceItems, targetItems)
    }

    /// `item` (`grantee=privileges/grantor`) without the MAINTAIN privilege and its grant option.
    /// The grantee may be a quoted name holding `=` or `m`; only the privilege letters change.
    static func withoutMaintain(_ item: String) -> String {
        guard let privileges = privilegeRange(of: item) else { return item }
        var letters = Substring(item[privileges])
        var kept = ""
        while let letter = letters.popFirst() {
            let grantOption = letters.first == "*"
            if grantOption { letters.removeFirst() }
            guard letter != "m" else { continue }
            kept.append(letter)
            if grantOption { kept.append("*") }
        }
        return String(item[..<privileges.lowerBound]) + kept + String(item[privileges.upperBound...])
    }

    /// The range of the privilege letters in an aclitem: after the `=` that ends the grantee (a
    /// double-quoted grantee may contain `=`; `""` escapes a quote), up to the next `/`.
    static func privilegeRange(of item: String) -> Range<String.Index>? {
        var index = item.startIndex
        var quoted = false
        while index < item.endIndex {
            let character = item[index]
            if character == "\"" {
                let next = item.index(after: index)
                if quoted, next < item.endIndex, item[next] == "\"" {
                    index = item.index(after: next)
                    continue
                }
                quoted.toggle()
            } else if character == "=", !quoted {
                break
            }
            index = item.index(after: index)
        }
        guard index < item.endIndex else { return nil }
        let start = item.index(after: index)
        let end = item[start...].firstIndex(of: "/") ?? item.endIndex
        return start..<end
    }
}
