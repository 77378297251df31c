import ActorGraph
import ActorGraphExtract
import Testing

/// Made-up actors for the coreference and government rules: a movement with its government, a state with a capital
/// as alias, a person and an ordinary group. Nothing here comes from the seed texts.
private let actors = [
    ActorRecord(id: "ostrava", name: "Ostravia", kind: .state, aliases: ["Ostrava City"]),
    ActorRecord(id: "merovia", name: "Merovia", kind: .state),
    ActorRecord(id: "green-dawn", name: "Green Dawn", kind: .group, subkind: "movement"),
    ActorRecord(
        id: "dawn-council", name: "Council of the Dawn", kind: .group, subkind: "government",
        aliases: ["Green Dawn government"]),
    ActorRecord(id: "pell", name: "Ada Pell", kind: .official, aliases: ["Pell"]),
    ActorRecord(id: "river-league", name: "River League", kind: .group, subkind: "alliance"),
    ActorRecord(id: "merovian-mint", name: "Merovian Mint", kind: .group, subkind: "institution", country: "merovia"),
    ActorRecord(id: "lake-bank", name: "Lake Bank", kind: .group, subkind: "institution", country: "merovia"),
]

private let vocabulary = RelationVocabulary([
    RelationType(name: "meets", directed: false, category: .diplomatic, triggers: ["met", "talks"]),
    RelationType(name: "trades_with", directed: false, category: .economic, triggers: ["trade", "exports"]),
    RelationType(name: "fights", directed: false, category: .conflict, triggers: ["fought", "attacked"]),
    RelationType(name: "criticises", directed: true, category: .statement, triggers: ["criticised"]),
    RelationType(name: "part_of", directed: true, category: .affiliation),
])

private let extractor = Extractor(actors: actors, vocabulary: vocabulary)

private func candidates(_ text: String) -> [String] {
    var options = ExtractionOptions()
    options.knownActorsOnly = true
    return extractor.extract(text, options: options).candidates.map { candidate in
        func id(_ mention: Mention) -> String {
            if case .actor(let id) = mention.target { return id }
            return "?"
        }
        return "L\(candidate.lines) \(id(candidate.from)) \(candidate.type) \(id(candidate.to))"
    }
}

/// The days of an EDTF date, for a ruler's term.
private func span(_ text: String) throws -> TimeSpan { try EDTFDate.parse(text).get().span }

/// The candidates between known actors, by the trigger's line, read with a publication date (or none).
private func candidatesByLine(_ text: String, extractor: Extractor, published: String?) throws -> [String] {
    var options = ExtractionOptions(published: try published.map { try EDTFDate.parse($0).get() })
    options.knownActorsOnly = true
    return extractor.extract(text, options: options).candidates.map { candidate in
        func id(_ mention: Mention) -> String { if case .actor(let id) = mention.target { id } else { "?" } }
        return "L\(candidate.line) \(id(candidate.from)) \(candidate.type) \(id(candidate.to))"
    }
}

