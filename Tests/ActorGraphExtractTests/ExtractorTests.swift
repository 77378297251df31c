import ActorGraph
import ActorGraphExtract
import Testing

/// Made-up actors and a small vocabulary with triggers: nothing here comes from the seed texts.
private let actors = [
    ActorRecord(id: "freedonia", name: "Freedonia", kind: .state, aliases: ["Republic of Freedonia", "RF"]),
    ActorRecord(id: "sylvania", name: "Sylvania", kind: .state, aliases: ["Sylvanian Federation"]),
    ActorRecord(id: "red-hand", name: "Red Hand Front", kind: .group, aliases: ["Red Hand"]),
    ActorRecord(id: "firefly", name: "Rufus T. Firefly", kind: .official, aliases: ["Firefly"]),
    ActorRecord(id: "tuerkiye", name: "Türkiye", kind: .state, aliases: ["Turkey"]),
    ActorRecord(id: "usa", name: "United States", kind: .state, aliases: ["US", "U.S."]),
]

private let vocabulary = RelationVocabulary([
    RelationType(name: "meets", directed: false, category: .diplomatic, triggers: ["met", "held talks", "talks"]),
    RelationType(name: "recognises", directed: true, category: .diplomatic, triggers: ["recogni*"]),
    RelationType(name: "supplies_arms_to", directed: true, category: .security, triggers: ["arms", "weapons"]),
    RelationType(name: "fights", directed: false, category: .conflict, triggers: ["fought", "clash*"]),
    RelationType(name: "cooperates_on_security_with", directed: false, category: .security, triggers: ["counter-terrorism"]),
])

private let extractor = Extractor(actors: actors, vocabulary: vocabulary)

/// The actors with the graph's `country` of each person: Firefly serves Freedonia, Carl Trentino Sylvania.
private let people = actors.map { actor in
    var actor = actor
    if actor.id == "firefly" { actor.country = "freedonia" }
    return actor
} + [ActorRecord(id: "trentino", name: "Carl Trentino", kind: .official, aliases: ["Trentino"], country: "sylvania")]

private func published(_ text: String) -> EDTFDate? { try? EDTFDate.parse(text).get() }

private func summary(_ candidate: Candidate) -> String {
    func name(_ mention: Mention) -> String {
        switch mention.target {
        case .actor(let id): return id
        case .newName(let name): return "+\(name)"
        }
    }
    var text = "L\(candidate.line) \(name(candidate.from)) \(candidate.type) \(name(candidate.to)) '\(candidate.trigger)'"
    if let date = candidate.date { text += " \(date.edtf)" }
    if candidate.status != .reported { text += " \(candidate.status.rawValue)" }
    if let claimedBy = candidate.claimedBy { text += " by \(claimedBy)" }
    return text
}

@Suite("Text scanning")
struct TextScannerTests {
    @Test func wordsKeepTheirColumnsAndTheTextBetween() {
        let tokens = TextScanner.tokenize("Talks in Ankara, Türkiye — 2021.", line: 3)
        #expect(tokens.map(\.text) == ["Talks", "in", "Ankara", "Türkiye", "2021"])
        #expect(tokens.map(\.column) == [1, 7, 10, 18, 28])
        #expect(tokens.map(\.gapAfter) == [" ", " ", ", ", " — ", "."])
        #expect(tokens[3].folded == "turkiye")
        #expect(tokens.allSatisfy { $0.line == 3 })
    }

    /// A line well short of the text's usual width (a headline, a byline) ends its sentence; a wrapped line does not.
    @Test func aShortLineEndsItsSentence() {
        let paragraph = "Freedonia met Sylvania on Thursday in the capital to discuss the new tariffs at length."
        let text = "Harbour talks resume\nBy a staff reporter, 8 March 2024\n\(paragraph)\n\(paragraph)\n\(paragraph)\nshort tail\n"
        let sentences = TextScanner.sentences(text)
        #expect(sentences.map(\.line) == [1, 2, 3, 4, 5])
        #expect(sentences.last?.tokens.last?.text == "tail")
    }

