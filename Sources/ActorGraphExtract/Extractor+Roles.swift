import ActorGraph

/// Titles in apposition: a trigger of a `role` type (`ambassador`, `minister`) says whom a person acts for when the
/// party stands just before it and the person just after it or before it across a comma — "Russian Ambassador
/// Dmitry Zhirnov", "Dmitry Zhirnov, the Russian ambassador to Afghanistan", "Russia's U.N. ambassador Vassily
/// Nebenzia". The nearest-pair rule would join the party to whatever follows ("… to Afghanistan").
extension Extractor {
    /// Lower-case words that may stand between a party and its title ("Putin's special envoy").
    static let titleModifiers: Set<String> = [
        "special", "former", "then", "new", "deputy", "foreign", "chief", "top", "senior", "acting", "permanent",
        "presidential", "s",
    ]

    /// The (person, party) a title joins, or `nil` when the sentence does not have that shape.
    func apposition(for match: TriggerMatch, tokens: [Token], mentions: [Mention]) -> (Mention, Mention, String)? {
        guard vocabulary[match.type]?.category == .role else { return nil }
        guard var partyIndex = mentions.lastIndex(where: { $0.range.upperBound <= match.range.lowerBound }),
            modifiesTitle(tokens, from: mentions[partyIndex].range.upperBound, to: match.range.lowerBound)
        else { return titleBeforePerson(match, tokens: tokens, mentions: mentions) }
        var party = mentions[partyIndex]
        if isPerson(party) {
            // "Putin's envoy": the envoy acts for the state the possessor serves (the graph's `country` of that person).
            guard possessiveAfter(tokens, party), let country = countryMention(of: party) else { return nil }
            party = country
        }
        // "Russia's U.N. ambassador": the possessor is the party, the next name where the title serves.
        if partyIndex > 0, possessive(tokens, mentions[partyIndex - 1], party), !isPerson(mentions[partyIndex - 1]) {
            partyIndex -= 1
            party = mentions[partyIndex]
        }
        if let next = mentions.first(where: { $0.range.lowerBound >= match.range.upperBound }),
            next.range.lowerBound == match.range.upperBound, Self.plain(tokens[match.range.upperBound - 1]),
            mayBePerson(next), next.target != party.target
        {
            return (next, party, "title in apposition: '\(next.text)' acts for '\(party.text)'")
        }
        guard partyIndex > 0 else { return nil }
        let person = mentions[partyIndex - 1]
        // Between the person and the party: an article, or a title of the party's own ("X, President Y's envoy").
        let between = tokens[person.range.upperBound..<mentions[partyIndex].range.lowerBound]
        let articleOrTitle = between.count <= 1 && between.allSatisfy { ["the", "a", "an"].contains($0.folded) }
            || between.count <= 3 && between.indices.allSatisfy { isRoleTitle(tokens, at: $0) || Self.titleModifiers.contains(tokens[$0].folded) }
        guard tokens[person.range.upperBound - 1].gapAfter.contains(","), articleOrTitle, mayBePerson(person),
            person.target != party.target
        else { return nil }
        return (person, party, "title in apposition: '\(person.text)', the title of '\(party.text)'")
    }

    /// A title with no party before it, right before a person of the graph (or after up to three capitalised words
    /// qualifying the title) or before one across a comma ("President Ada Pell", "its president, Ada Pell"): the person acts for the state the graph gives as the person's `country`.
    private func titleBeforePerson(_ match: TriggerMatch, tokens: [Token], mentions: [Mention]) -> (Mention, Mention, String)? {
        guard let person = mentions.first(where: { $0.range.lowerBound >= match.range.upperBound && isPerson($0) }),
            !person.refersBack, let country = countryMention(of: person)
        else { return nil }
        let gap = tokens[match.range.upperBound - 1].gapAfter
        // Right after the title, or after words that qualify it ("Ambassador Extraordinary and Plenipotentiary X").
        let between = tokens[match.range.upperBound..<person.range.lowerBound]
        guard between.count <= 3, between.allSatisfy({ ($0.isCapitalised || $0.folded == "and") && $0.gapAfter == " " }),
            gap.allSatisfy({ $0 == " " || $0 == "," })
        else { return nil }
        return (person, country, "title before '\(person.text)': acts for the person's country")
    }

