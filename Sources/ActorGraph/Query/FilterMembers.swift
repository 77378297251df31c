/// Members of a fixed list named in a filter (relation categories, actor kinds, statuses), so the CLI's options
/// and the explorer's parameters accept and refuse the same names.
public enum FilterMembers {
    /// A name that is none of the list's members.
    public struct Unknown: Error, Equatable {
        /// What the list holds, in the singular: `category`, `kind`, `status`.
        public let what: String
        public let name: String
        /// Every member's name, in the list's order.
        public let known: [String]

        /// `unknown kind 'party'`.
        public var message: String { "unknown \(what) '\(name)'" }
        /// `(one of: state, group, official)`.
        public var choices: String { "(one of: " + known.joined(separator: ", ") + ")" }
    }

    /// The members `names` name, in order; the first name that is not one fails.
    public static func parse<Member: RawRepresentable & CaseIterable>(
        _ names: [String], as type: Member.Type = Member.self, what: String
    ) -> Result<[Member], Unknown> where Member.RawValue == String {
        var members: [Member] = []
        for name in names {
            guard let member = Member(rawValue: name) else {
                return .failure(Unknown(what: what, name: name, known: Member.allCases.map(\.rawValue)))
            }
            members.append(member)
        }
        return .success(members)
    }

    public static func categories(_ names: [String]) -> Result<[RelationCategory], Unknown> {
        parse(names, what: "category")
    }

    public static func kinds(_ names: [String]) -> Result<[ActorKind], Unknown> { parse(names, what: "kind") }

    public static func statuses(_ names: [String]) -> Result<[RelationStatus], Unknown> {
        parse(names, what: "status")
    }
}