    @Test func sentencesEndAtStopsButNotAtAbbreviationsOrInitials() {
        let text = "Mr. Firefly met U.S. envoys. They left.\n\nA new paragraph? Yes.\nNext line, which runs\non here\n\nheading"
        let sentences = TextScanner.sentences(text).map { $0.tokens.map(\.text).joined(separator: " ") }
        #expect(
            sentences == ["Mr Firefly met U S envoys", "They left", "A new paragraph", "Yes", "Next line which runs on here", "heading"])
        #expect(TextScanner.sentences(text).map(\.line) == [1, 1, 3, 3, 4, 7])
        // A decimal point ends nothing: "$1.4 billion" stays in its sentence.
        #expect(TextScanner.sentences("Trade was $1.4 billion. 2 more.").count == 2)
    }
}

@Suite("Gazetteer")
struct GazetteerTests {
    private func mentions(_ text: String) -> [String] {
        Gazetteer(actors: actors).mentions(in: TextScanner.tokenize(text, line: 1)).map { mention in
            switch mention.target {
            case .actor(let id): return "\(id)=\(mention.text)"
            case .newName(let name): return "+\(name)"
            }
        }
    }

    @Test func longestNameWinsAndFoldingIgnoresCaseAndDiacritics() {
        #expect(mentions("The Red Hand Front and the red hand") == ["red-hand=Red Hand Front", "red-hand=red hand"])
        #expect(mentions("talks in turkiye and TURKEY") == ["tuerkiye=turkiye", "tuerkiye=TURKEY"])
        #expect(mentions("the Republic of Freedonia") == ["freedonia=Republic of Freedonia"])
    }

    @Test func anAcronymMatchesOnlyInCapitals() {
        #expect(mentions("the US told us and the U.S. agreed") == ["usa=US", "usa=U S"])
        #expect(mentions("rf is a word, RF is an alias") == ["freedonia=RF"])
    }

    @Test func demonymsAndNewCapitalisedNames() {
        #expect(mentions("The Sylvanian envoy met Ambassador Trentino") == ["sylvania=Sylvanian", "+Ambassador Trentino"])
        #expect(mentions("a letter to the Ministry of Culture of Freedonia") == ["+Ministry of Culture", "freedonia=Freedonia"])
        // A capitalised word opening a sentence is not taken for a name; one inside it is.
        #expect(mentions("Yesterday Chicolini spoke") == ["+Chicolini"])
        #expect(mentions("Chicolini spoke") == [])
        // A plural demonym is read through its singular; "ss" is no plural.
        #expect(mentions("The Sylvanians met the Sylvaniass") == ["sylvania=Sylvanians", "+Sylvaniass"])
    }

    /// A name with its article answers to the demonym of its word: "Eastern" for "The East", only capitalised.
    @Test func aDemonymOfANameWithItsArticle() {
        let gazetteer = Gazetteer(actors: actors + [ActorRecord(id: "the-east", name: "The East", kind: .group)])
        let found = gazetteer.mentions(in: TextScanner.tokenize("an anti-Eastern mood spread to the eastern shore", line: 1))
        #expect(found.map(\.target) == [.actor("the-east")])
        #expect(found.map(\.text) == ["Eastern"])
    }
}

@Suite("Dates to EDTF")
struct DateReaderTests {
    private func dates(_ text: String, published date: String? = nil) -> [String] {
        DateReader(published: date.flatMap(published)).dates(in: TextScanner.tokenize(text, line: 1)).map(\.edtf)
    }