    /// Whether the mention is the party of a title before a person ("met Russian Foreign Minister Sergey Lavrov"):
    /// then the person, not the party, is what a trigger before it reaches.
    func isPartyOfTitle(_ mention: Mention, tokens: [Token], mentions: [Mention]) -> Bool {
        guard !isPerson(mention) else { return false }
        let start = mention.range.upperBound
        for title in start..<min(tokens.count, start + 4) where isRoleTitle(tokens, at: title) {
            guard modifiesTitle(tokens, from: start, to: title) else { return false }
            let length = lexicon.matches(in: tokens, at: title).map(\.range.count).max() ?? 1
            return mentions.contains { $0.range.lowerBound == title + length && isPerson($0) }
        }
        return false
    }

    /// Whether the trigger qualifies a title or a person as an adjective ("the overthrown Afghan President X", "the
    /// former envoy"): then it states no act between the actors around it.
    func qualifiesATitle(_ match: TriggerMatch, tokens: [Token], mentions: [Mention]) -> Bool {
        let first = match.range.lowerBound
        let end = match.range.upperBound
        guard first > 0, Self.determiners.contains(tokens[first - 1].folded), end < tokens.count,
            tokens[end - 1].gapAfter == " ", vocabulary[match.type]?.category != .role
        else { return false }
        if isRoleTitle(tokens, at: end) { return true }
        guard let next = mentions.first(where: { $0.range.lowerBound == end }) else { return false }
        return isPerson(next) || isPartyOfTitle(next, tokens: tokens, mentions: mentions)
    }

    /// The state the graph gives as a person's `country`, as a mention at the person's words.
    func countryMention(of person: Mention) -> Mention? {
        guard case .actor(let id) = person.target, kinds[id] == .official, let country = records[id]?.country, country != id, let state = records[country]
        else { return nil }
        return Mention(target: .actor(country), range: person.range, text: state.name, reason: "country of '\(person.text)'")
    }

    /// Whether a possessive follows the mention ("Pell's").
    private func possessiveAfter(_ tokens: [Token], _ mention: Mention) -> Bool {
        guard mention.range.upperBound < tokens.count else { return false }
        let apostrophe = tokens[mention.range.upperBound - 1].gapAfter
        return tokens[mention.range.upperBound].folded == "s" && (apostrophe == "'" || apostrophe == "’")
    }

    /// Whether the words from `start` to the title (at most three) only qualify it: no punctuation but a possessive
    /// or an abbreviation's dots, each a capitalised word, an initial or a modifier such as "special".
    private func modifiesTitle(_ tokens: [Token], from start: Int, to title: Int) -> Bool {
        guard title - start <= 3 else { return false }
        for index in (start - 1)..<title {
            let gap = tokens[index].gapAfter
            guard gap.allSatisfy({ $0 == " " || $0 == "." || $0 == "'" || $0 == "’" }) else { return false }
            if index >= start {
                let token = tokens[index]
                guard token.isCapitalised || Self.titleModifiers.contains(token.folded) else { return false }
            }
        }
        return true
    }

    /// Whether `owner` stands just before `owned` with a possessive between ("Russia's U.N.").
    private func possessive(_ tokens: [Token], _ owner: Mention, _ owned: Mention) -> Bool {
        guard owned.range.lowerBound == owner.range.upperBound + 1 else { return false }
        let apostrophe = tokens[owner.range.upperBound - 1].gapAfter
        return tokens[owner.range.upperBound].folded == "s" && (apostrophe == "'" || apostrophe == "’")
    }

    /// Whether a trigger of a `role` type starts at `position` ("Minister", "Ambassador").
    func isRoleTitle(_ tokens: [Token], at position: Int) -> Bool {
        lexicon.matches(in: tokens, at: position).contains { vocabulary[$0.type]?.category == .role }
    }

    private static func plain(_ token: Token) -> Bool { token.gapAfter.allSatisfy { $0 == " " } }

    private func isPerson(_ mention: Mention) -> Bool {
        if case .actor(let id) = mention.target { return kinds[id] == .official }
        return false
    }

    /// A graph actor that is a person, or a new name (whose kind the reviewer sets).
    private func mayBePerson(_ mention: Mention) -> Bool {
        if case .actor(let id) = mention.target { return kinds[id] == .official }
        return true
    }
}

/// A person's administration acts for the person's state: "the administration of President X fought Y", "X's
/// government signed …", "the X administration" — the act is the state's (the graph's `country` of the person), not
/// the person's own. Not for a `role` type, whose title joins the person.
extension Extractor {
    static let administrations: Set<String> = ["administration", "government", "cabinet"]