@Suite("References and readings")
struct ReferenceTests {
    /// "they" and "the movement" stand for the last group named before them, in the sentence or the one before.
    @Test func aPronounOrADescriptionTakesTheLastActorOfItsKind() {
        #expect(candidates("Green Dawn crossed the river.\nLater they attacked Merovia.") == ["L1...2 green-dawn fights merovia"])
        #expect(candidates("Green Dawn crossed the river.\nMerovia criticised the movement.") == ["L1...2 merovia criticises green-dawn"])
        #expect(candidates("Green Dawn crossed the river.\nMerovia criticised this movement.") == ["L1...2 merovia criticises green-dawn"])
        // Not the subject of its own clause, and not a demonym: "it" is the group named before both.
        #expect(candidates("Green Dawn attacked a Merovian boat, and Ostravia criticised it.") == [
            "L1...1 green-dawn fights merovia", "L1...1 ostrava criticises green-dawn",
        ])
        // "he" takes a person, never the state named after him.
        #expect(candidates("Ada Pell flew to Merovia.\nThere he criticised Ostravia.") == ["L1...2 pell criticises ostrava"])
    }

    /// A word of the wrong kind, an antecedent two sentences back, or a name on the same side leaves the word alone.
    @Test func aReferenceIsConservative() {
        // "the country" needs a state: the only actor before it is a group.
        #expect(candidates("Green Dawn crossed the river.\nMerovia criticised the country.").isEmpty)
        // Two sentences back is too far.
        #expect(candidates("Green Dawn crossed the river. Nothing moved.\nThen they attacked Merovia.").isEmpty)
        // An expletive "it" stands for nothing.
        #expect(candidates("Merovia kept quiet.\nIt is said that Ostravia fought hard.").isEmpty)
        #expect(candidates("River League grew. It should be noted that trade with Ostravia fell.").isEmpty)
        // …but "it has been" speaks of something.
        #expect(candidates("River League grew. It has been criticised by Ostravia.") == ["L1...1 ostrava criticises river-league"])
        // A named actor on the trigger's side wins over a pronoun.
        #expect(candidates("Green Dawn waited.\nRiver League said they attacked Merovia.") == ["L2...2 river-league fights merovia"])
    }

    /// Only the last 30 actors named are looked at, so a sentence without stops costs no more than that per word.
    @Test func aReferenceLooksBackThirtyActors() {
        func text(_ count: Int) -> String {
            "Green Dawn waited beside " + Array(repeating: "Merovia", count: count).joined(separator: " and ") + ".\n"
                + "The movement attacked Ostravia."
        }
        #expect(candidates(text(29)).contains("L1...2 green-dawn fights ostrava"))
        #expect(!candidates(text(30)).contains { $0.contains("green-dawn") })
    }

    /// An economic act of a movement in power is its government's: the government is the group whose alias is the
    /// movement's name with "government"; other acts stay with the movement.
    @Test func anEconomicActOfAMovementGoesToItsGovernment() {
        #expect(candidates("Merovia expanded trade with Green Dawn.") == ["L1...1 merovia trades_with dawn-council"])
        #expect(candidates("Merovia fought Green Dawn.") == ["L1...1 merovia fights green-dawn"])
        // A diplomatic act with a state may be the government's as well: both readings, for the reviewer to keep one;
        // with a person or an institution it stays the movement's.
        #expect(candidates("Merovia met Green Dawn.") == ["L1...1 merovia meets green-dawn", "L1...1 merovia meets dawn-council"])
        #expect(candidates("Ada Pell met Green Dawn.") == ["L1...1 pell meets green-dawn"])
        #expect(candidates("The Merovian Mint met Green Dawn.").filter { !$0.contains("part_of") } == ["L1...1 merovian-mint meets green-dawn"])
    }

    /// A relative clause or a bracketed aside closed before the trigger does not give its subject.
    @Test func anAsideBeforeTheTriggerIsPassedOver() {
        #expect(candidates("River League, which Ada Pell once chaired, met Ostravia.") == ["L1...1 river-league meets ostrava"])
        #expect(candidates("River League (unlike Merovia) met Ostravia.") == ["L1...1 river-league meets ostrava"])
        // A clause still open at the trigger is where the trigger stands: its own subject is the nearest.
        #expect(candidates("River League, which Merovia met, waited.") == ["L1...1 river-league meets merovia"])
    }

    /// Examples after the trigger are its objects too, each paired with the subject before it.
    @Test func examplesAfterTheTriggerAreItsObjects() {
        #expect(candidates("Ostravia fought foes of Merovia, such as River League and Green Dawn.") == [
            "L1...1 ostrava fights merovia", "L1...1 ostrava fights river-league", "L1...1 ostrava fights green-dawn",
        ])
        #expect(candidates("Ostravia met allies of Merovia, including River League.") == [
            "L1...1 ostrava meets merovia", "L1...1 ostrava meets river-league",
        ])
    }

    /// The sentence's first actor is carried to a later trigger with an actor on each side, besides the nearest one
    /// before it; not across a semicolon or colon.
    @Test func theSubjectCarriesToALaterTrigger() {
        #expect(candidates("Merovia criticised River League and then met Ostravia.") == [
            "L1...1 merovia criticises river-league", "L1...1 merovia meets ostrava", "L1...1 river-league meets ostrava",
        ])
        // Not from further than twice the pairing distance (40 words), so a sentence without stops stays linear.
        func far(_ words: Int) -> String {
            "Merovia criticised River League " + Array(repeating: "again", count: words).joined(separator: " ") + " and Ada Pell met Ostravia."
        }
        #expect(candidates(far(30)).contains("L1...1 merovia meets ostrava"))
        #expect(!candidates(far(40)).contains("L1...1 merovia meets ostrava"))
        // A speaker carries nothing; the subject of the reported clause does, past a leading phrase.
        #expect(candidates("Ada Pell said that, by all accounts, Merovia criticised River League and then met Ostravia.") == [
            "L1...1 merovia criticises river-league", "L1...1 merovia meets ostrava", "L1...1 river-league meets ostrava",
        ])
        #expect(candidates("Merovia criticised River League; Ada Pell met Ostravia.") == [
            "L1...1 merovia criticises river-league", "L1...1 pell meets ostrava",
        ])
    }

    /// An undirected act among the members of one list joins every pair of them (only them after "between"); a
    /// directed one does not.
    @Test func anUndirectedActAmongAListJoinsEveryPair() {
        #expect(candidates("Later, talks between Merovia, Ostravia and River League began.") == [
            "L1...1 merovia meets ostrava", "L1...1 merovia meets river-league", "L1...1 ostrava meets river-league",
        ])
        // After "between", the list alone: the act is theirs, not the subject's.
        #expect(candidates("Ada Pell welcomed talks between Merovia and Ostravia.") == ["L1...1 merovia meets ostrava"])
        #expect(candidates("Ada Pell welcomed talks between the Merovians and Ostravia.") == ["L1...1 merovia meets ostrava"])
        #expect(candidates("Merovia, Ostravia and River League criticised Ada Pell.") == [
            "L1...1 merovia criticises pell", "L1...1 ostrava criticises pell", "L1...1 river-league criticises pell",
        ])
    }

    /// An aside set off by dashes is passed over like one in brackets, and a trigger inside it says something of the
    /// actor it follows.
    @Test func anAsideBetweenDashesIsSaidOfTheActorBeforeIt() {
        #expect(candidates("River League – Merovia's trade partner – met Ostravia.") == [
            "L1...1 river-league trades_with merovia", "L1...1 river-league meets ostrava",
        ])
        #expect(candidates("River League (a trade partner of Merovia) met Ostravia.") == [
            "L1...1 river-league trades_with merovia", "L1...1 river-league meets ostrava",
        ])
        // A hyphen inside a word is no dash.
        #expect(candidates("River League's Merovia-trade fell.") == ["L1...1 river-league trades_with merovia"])
    }

    /// A state's government as the text means it, by the graph's dated `governs` relations on the publication date:
    /// "the new government in X", "X's former rulers", "the former X-ian President Y"; the state itself without a
    /// date or with no government known.
    @Test func aStatesGovernmentIsTheOneInPowerOnThePublicationDate() throws {
        let republic = ActorRecord(id: "merovian-republic", name: "Merovian Republic", kind: .group, subkind: "government", country: "merovia")
        let extractor = Extractor(
            actors: actors + [republic],
            vocabulary: RelationVocabulary([
                RelationType(name: "meets", directed: false, category: .diplomatic, triggers: ["met"]),
                RelationType(name: "criticises", directed: true, category: .statement, triggers: ["criticised"]),
                RelationType(name: "represents", directed: true, category: .role, triggers: ["president"]),
            ]),
            rulers: [
                Ruler(government: "merovian-republic", country: "merovia", span: try span("/2021-08-15")),
                Ruler(government: "dawn-council", country: "merovia", span: try span("2021-08-15/..")),
            ])
        let text = """
            Ostravia met the new government in Merovia.

            Ostravia criticised Merovia's former rulers.

            Ostravia met the former Merovian President Ada Pell.

            Ostravia met Merovia.
            """
        func run(_ published: String?) throws -> [String] { try candidatesByLine(text, extractor: extractor, published: published) }
        let dated = try run("2023-01"), before = try run("2020"), undated = try run(nil)
        #expect(dated == [
            "L1 ostrava meets dawn-council", "L3 ostrava criticises merovian-republic", "L5 ostrava meets pell",
            "L5 pell represents merovian-republic", "L7 ostrava meets merovia",
        ])
        // Before the change of government, "the new government" is the republic; with no date, the state.
        #expect(before.first == "L1 ostrava meets merovian-republic")
        #expect(undated == [
            "L1 ostrava meets merovia", "L3 ostrava criticises merovia", "L5 ostrava meets pell", "L5 pell represents merovia",
            "L7 ostrava meets merovia",
        ])
    }

    /// A takeover overthrows the government whose rule ended last by the sentence's date (else the publication
    /// date); a government named after the trigger is the object as written.
    @Test func aTakeoverOverthrowsTheGovernmentBeforeIt() throws {
        let republic = ActorRecord(id: "merovian-republic", name: "Merovian Republic", kind: .group, subkind: "government", country: "merovia")
        let movement = ActorRecord(id: "red-sun", name: "Red Sun", kind: .group, subkind: "movement", country: "merovia")
        let extractor = Extractor(
            actors: actors + [republic, movement],
            vocabulary: RelationVocabulary([
                RelationType(name: "overthrows", directed: true, category: .conflict, triggers: ["took over", "takeover", "fall of"]),
            ]),
            rulers: [
                Ruler(government: "merovian-republic", country: "merovia", span: try span("/2021-08-15")),
                Ruler(government: "red-sun", country: "merovia", span: try span("2021-08-15/..")),
            ])
        let text = """
            Ostravia was calm when Red Sun took over the capital on 15 August 2021.

            After Red Sun's takeover, Ostravia stayed.

            Red Sun took over the Council of the Dawn.

            Ada Pell took over Ostravia.

            After the fall of Vellport, Red Sun praised Ostravia.
            """
        func run(_ published: String?) throws -> [String] { try candidatesByLine(text, extractor: extractor, published: published) }
        let dated = try run("2023"), undated = try run(nil)
        #expect(dated == [
            "L1 red-sun overthrows merovian-republic", "L3 red-sun overthrows merovian-republic",
            "L5 red-sun overthrows dawn-council", "L7 pell overthrows ostrava",
        ])
        // Without a publication date only the dated sentence is read so; the other takeover pairs as written.
        #expect(undated == [
            "L1 red-sun overthrows merovian-republic", "L3 red-sun overthrows ostrava", "L5 red-sun overthrows dawn-council",
            "L7 pell overthrows ostrava",
        ])
    }

    /// A relative clause ending in its preposition has for object the noun it qualifies.
    @Test func aStrandedPrepositionTakesTheRelativesHead() {
        #expect(candidates("River League, which Ostravia fought against during the war, met Merovia.") == [
            "L1...1 ostrava fights river-league", "L1...1 river-league meets merovia",
        ])
        // A preposition with its own object is no stranded one.
        // (The sentence's subject is carried to it as well.)
        #expect(candidates("River League, which Ostravia fought against Merovia, waited.") == [
            "L1...1 river-league fights merovia", "L1...1 ostrava fights merovia",
        ])
    }

    /// A list may take an adverb after its conjunction ("or indeed Y").
    @Test func aListMayTakeAnAdverbAfterItsConjunction() {
        #expect(candidates("Merovia fought foes such as River League or indeed Green Dawn.") == [
            "L1...1 merovia fights river-league", "L1...1 merovia fights green-dawn",
        ])
    }

    /// A word referring back right after the trigger (and its preposition) is its object, even with an actor named
    /// further on: "trade with the movement and its partner Ostravia".
    @Test func aReferenceRightAfterTheTriggerIsItsObject() {
        #expect(candidates("Green Dawn grew. Merovia criticised the movement and its friends in Ostravia.") == [
            "L1...1 merovia criticises green-dawn",
        ])
        // Further from the trigger, a named actor still wins.
        #expect(candidates("Green Dawn grew. Merovia criticised at length the movement in Ostravia.") == [
            "L1...1 merovia criticises ostrava",
        ])
    }

    /// Trade figures ranked against each other: each ranked actor trades with the one they are compared for, not
    /// with each other.
    @Test func rankedTradeFiguresJoinTheActorTheyAreComparedFor() {
        #expect(candidates("Merovia's trade with Ostravia is $2.9 million, far behind River League ($1.4 billion) and Green Dawn ($1.2 billion).") == [
            "L1...1 merovia trades_with ostrava", "L1...1 river-league trades_with ostrava", "L1...1 dawn-council trades_with ostrava",
        ])
        // Every actor ranked and none left to compare them for: nothing, rather than two ranked actors paired.
        #expect(candidates("Figures put Merovia eighth in trade, with $2.9 million, behind River League (1.4 bn) and Green Dawn (1.2 bn).") == [])
        // Brackets without a figure rank nothing.
        #expect(candidates("Merovia's trade with Ostravia (a neighbour) grew, unlike River League (an old partner).") == [
            "L1...1 merovia trades_with ostrava",
        ])
    }

    /// "… from X to Y" after a trigger gives the flow's ends, whoever is named before the trigger.
    @Test func aFlowFromXToYRunsBetweenThem() {
        #expect(candidates("River League praised the new trade route running from Merovia to Ostravia and Green Dawn.") == [
            "L1...1 merovia trades_with ostrava", "L1...1 merovia trades_with dawn-council",
        ])
        #expect(candidates("River League praised the trade with Merovia.") == ["L1...1 river-league trades_with merovia"])
        #expect(candidates("River League praised the new trade route running from Merovia to Ostravia and further to Green Dawn.") == [
            "L1...1 merovia trades_with ostrava", "L1...1 merovia trades_with dawn-council",
        ])
    }

    /// A government named after its country governs it; one named after its movement is led by the movement and
    /// governs the country the graph gives it. A name holding neither says nothing.
    @Test func aGovernmentNamedAfterItsCountryOrMovementSaysWhoseItIs() {
        let governments = actors.map { actor in
            var actor = actor
            if actor.id == "dawn-council" { actor.country = "ostrava" }
            return actor
        } + [
            ActorRecord(
                id: "merovia-cabinet", name: "Cabinet of Merovia", kind: .group, subkind: "government",
                aliases: ["Merovian government", "the cabinet"], country: "merovia"),
        ]
        let types = RelationVocabulary(vocabulary.all + [
            RelationType(name: "leads", directed: true, category: .affiliation),
            RelationType(name: "governs", directed: true, category: .affiliation),
        ])
        var options = ExtractionOptions()
        options.knownActorsOnly = true
        let found = Extractor(actors: governments, vocabulary: types).extract(
            "The Green Dawn government raised taxes.\nThe Merovian government kept quiet.\nThe Council of the Dawn and the cabinet waited.",
            options: options
        ).candidates.map { candidate in
            func id(_ mention: Mention) -> String { if case .actor(let id) = mention.target { id } else { "?" } }
            return "L\(candidate.lines) \(id(candidate.from)) \(candidate.type) \(id(candidate.to))"
        }
        #expect(found == [
            "L1...1 green-dawn leads dawn-council", "L1...1 dawn-council governs ostrava", "L2...2 merovia-cabinet governs merovia",
        ])
    }

    /// An institution named after its country is part of it: proposed once, at the first mention that names the
    /// country; a name without the country's says nothing.
    @Test func anInstitutionNamedAfterItsCountryIsPartOfIt() {
        #expect(candidates("Lake Bank raised its fees.\nThe Merovian Mint followed.\nThe Merovian Mint then closed.") == [
            "L2...2 merovian-mint part_of merovia"
        ])
    }
}