    @Test func calendarDatesYearsDecadesAndRanges() {
        #expect(dates("on 17 August 2021 and on March 3, 2019") == ["2021-08-17", "2019-03-03"])
        #expect(dates("in August 2021, in 2003, in the 1990s") == ["2021-08", "2003", "1990/1999"])
        #expect(dates("the war of 1979-1989 and from 2001 to 2021") == ["1979/1989", "2001/2021"])
        #expect(dates("dated 2022-09-28") == ["2022-09-28"])
    }

    @Test func qualifiersOpenAndApproximate() {
        #expect(dates("since 2003, around 2021, until 2001") == ["2003/..", "2021~", "../2001"])
    }

    @Test func relativeExpressionsNeedThePublicationDate() {
        // 2024-03-08 was a Friday.
        #expect(dates("on Tuesday and on Friday", published: "2024-03-08") == ["2024-03-05", "2024-03-08"])
        #expect(dates("yesterday, last year, last month", published: "2024-03-08") == ["2024-03-07", "2023", "2024-02"])
        #expect(dates("on 17 August", published: "2021-08-20") == ["2021-08-17"])
        #expect(dates("in December", published: "2021-08") == ["2020-12"])
        #expect(dates("on Tuesday", published: "2024-03") == [])
        #expect(dates("on Tuesday, last year") == [])
        // "May" the verb is no month.
        #expect(dates("they may have met in May", published: "2024-03-08") == ["2023-05"])
    }
}

