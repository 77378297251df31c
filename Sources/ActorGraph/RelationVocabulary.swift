import OrderedCollections

/// The relation types a graph may use, in declaration order, looked up by name in O(1).
public struct RelationVocabulary: Sendable, Hashable {
    public private(set) var types: OrderedDictionary<String, RelationType> = [:]

    public init() {}

    public init(_ types: [RelationType]) {
        for type in types { self.types[type.name] = type }
    }

    /// Adds a type; returns `false` when the name is taken (the first definition stays).
    @discardableResult
    public mutating func add(_ type: RelationType) -> Bool {
        guard types[type.name] == nil else { return false }
        types[type.name] = type
        return true
    }

    public var count: Int { types.count }

    /// The type names in declaration order.
    public var names: [String] { Array(types.keys) }

    /// The types in declaration order.
    public var all: [RelationType] { Array(types.values) }

    public func index(named name: String) -> RelationTypeIndex? {
        types.index(forKey: name).map { RelationTypeIndex(UInt16($0)) }
    }

    public subscript(index: RelationTypeIndex) -> RelationType { types.values[index.position] }

    public subscript(name: String) -> RelationType? { types[name] }

    /// Whether `name` is a valid type name: lower-case letters, digits and `_`, starting with a letter, at most 64.
    public static func isValidTypeName(_ name: String) -> Bool {
        let utf8 = name.utf8
        guard let first = utf8.first, first >= 0x61, first <= 0x7A, utf8.count <= 64 else { return false }
        return utf8.allSatisfy { ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x5F }
    }

    /// The most types one graph can hold (indices are 16-bit).
    public static let maximumCount = Int(UInt16.max)

    /// The vocabulary used when graph files declare none: the common ties of international politics,
    /// loosely after CAMEO's root categories.
    public static let builtIn = RelationVocabulary([
        .init(name: "allied_with", directed: false, category: .affiliation, description: "A formal or lasting alliance.",
            triggers: ["allied", "alliance", "ally", "allies"]),
        .init(name: "member_of", directed: true, category: .affiliation, inverse: "has member", description: "Membership of an organisation or alliance.",
            triggers: ["member*", "joined"]),
        .init(name: "part_of", directed: true, category: .affiliation, inverse: "includes", description: "An institution or body that belongs to a larger actor.",
            triggers: ["part of", "belongs to"]),
        .init(name: "supports", directed: true, category: .affiliation, inverse: "supported by", description: "Political, material or military backing.",
            triggers: ["support*", "backed", "backing", "help*", "assist*"]),
        .init(name: "predecessor_of", directed: true, category: .affiliation, inverse: "successor of", description: "A state or body succeeded by another.",
            triggers: ["successor", "succeeded", "predecessor", "collapse of"]),
        .init(name: "represents", directed: true, category: .role, inverse: "represented by", description: "An official acts for a state or group in a dated role.",
            triggers: ["ambassador", "envoy", "representative", "spokes*", "minister", "president", "mayor", "represent*"]),
        .init(name: "leads", directed: true, category: .role, inverse: "led by", description: "An official heads a state, government or group.",
            triggers: ["led", "leads", "leader", "head of", "chief"]),
        .init(name: "meets", directed: false, category: .diplomatic, description: "A meeting or talks.",
            triggers: ["met", "meet", "meets", "meeting", "meetings", "talks", "held talks", "talked", "negotiat*", "consultations", "discussed", "conferred"]),
        .init(name: "visits", directed: true, category: .diplomatic, inverse: "visited by", description: "An official or delegation visit.",
            triggers: ["visit*", "travelled to", "traveled to", "trip to", "arrived in", "came to"]),
        .init(name: "recognizes", directed: true, category: .diplomatic, inverse: "recognized by", description: "Diplomatic recognition.",
            triggers: ["recogni*", "legitimacy", "legitimate"]),
        .init(name: "hosts", directed: true, category: .diplomatic, inverse: "hosted by", description: "Hosting a mission, conference or delegation.",
            triggers: ["host*", "organis*", "organiz*", "convened"]),
        .init(name: "has_embassy_in", directed: true, category: .diplomatic, inverse: "hosts embassy of", description: "A diplomatic mission in another state.",
            triggers: ["embassy", "embassies", "consulate", "diplomatic mission", "kept open", "keep open", "remained open", "stayed open"]),
        .init(name: "trades_with", directed: false, category: .economic, description: "Trade between the two.",
            triggers: ["trade*", "trading", "export*", "import*", "commerce", "turnover"]),
        .init(name: "agreement_with", directed: false, category: .economic, description: "An economic agreement.",
            triggers: ["signed", "sign*", "agreement", "memorandum", "accord", "deal"]),
        .init(name: "gives_aid_to", directed: true, category: .economic, inverse: "receives aid from", description: "Humanitarian or economic aid.",
            triggers: ["aid", "humanitarian", "assistance", "donated", "relief"]),
        .init(name: "cooperates_on_security", directed: false, category: .security, description: "Security or counter-terrorism cooperation.",
            triggers: ["counter-terrorism", "counterterrorism", "security cooperation", "intelligence sharing", "joint exercises", "in coordination with", "coordinated with", "coordinating with"]),
        .init(name: "supplies_arms_to", directed: true, category: .security, inverse: "receives arms from", description: "Arms supplies.",
            triggers: ["arms", "weapons", "arming", "military equipment"]),
        .init(name: "fights", directed: false, category: .conflict, description: "Armed conflict.",
            triggers: ["fought", "fight*", "war", "battle*", "combat", "clash*", "waged", "operation against", "operations against", "offensive against", "campaign against"]),
        .init(name: "attacks", directed: true, category: .conflict, inverse: "attacked by", description: "An attack.",
            // "strike" alone is as often a labour strike: only the military compounds.
            triggers: ["attack*", "struck", "air strike*", "airstrike*", "drone strike*", "missile strike*", "military strike*", "bomb*", "shell*", "raid*", "assault*"]),
        .init(name: "designates_terrorist", directed: true, category: .legal, inverse: "designated terrorist by", description: "Listing as a terrorist organisation.",
            triggers: ["terrorist organi*", "banned", "ban", "blacklist*", "designat*", "outlawed", "prohibited"]),
        .init(name: "delists", directed: true, category: .legal, inverse: "delisted by", description: "Removal from a list of banned organisations.",
            triggers: ["delist*", "removed from the list", "remove from the list", "lift* the ban", "unban*", "from the list", "off the list"]),
        .init(name: "sanctions", directed: true, category: .legal, inverse: "sanctioned by", description: "Sanctions.",
            triggers: ["sanction*", "embargo"]),
        .init(name: "accuses", directed: true, category: .statement, inverse: "accused by", description: "A public accusation.",
            triggers: ["accus*", "blame*", "alleg*", "charged"]),
        .init(name: "denies", directed: true, category: .statement, inverse: "denied by", description: "A public denial of another's claim.",
            triggers: ["deni*", "deny", "rejected", "dismissed"]),
        .init(name: "criticizes", directed: true, category: .statement, inverse: "criticized by", description: "Public criticism.",
            triggers: ["criticis*", "criticiz*", "condemn*", "denounc*", "critic*"]),
    ])
}
