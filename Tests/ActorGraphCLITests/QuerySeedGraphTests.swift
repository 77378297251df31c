import ActorGraphTestSupport
import Foundation
import Testing

/// Questions an analyst asks of the curated seed graph (graphs/russia-taliban.yaml).
@Suite("Query commands on the seed graph")
struct QuerySeedGraphTests {
    static var seedGraphExists: Bool {
        FileManager.default.fileExists(atPath: packageRoot.appendingPathComponent("graphs/russia-taliban.yaml").path)
    }

    static func json(_ arguments: [String]) throws -> (status: Int32, object: [String: Any]) {
        let result = try runActorGraph(arguments + ["--format", "json"])
        let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        return (result.status, object ?? [:])
    }

    static func ids(_ object: [String: Any], _ key: String) -> [String] {
        (object[key] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
    }

    @Test(.enabled(if: seedGraphExists)) func howPutinConnectsToAlQaeda() throws {
        let (status, object) = try Self.json(["path", "Putin", "al-Qaeda"])
        #expect(status == 0)
        let path = try #require((object["paths"] as? [[String: Any]])?.first)
        // Through the Russian state, which bans al-Qaeda as a terrorist organisation.
        #expect(path["actors"] as? [String] == ["putin", "russia", "al-qaeda"])
        let relations = (path["relations"] as? [[String: Any]] ?? []).compactMap { $0["type"] as? String }
        #expect(relations.contains("represents") && relations.contains("designates_terrorist"))
        // Without the ban, through the Taliban, al-Qaeda's ally.
        let (_, other) = try Self.json(["path", "putin", "al-qaeda", "--exclude-types", "designates_terrorist"])
        let longer = try #require((other["paths"] as? [[String: Any]])?.first)
        #expect((longer["actors"] as? [String])?.contains("taliban") == true)
        #expect(longer["length"] as? Int == 3)
        // In 2001 itself (possible matches allowed), the ban is undated and drops out; the war route remains.
        let (_, in2001) = try Self.json(["path", "putin", "al-qaeda", "--at", "2001", "--possibly"])
        let dated = try #require((in2001["paths"] as? [[String: Any]])?.first)
        #expect(dated["actors"] as? [String] == ["putin", "russia", "taliban", "al-qaeda"])
    }

    @Test(.enabled(if: seedGraphExists)) func russiaTalibanRelationsIn2001Versus2023() throws {
        // The war's date is approximate ("almost a quarter of a century ago"), so it is only possibly active.
        let (_, in2001) = try Self.json(["timeline", "russia", "taliban", "--at", "2001", "--possibly"])
        let (_, in2023) = try Self.json(["timeline", "russia", "taliban", "--at", "2023", "--possibly"])
        let then = Self.ids(in2001, "relations")
        let now = Self.ids(in2023, "relations")
        // War in 2001 ...
        #expect(then.contains("russia-fights-taliban-2001"))
        #expect(!now.contains("russia-fights-taliban-2001"))
        // ... talks and visits in 2023.
        #expect(now.contains("taliban-visits-kazan-2023"))
        #expect(!then.contains("taliban-visits-kazan-2023"))
        // What is definitely active at one date is not at the other.
        let definitelyThen = Self.ids(try Self.json(["timeline", "russia", "taliban", "--at", "2001"]).1, "relations")
        let definitelyNow = Self.ids(try Self.json(["timeline", "russia", "taliban", "--at", "2023"]).1, "relations")
        #expect(!definitelyThen.isEmpty && !definitelyNow.isEmpty)
        #expect(Set(definitelyThen).isDisjoint(with: Set(definitelyNow)))
        // The diff says the same.
        let (_, diff) = try Self.json(["diff", "--from", "2001", "--to", "2023", "--actor", "taliban", "--possibly"])
        #expect(Self.ids(diff, "removed").contains("russia-fights-taliban-2001"))
        #expect(Self.ids(diff, "added").contains("taliban-visits-kazan-2023"))
    }
}