@Suite("Extractor")
struct ExtractorTests {
    @Test func pairsTheNearestActorsAroundATrigger() {
        let text = """
            Freedonia met Sylvania on 3 May 2022, and the Red Hand Front clashed with Sylvanian troops.
            Talks between Freedonia and Türkiye followed in June 2022.
            Freedonia was recognised by Sylvania in 2023.
            """
        let result = extractor.extract(text)
        #expect(
            result.candidates.map(summary) == [
                "L1 freedonia meets sylvania 'met' 2022-05-03",
                "L1 red-hand fights sylvania 'clashed' 2022-05-03",
                "L2 freedonia meets tuerkiye 'Talks' 2022-06",
                "L3 sylvania recognises freedonia 'recognised' 2023",
            ])
    }

    /// The built-in `attacks` triggers name military strikes, not a labour strike or a "striking" likeness.
    @Test func aLabourStrikeIsNoAttack() {
        let builtIn = Extractor(actors: actors, vocabulary: .builtIn)
        let text = """
            Freedonian dockers went on strike over pay, and Sylvania's striking resemblance to Freedonia was noted.

            Freedonia launched an air strike on Sylvania, and Sylvania struck Freedonia.
            """
        #expect(
            builtIn.extract(text).candidates.filter { $0.type == "attacks" }.map(summary) == [
                "L3 freedonia attacks sylvania 'air strike'",
                "L3 sylvania attacks freedonia 'struck'",
            ])
    }

    /// A title in apposition joins the person to the party named before the title, not to what follows it.
    @Test func aTitleInAppositionJoinsThePersonToItsParty() {
        let roles = RelationVocabulary([
            RelationType(name: "meets", directed: false, category: .diplomatic, triggers: ["met"]),
            RelationType(name: "represents", directed: true, category: .role, triggers: ["ambassador", "minister"]),
        ])
        let people = actors + [ActorRecord(id: "trentino", name: "Carl Trentino", kind: .official, aliases: ["Trentino"])]
        let extractor = Extractor(actors: people, vocabulary: roles)
        let text = """
            Later, said Rufus T. Firefly, the Freedonian ambassador to Sylvania, nothing changed.

            Sylvania's U.S. ambassador Trentino spoke first.

            Officials met Sylvanian Foreign Minister Trentino in Freedonia.
            """
        #expect(
            extractor.extract(text).candidates.map(summary) == [
                "L1 firefly represents freedonia 'ambassador' claimed by firefly",
                "L3 trentino represents sylvania 'ambassador'",
                // The title's party is no object of "met": the person is (and "in Freedonia", a place here, is the
                // only other actor: the reviewer deletes it).
                "L5 trentino meets freedonia 'met'",
                "L5 trentino represents sylvania 'Minister'",
            ])
        // "Foreign Minister" qualifies the title: it is no possible new actor.
        #expect(extractor.extract(text).newNames.map(\.name) == [])
    }

    /// A title with no party before it joins the person after it to the person's country as the graph gives it;
    /// a person's envoy acts for that person's country ("Firefly's envoy").
    @Test func aTitleWithoutAPartyTakesThePersonsCountry() {
        let roles = RelationVocabulary([
            RelationType(name: "meets", directed: false, category: .diplomatic, triggers: ["met"]),
            RelationType(name: "represents", directed: true, category: .role, triggers: ["president", "envoy"]),
        ])
        let extractor = Extractor(actors: people, vocabulary: roles)
        let text = """
            Crowds cheered President Rufus T. Firefly.

            Trentino, President Firefly's special envoy, arrived late.

            Its young president, Trentino, spoke.

            Crowds cheered Envoy Extraordinary and Plenipotentiary Carl Trentino.
            """
        #expect(
            extractor.extract(text).candidates.map(summary) == [
                "L1 firefly represents freedonia 'President'",
                "L3 firefly represents freedonia 'President'",
                "L3 trentino represents freedonia 'envoy'",
                "L5 trentino represents sylvania 'president'",
                "L7 trentino represents sylvania 'Envoy'",
            ])
    }

    /// A noun of government states a tie only with the ruler right before it and the place right after it.
    @Test func aNounOfGovernmentNeedsItsRulerAndItsPlace() {
        let governs = RelationVocabulary([RelationType(name: "governs", directed: true, category: .affiliation, triggers: ["rule", "government", "control of"])])
        let extractor = Extractor(actors: actors, vocabulary: governs)
        let text = """
            Red Hand rule over Sylvania began.

            During Red Hand rule from 1996, Freedonia protested.

            The Sylvanian government met Freedonia.

            Red Hand's harsh rule of Sylvania ended.

            Freedonia sought control of Sylvania.
            """
        #expect(extractor.extract(text).candidates.map(summary) == [
            "L1 red-hand governs sylvania 'rule'", "L7 red-hand governs sylvania 'rule'", "L9 freedonia governs sylvania 'control of'",
        ])
    }

    /// A trigger used as an adjective of a title or a person ("the ousted President X") states no act.
    @Test func aTriggerQualifyingATitleStatesNoAct() {
        let vocabulary = RelationVocabulary([
            RelationType(name: "overthrows", directed: true, category: .conflict, triggers: ["ousted"]),
            RelationType(name: "represents", directed: true, category: .role, triggers: ["president"]),
        ])
        let people = actors + [ActorRecord(id: "trentino", name: "Carl Trentino", kind: .official, aliases: ["Trentino"])]
        let extractor = Extractor(actors: people, vocabulary: vocabulary)
        #expect(extractor.extract("Freedonia hosted the ousted Sylvanian President Carl Trentino.\n\nThe Red Hand ousted Sylvania.")
            .candidates.map(summary) == ["L1 trentino represents sylvania 'President'", "L3 red-hand overthrows sylvania 'ousted'"])
    }

    /// A name that says who leads it ("the US-led alliance") gives `leads` from that actor.
    @Test func aLedNameSaysWhoLeadsIt() {
        let led = RelationVocabulary([RelationType(name: "leads", directed: true, category: .affiliation, triggers: ["leader"])])
        let extractor = Extractor(
            actors: actors + [ActorRecord(id: "coalition", name: "Sylvanian-led coalition", kind: .group, aliases: ["U.S.-led alliance"])],
            vocabulary: led)
        #expect(extractor.extract("The Sylvanian-led coalition and the U.S.-led alliance grew; a Freedonia-led bloc did not.")
            .candidates.map(summary) == ["L1 sylvania leads coalition 'Sylvanian led coalition'", "L1 usa leads coalition 'U S led alliance'"])
    }

    /// A person's administration acts for the person's country; "the leader of X" (a title with its party after
    /// "of") joins the person in apposition to X, and nothing when no person stands there; "so-called" calls nothing.
    @Test func administrationsAndTitlesOfAParty() {
        let roles = RelationVocabulary([
            RelationType(name: "fights", directed: false, category: .conflict, triggers: ["fought"]),
            RelationType(name: "allied_with", directed: false, category: .affiliation, triggers: ["alliance"]),
            RelationType(name: "represents", directed: true, category: .role, triggers: ["president", "minister"]),
            RelationType(name: "leads", directed: true, category: .affiliation, triggers: ["leader"]),
            RelationType(name: "characterises", directed: true, category: .statement, triggers: ["called"]),
        ])
        let extractor = Extractor(actors: people, vocabulary: roles)
        let text = """
            The administration of the young President Rufus T. Firefly fought the Red Hand in alliance with the leader of the so-called Sylvanian Federation – the Minister of Defence of Türkiye, the notorious Carl Trentino.

            Firefly's government fought Sylvania.

            Firefly fought Sylvania.

            Red Hand, in alliance with the leader of Sylvania, fought on.
            """
        #expect(
            extractor.extract(text, options: { var options = ExtractionOptions(); options.knownActorsOnly = true; return options }())
                .candidates.map(summary) == [
                "L1 firefly represents freedonia 'President'",
                "L1 freedonia fights red-hand 'fought'",
                "L1 freedonia allied_with sylvania 'alliance'",
                "L1 red-hand allied_with sylvania 'alliance'",
                "L1 trentino leads sylvania 'leader'",
                "L1 trentino represents tuerkiye 'Minister'",
                "L3 freedonia fights sylvania 'fought'",
                "L5 firefly fights sylvania 'fought'",
                // No person stands in apposition to "the leader of Sylvania": the title proposes nothing.
                "L7 red-hand allied_with sylvania 'alliance'",
                "L7 red-hand fights sylvania 'fought'",
            ])
    }

    @Test func cuesSetStatusAndClaimant() {
        let text = """
            Sylvania did not recognise Freedonia.
            According to Firefly, Sylvania sent weapons to the Red Hand.
            Freedonia denied that it held talks with the Red Hand.
            Sylvania could supply arms to Freedonia next year.
            """
        let result = extractor.extract(text, options: ExtractionOptions(published: published("2024-03-08")))
        #expect(
            result.candidates.map(summary) == [
                "L2 sylvania supplies_arms_to red-hand 'weapons' claimed by firefly",
                "L3 freedonia meets red-hand 'held talks' denied",
                "L4 sylvania supplies_arms_to freedonia 'arms' 2025 claimed",
            ])
        #expect(result.negated.map(summary) == ["L1 sylvania recognises freedonia 'recognise'"])
        var keep = ExtractionOptions()
        keep.keepNegated = true
        #expect(extractor.extract(text, options: keep).candidates.first?.flags == [.negated])
    }

    @Test func newNamesBecomeEndpointsUnlessKnownOnly() {
        let text = "Firefly met Ambassador Trentino about counter-terrorism with Freedonia."
        #expect(
            extractor.extract(text).candidates.map(summary) == [
                "L1 firefly meets +Ambassador Trentino 'met'",
                // The sentence's subject is carried to the later trigger (Extractor+Clauses.swift).
                "L1 firefly cooperates_on_security_with freedonia 'counter terrorism'",
                "L1 +Ambassador Trentino cooperates_on_security_with freedonia 'counter terrorism'",
            ])
        var options = ExtractionOptions()
        options.knownActorsOnly = true
        #expect(
            extractor.extract(text, options: options).candidates.map(summary) == [
                "L1 firefly meets freedonia 'met'", "L1 firefly cooperates_on_security_with freedonia 'counter terrorism'",
            ])
        #expect(extractor.extract(text).newNames.map(\.name) == ["Ambassador Trentino"])
    }

    @Test func aCandidateCitesTheLinesOfItsTriggerAndActorsAcrossAWrappedSentence() throws {
        let text = "On the second day Freedonia\nsent weapons to the\nRed Hand, the envoy said.\n\nSylvania met Freedonia."
        let candidates = extractor.extract(text).candidates
        #expect(candidates.map(\.lines) == [1...3, 5...5])
        #expect(candidates.map(\.line) == [2, 5])
    }

    @Test func aListOnOneSideGivesOneCandidatePerMember() {
        #expect(
            extractor.extract("Freedonia sent weapons to Sylvania, Türkiye and the Red Hand.").candidates.map(summary) == [
                "L1 freedonia supplies_arms_to sylvania 'weapons'", "L1 freedonia supplies_arms_to tuerkiye 'weapons'",
                "L1 freedonia supplies_arms_to red-hand 'weapons'",
            ])
        // Commas alone set off a clause, not a list.
        #expect(
            extractor.extract("In Firefly's view, Sylvania sent weapons to Freedonia.").candidates.map(summary) == [
                "L1 sylvania supplies_arms_to freedonia 'weapons'"
            ])
    }

    @Test func eachCandidateSaysWhy() throws {
        let candidate = try #require(extractor.extract("Sylvania held talks with the RF in 2020, officials said.").candidates.first)
        #expect(
            candidate.reasons == [
                "trigger 'held talks' is listed for 'meets' ('held talks')",
                "'Sylvania' → actor 'sylvania' (name 'Sylvania'); 'RF' → actor 'freedonia' (name 'RF'); nearest actors before and after the trigger",
                "'said' in the sentence",
                "date '2020' → 2020 (year)",
            ])
    }

    @Test func theSameTextGivesTheSameCandidatesAndBoundsAreReported() {
        let line = "Freedonia met Sylvania. Sylvania met Freedonia. The Red Hand fought Freedonia.\n"
        let text = String(repeating: line, count: 50)
        #expect(extractor.extract(text).candidates == extractor.extract(text).candidates)
        // One candidate per (line, type, pair): "met" twice on one line is one meeting.
        #expect(extractor.extract(line).candidates.count == 2)
        var options = ExtractionOptions()
        options.maximumCandidates = 7
        let bounded = extractor.extract(text, options: options)
        #expect(bounded.candidates.count == 7)
        #expect(bounded.truncated)
    }
}