    func administrationReading(of mention: Mention, tokens: [Token], type: String) -> (Mention, String)? {
        guard vocabulary[type]?.category != .role, !mention.refersBack, let country = countryMention(of: mention) else { return nil }
        let start = mention.range.lowerBound
        let end = mention.range.upperBound
        // After: "X's administration", "X administration".
        var after = end
        if after < tokens.count, tokens[after].folded == "s", tokens[after - 1].gapAfter == "'" || tokens[after - 1].gapAfter == "’" { after += 1 }
        let followed = after < tokens.count && Self.administrations.contains(tokens[after].folded)
            && tokens[after - 1].gapAfter.allSatisfy { $0 == " " || $0 == "'" || $0 == "’" }
        // Before: "the administration of (the) (young) (President) X", at most four words between "of" and the name.
        let preceded = (max(0, start - 6)..<start).contains { index in
            guard Self.administrations.contains(tokens[index].folded), index + 1 < start, tokens[index + 1].folded == "of",
                start - (index + 2) <= 4
            else { return false }
            return (index..<start).allSatisfy { tokens[$0].gapAfter.allSatisfy { $0 == " " } }
        }
        guard followed || preceded else { return nil }
        return (country, "'\(mention.text)' read as the state of this administration, '\(Self.claimant(country.target))'")
    }
}

/// "The leader of X", "the Minister of Defence of X": a title with an article before it and its party after "of"
/// names a person, not a tie between X and whatever stands before the title. The person is the one in apposition —
/// after the party across a comma or dash ("the leader of X – …, the notorious Y") or before the title across a
/// comma ("Y, the leader of X"); with no person there the title proposes nothing. For `role` types and the titles of
/// ``Extractor/titleNouns``.
extension Extractor {
    static let titleNouns: Set<String> = ["leader", "leaders", "head", "chief", "commander", "founder", "chairman", "chair"]
    static let determiners: Set<String> = ["the", "a", "an", "its", "their", "his", "her", "our", "whose"]

    /// `nil` when the trigger is no such title; else the (person, party) it joins, or `nil` inside for none.
    func titleOfParty(for match: TriggerMatch, tokens: [Token], mentions: [Mention]) -> (Mention, Mention, String)?? {
        let first = match.range.lowerBound
        guard first > 0, Self.determiners.contains(tokens[first - 1].folded),
            vocabulary[match.type]?.category == .role || match.range.count == 1 && Self.titleNouns.contains(tokens[first].folded),
            match.range.upperBound < tokens.count, tokens[match.range.upperBound].folded == "of",
            tokens[match.range.upperBound - 1].gapAfter == " "
        else { return nil }
        // The party: right after "of", or after a qualifying name ("of Defence of the X").
        var index = match.range.upperBound + 1
        var party: Mention?
        while index < min(tokens.count, match.range.upperBound + 7) {
            if let found = mentions.first(where: { $0.range.lowerBound == index }) { party = found; break }
            let token = tokens[index]
            guard token.folded == "the" || token.folded == "of" || token.isCapitalised || token.folded == "so" || token.folded == "called",
                tokens[index].gapAfter.allSatisfy({ $0 == " " || $0 == "-" })
            else { break }
            index += 1
        }
        guard let party, !isPerson(party) else { return nil }
        // A person before, across a comma: "Y, the leader of X".
        if let person = mentions.last(where: { $0.range.upperBound == first - 1 }), isPerson(person), !person.refersBack,
            tokens[person.range.upperBound - 1].gapAfter.contains(",")
        {
            return .some((person, party, "title of a party in apposition: '\(person.text)', the title of '\(party.text)'"))
        }
        // A person after, in apposition: the party ends with a comma or a dash, and the first person within 15 words.
        let gap = tokens[party.range.upperBound - 1].gapAfter
        if gap.contains(where: { ",-–—".contains($0) }),
            let person = mentions.first(where: { $0.range.lowerBound >= party.range.upperBound && isPerson($0) && !$0.refersBack }),
            person.range.lowerBound - party.range.upperBound <= 15,
            !tokens[party.range.upperBound..<person.range.lowerBound].contains(where: { $0.gapAfter.contains(where: { ";:.()".contains($0) }) })
        {
            return .some((person, party, "title of a party in apposition: '\(person.text)', the title of '\(party.text)'"))
        }
        return .some(nil)
    }
}
