import ActorGraph
import Testing

@Suite("Filter members")
struct FilterMembersTests {
    @Test func namesBecomeMembersInOrder() throws {
        #expect(try FilterMembers.kinds(["official", "state"]).get() == [.official, .state])
        #expect(try FilterMembers.statuses(["denied"]).get() == [.denied])
        #expect(try FilterMembers.categories([]).get() == [])
    }

    @Test func theFirstUnknownNameFailsWithEveryChoice() {
        let failure = FilterMembers.kinds(["state", "party", "club"])
        #expect(failure.failure?.what == "kind")
        #expect(failure.failure?.name == "party")
        #expect(failure.failure?.known == ["state", "group", "official"])
        #expect(failure.failure?.message == "unknown kind 'party'")
        #expect(failure.failure?.choices == "(one of: state, group, official)")
        #expect(FilterMembers.statuses(["Reported"]).failure?.choices == "(one of: reported, claimed, denied)")
        #expect(
            FilterMembers.categories(["trade"]).failure?.known == RelationCategory.allCases.map(\.rawValue))
    }
}

extension Result {
    fileprivate var failure: Failure? {
        if case .failure(let failure) = self { return failure }
        return nil
    }
}