@Suite("Comparison with the graph")
struct ExtractionComparisonTests {
    @Test func recallCountsPairLinesAndPrecisionCountsCandidates() {
        let text = "Freedonia met Sylvania.\nNothing here.\nThe Red Hand fought Sylvania.\nFreedonia met the Red Hand."
        let candidates = extractor.extract(text).candidates
        let references: [ExtractionComparison.Reference] = [
            .init(relation: "a", from: "sylvania", to: "freedonia", lines: 2...2),  // line 1 is within one line
            .init(relation: "b", from: "red-hand", to: "sylvania", lines: 5...6),  // line 3 is two lines off
            .init(relation: "c", from: "freedonia", to: "sylvania", lines: 1...1),
            .init(relation: "d", from: "freedonia", to: "sylvania", lines: 1...1),  // the same pair and lines as c
        ]
        let comparison = ExtractionComparison(candidates: candidates, references: references)
        #expect(comparison.references.map(\.relation) == ["a", "b", "c"])
        #expect(comparison.found.map(\.relation) == ["a", "c"])
        #expect(comparison.matches == [["a", "c", "d"], [], []])
        #expect(abs(comparison.recall - 2.0 / 3.0) < 1e-12)
        #expect(abs(comparison.precision - 1.0 / 3.0) < 1e-12)
    }
}
