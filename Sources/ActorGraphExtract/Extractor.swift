import ActorGraph

/// A relation a text may state, proposed for review: never added to a graph by itself.
public struct Candidate: Hashable, Sendable {
    public enum Flag: String, Hashable, Sendable, CaseIterable {
        /// A negation stands before the trigger ("did not recognise").
        case negated
        /// Someone is reported as saying it ("said", "according to").
        case attributed
        /// It may happen or was planned ("could", "plans to").
        case hypothetical
        /// The sentence carries a denial ("denied", "rejected").
        case denied
    }

    public var from: Mention
    public var to: Mention
    public var type: String
    /// The lines that hold the trigger and both actors: what the candidate cites.
    public var lines: ClosedRange<Int>
    /// The line of the trigger.
    public var line: Int
    /// The words that triggered it, as written, and the lexicon entry they matched.
    public var trigger: String
    public var lexiconEntry: String
    public var date: DateMention?
    public var status: RelationStatus
    /// An actor id or a name as written.
    public var claimedBy: String?
    public var flags: [Flag]
    /// Why it was proposed, one clause each: for `extract --explain`.
    public var reasons: [String]
    /// Token position of the trigger in its sentence, for a stable order.
    var position: Int
}

/// What `extract` found in a text.
public struct ExtractionResult: Sendable {
    public var candidates: [Candidate]
    /// Capitalised names no actor answers to, with the lines they stand on, in order of first appearance.
    public var newNames: [(name: String, lines: [Int])]
    /// Candidates left out because a negation stands before their trigger.
    public var negated: [Candidate]
    public var sentences: Int
    /// Whether ``ExtractionOptions/maximumCandidates`` cut the list.
    public var truncated: Bool
}

public struct ExtractionOptions: Sendable {
    /// The publication date, anchoring "on Thursday", "last year", and days written without a year.
    public var published: EDTFDate?
    /// Propose relations only between actors of the graph, not with new capitalised names.
    public var knownActorsOnly = false
    /// Keep negated candidates (flagged) instead of leaving them out.
    public var keepNegated = false
    /// At most this many words between a trigger and an actor it pairs.
    public var maximumDistance = 20
    /// A bound on the output, reported when hit.
    public var maximumCandidates = 5_000

    public init(published: EDTFDate? = nil) { self.published = published }
}

/// Rule-based, offline and deterministic: actors by the gazetteer, relation types by the vocabulary's triggers,
/// dates by ``DateReader``, status by the cues around the trigger.
public struct Extractor: Sendable {
    public let gazetteer: Gazetteer
    public let lexicon: TriggerLexicon
    let vocabulary: RelationVocabulary
    /// Each graph actor's kind, by id: a title in apposition joins a person to a party.
    let kinds: [String: ActorKind]
    /// Each graph actor by id: a referring word ("the group") stands for an actor of a fitting kind.
    let records: [String: ActorRecord]
    /// A movement's government, by id, for acts between governments (`Extractor+Governments.swift`).
    let governments: [String: String]
    /// Who governed which state when, from the graph's dated `governs` relations (`Extractor+Rulers.swift`).
    let rulers: [Ruler]

    public init(actors: [ActorRecord], vocabulary: RelationVocabulary, rulers: [Ruler] = []) {
        self.rulers = rulers
        gazetteer = Gazetteer(actors: actors)
        kinds = Dictionary(actors.map { ($0.id, $0.kind) }, uniquingKeysWith: { first, _ in first })
        records = Dictionary(actors.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        governments = Self.governments(of: actors)
        lexicon = TriggerLexicon(vocabulary: vocabulary)
        self.vocabulary = vocabulary
    }

    /// - Complexity: O(words · (longest name + triggers per word)) plus O(mentions) per trigger.
    public func extract(_ text: String, options: ExtractionOptions = ExtractionOptions()) -> ExtractionResult {
        let sentences = TextScanner.sentences(text)
        let dates = DateReader(published: options.published)
        let day = Self.day(of: options.published)
        var candidates: [Candidate] = []
        var negated: [Candidate] = []
        var names: [String: [Int]] = [:]
        var nameOrder: [String] = []
        var seen = Set<String>()
        var truncated = false
        var previous: [(mention: Mention, line: Int)] = []
        /// Institutions whose `part_of` was proposed (once, at the first mention naming the country).
        var members = Set<String>()
        for var sentence in sentences {
            let named = gazetteer.mentions(
                in: sentence.tokens, isTitle: { lexicon.startsTrigger(sentence.tokens, at: $0) },
                isRoleTitle: { isRoleTitle(sentence.tokens, at: $0) })
            let mentions = governmentPhrases(
                in: sentence.tokens, mentions: resolvingReferences(in: sentence.tokens, mentions: named, previous: previous), day: day)
            previous = named.map { ($0, sentence.tokens[$0.range.lowerBound].line) }
            let sentenceDates = dates.dates(in: sentence.tokens)
            sentence.cues = SentenceCues(tokens: sentence.tokens, dates: sentenceDates)
            for mention in named where !members.contains(Self.key(mention.target)) {
                guard let candidate = institutionMembership(mention, in: sentence, dates: sentenceDates) else { continue }
                members.insert(Self.key(mention.target))
                if seen.insert(dedupeKey(candidate)).inserted, candidates.count < options.maximumCandidates {
                    candidates.append(candidate)
                }
            }
            for mention in named {
                for candidate in governmentNaming(mention, in: sentence, dates: sentenceDates) + [ledNaming(mention, in: sentence, dates: sentenceDates)].compactMap({ $0 })
                where seen.insert(dedupeKey(candidate)).inserted && candidates.count < options.maximumCandidates {
                    candidates.append(candidate)
                }
            }
            for mention in mentions {
                guard case .newName(let name) = mention.target else { continue }
                if names[name] == nil { nameOrder.append(name) }
                let line = sentence.tokens[mention.range.lowerBound].line
                if names[name]?.last != line { names[name, default: []].append(line) }
            }
            let usable = options.knownActorsOnly ? mentions.filter { if case .actor = $0.target { true } else { false } } : mentions
            // One person may be enough: a title before a person names the person's country (`Extractor+Roles.swift`).
            guard usable.count >= 2 || usable.contains(where: { countryMention(of: $0) != nil }) else { continue }
            // The words already read as an actor or a date, marked once (a sentence without stops stays linear).
            var covered = [Bool](repeating: false, count: sentence.tokens.count)
            for range in mentions.map(\.range) + sentenceDates.map(\.range) {
                for index in range where covered.indices.contains(index) { covered[index] = true }
            }
            var position = 0
            while position < sentence.tokens.count {
                if covered[position] {
                    position += 1
                    continue
                }
                let matches = lexicon.matches(in: sentence.tokens, at: position)
                for match in matches {
                    for var candidate in proposals(for: match, in: sentence, mentions: usable, dates: sentenceDates, options: options) {
                    let key = dedupeKey(candidate)
                    guard seen.insert(key).inserted else { continue }
                    candidate.position = position
                    if candidate.flags.contains(.negated), !options.keepNegated {
                        negated.append(candidate)
                    } else if candidates.count < options.maximumCandidates {
                        candidates.append(candidate)
                    } else {
                        truncated = true
                    }
                    }
                }
                position += max(1, matches.first?.range.count ?? 1)
            }
        }
        return ExtractionResult(
            candidates: candidates, newNames: nameOrder.map { ($0, names[$0] ?? []) }, negated: negated,
            sentences: sentences.count, truncated: truncated)
    }

    private func dedupeKey(_ candidate: Candidate) -> String {
        var ends = [Self.key(candidate.from.target), Self.key(candidate.to.target)]
        if vocabulary[candidate.type]?.directed == false { ends.sort() }
        return "\(candidate.lines)|\(candidate.type)|\(ends[0])|\(ends[1])"
    }

    static func key(_ target: Mention.Target) -> String {
        switch target {
        case .actor(let id): return id
        case .newName(let name): return "+" + name
        }
    }

    /// One candidate per pair the trigger joins (several when a side is a list: "X, Y and Z").
    private func proposals(
        for match: TriggerMatch, in sentence: Sentence, mentions: [Mention], dates: [DateMention], options: ExtractionOptions
    ) -> [Candidate] {
        // The rules look at the actors near the trigger; the candidate's cues (the claimant) read the whole sentence.
        let nearby = Self.near(match, in: mentions, radius: 3 * options.maximumDistance)
        if qualifiesATitle(match, tokens: sentence.tokens, mentions: nearby) { return [] }
        // A trigger ending in "of" whose object is a name the graph lacks ("the fall of Kabul"): its object is not an
        // actor, and the actors around it are not its parties.
        if sentence.tokens[match.range.upperBound - 1].folded == "of", match.range.upperBound < sentence.tokens.count {
            var next = match.range.upperBound
            if next + 1 < sentence.tokens.count, ["the", "a", "an"].contains(sentence.tokens[next].folded) { next += 1 }
            if sentence.tokens[next].isCapitalised, !nearby.contains(where: { $0.range.lowerBound == next && !$0.refersBack }) { return [] }
        }
        let title = titleOfParty(for: match, tokens: sentence.tokens, mentions: nearby)
            ?? governmentNoun(for: match, tokens: sentence.tokens, mentions: nearby)
        if case .some(.none) = title { return [] }
        guard let found = title
            ?? takeover(for: match, tokens: sentence.tokens, mentions: nearby, dates: dates, published: options.published)
            ?? apposition(for: match, tokens: sentence.tokens, mentions: nearby)
            ?? pair(for: match, tokens: sentence.tokens, mentions: nearby, limit: options.maximumDistance)
        else { return [] }
        let (from, pairing) = (found.0, found.2)
        var to = found.1
        // A title of a state whose governments the graph dates: the government ("the former Merovian President"); the
        // mention's reason says so in `--explain`.
        if vocabulary[match.type]?.category == .role {
            to = rulingParty(to, tokens: sentence.tokens, title: match.range, day: Self.day(of: options.published))
        }
        // Trade figures ranked against each other: each ranked actor with the one they are compared for.
        if let ranking = ranking(for: match, from: from, to: to, mentions: nearby, tokens: sentence.tokens) {
            guard let (hub, ranked) = ranking else { return [] }
            var pairs: [(Mention, String)] = []
            if !ranked.contains(from), from.range.upperBound <= match.range.lowerBound { pairs.append((from, pairing)) }
            for other in ranked { pairs.append((other, "'\(other.text)' has a figure ranked with others for '\(hub.text)'")) }
            let (target, targetReading) = governmentReading(of: hub, type: match.type)
            return pairs.compactMap { other, pairing in
                let (source, sourceReading) = governmentReading(of: other, type: match.type)
                guard source.target != target.target else { return nil }
                let readings = [sourceReading, targetReading].compactMap { $0 }.map { "; " + $0 }.joined()
                return candidate(for: match, in: sentence, from: source, to: target, pairing: pairing + readings, mentions: mentions, dates: dates)
            }
        }
        var froms = coordinated(with: from, in: nearby, tokens: sentence.tokens, excluding: to)
        var tos = coordinated(with: to, in: nearby, tokens: sentence.tokens, excluding: from)
        // Examples after the trigger ("… such as Y and Z") are objects of the subject before it (`Extractor+Clauses`).
        if from.range.upperBound <= match.range.lowerBound,
            let example = Self.example(after: match, tokens: sentence.tokens, mentions: nearby, limit: options.maximumDistance)
        {
            tos += coordinated(with: example, in: nearby, tokens: sentence.tokens, excluding: from).filter { !tos.contains($0) }
        }
        if let subject = carriedSubject(
            for: match, from: from, to: to, mentions: mentions, tokens: sentence.tokens, window: 2 * options.maximumDistance), !froms.contains(subject) {
            froms.insert(subject, at: 0)
        }
        // An undirected act among the members of one list ("X, Y and Z met", "rivalry between X, Y and Z"): every
        // pair of them, and only those when the list follows "between" or "among".
        if vocabulary[match.type]?.directed == false {
            let list = coordinated(with: to, in: nearby, tokens: sentence.tokens)
            // The word before the list, past an article ("between the Russians and the Taliban").
            var before = list[0].range.lowerBound - 1
            if before > 0, ["the", "a", "an"].contains(sentence.tokens[before].folded) { before -= 1 }
            let opener = before >= 0 ? sentence.tokens[before].folded : ""
            let between = ["between", "among", "amongst"].contains(opener) && list[0].range.lowerBound > match.range.lowerBound
            if list.count >= 3 && list.contains(from) || list.count >= 2 && between && !list.contains(from) {
                let members = list.map { governmentReading(of: $0, type: match.type).0 }
                return members.indices.flatMap { first in
                    members.indices.filter { $0 > first && members[$0].target != members[first].target }.map { second in
                        candidate(for: match, in: sentence, from: members[first], to: members[second],
                            pairing: "every pair of the list" + (between ? " after '\(opener)'" : ""), mentions: mentions, dates: dates)
                    }
                }
            }
        }
        var result: [Candidate] = []
        for named in froms {
            for object in tos where named.target != object.target {
                var listed = named == from && object == to ? pairing : pairing + "; listed with '\(named == from ? to.text : from.text)'"
                let (named, namedReading) = administrationReading(of: named, tokens: sentence.tokens, type: match.type) ?? (named, nil)
                let (object, objectReading) = administrationReading(of: object, tokens: sentence.tokens, type: match.type) ?? (object, nil)
                let (source, sourceReading) = governmentReading(of: named, type: match.type)
                let (target, targetReading) = governmentReading(of: object, type: match.type)
                guard source.target != target.target else { continue }
                for reading in [namedReading, objectReading, sourceReading, targetReading].compactMap({ $0 }) { listed += "; " + reading }
                result.append(candidate(for: match, in: sentence, from: source, to: target, pairing: listed, mentions: mentions, dates: dates))
                // A diplomatic act between a movement in power and a state may be its government's: both readings.
                if let (alternative, reading) = diplomaticReading(of: source, type: match.type, other: target) {
                    result.append(candidate(for: match, in: sentence, from: alternative, to: target, pairing: listed + "; " + reading, mentions: mentions, dates: dates))
                } else if let (alternative, reading) = diplomaticReading(of: target, type: match.type, other: source) {
                    result.append(candidate(for: match, in: sentence, from: source, to: alternative, pairing: listed + "; " + reading, mentions: mentions, dates: dates))
                }
            }
        }
        return result
    }

    /// The mention and those listed with it ("Russia, China and Pakistan"), in text order. A list needs an "and"
    /// or "or": commas alone more often set off a clause ("According to X, Y did…").
    func coordinated(with mention: Mention, in mentions: [Mention], tokens: [Token], excluding other: Mention? = nil) -> [Mention] {
        guard let index = mentions.firstIndex(of: mention) else { return [mention] }
        /// How two neighbouring mentions are joined: by a conjunction, by a comma, or not at all.
        func link(_ left: Mention, _ right: Mention) -> (joined: Bool, conjunction: Bool) {
            let between = tokens[left.range.upperBound..<right.range.lowerBound].map(\.folded)
            let gap = tokens[left.range.upperBound - 1].gapAfter
            if between.isEmpty { return (gap.contains(","), false) }
            // An article or a focusing adverb may follow the conjunction ("or indeed the Taliban", "and even Y"), and
            // a repeated "to" ("to X and further to Y").
            var words = between.filter { !["the", "indeed", "even", "also", "perhaps", "possibly", "especially", "further", "then"].contains($0) }
            if words.count == 2, words[1] == "to" { words.removeLast() }
            return (between.count <= 4 && words.count == 1 && ["and", "or"].contains(words[0]), true)
        }
        var first = index
        var conjunction = false
        while first > 0, mentions[first - 1] != other {
            let joined = link(mentions[first - 1], mentions[first])
            guard joined.joined else { break }
            conjunction = conjunction || joined.conjunction
            first -= 1
        }
        var last = index
        while last + 1 < mentions.count, mentions[last + 1] != other {
            let joined = link(mentions[last], mentions[last + 1])
            guard joined.joined else { break }
            conjunction = conjunction || joined.conjunction
            last += 1
        }
        return conjunction ? Array(mentions[first...last]) : [mention]
    }

    func candidate(
        for match: TriggerMatch, in sentence: Sentence, from: Mention, to: Mention, pairing: String, mentions: [Mention],
        dates: [DateMention]
    ) -> Candidate {
        let tokens = sentence.tokens
        let triggerText = tokens[match.range].map(\.text).joined(separator: " ")
        var reasons = [
            "trigger '\(triggerText)' is listed for '\(match.type)' ('\(match.lexiconEntry)')",
            "'\(from.text)' → \(Self.describe(from)); '\(to.text)' → \(Self.describe(to)); \(pairing)",
        ]
        var flags: [Candidate.Flag] = []
        var status = RelationStatus.reported
        var claimedBy: String?
        if let word = Cues.isNegated(tokens, before: match.range.lowerBound) {
            flags.append(.negated)
            reasons.append("negated by '\(word)' before the trigger")
        }
        let cues = sentence.cues ?? SentenceCues(tokens: tokens, dates: dates)
        if let denial = cues.denial {
            flags.append(.denied)
            status = .denied
            reasons.append("'\(denial.word)' in the sentence: status denied")
        }
        if let start = cues.accordingTo {
            flags.append(.attributed)
            let after = Self.firstMention(in: mentions, atOrAfter: start)
            claimedBy = after < mentions.count ? Self.claimant(mentions[after].target) : nil
            reasons.append("'according to' in the sentence" + (claimedBy.map { ": claimed by \($0)" } ?? ""))
        } else if let speech = cues.speech {
            flags.append(.attributed)
            // The speaker stands just before the verb ("Lavrov said", "the envoy also said") or just after it ("said Lavrov").
            claimedBy = Self.speaker(in: mentions, around: speech.position).map { Self.claimant($0.target) }
            reasons.append("'\(speech.word)' in the sentence" + (claimedBy.map { ": claimed by \($0)" } ?? ""))
        }
        if let hypothetical = cues.hypothetical {
            flags.append(.hypothetical)
            reasons.append("'\(hypothetical.word)' makes it hypothetical")
        }
        if status == .reported, flags.contains(.attributed) || flags.contains(.hypothetical) { status = .claimed }
        if status == .reported { claimedBy = nil }
        let date = cues.nearestDate(to: match.range)
        if let date { reasons.append("date '\(date.text)' → \(date.edtf) (\(date.reason))") }
        let spanned = [from.range.lowerBound, from.range.upperBound - 1, to.range.lowerBound, to.range.upperBound - 1,
            match.range.lowerBound, match.range.upperBound - 1].map { tokens[$0].line }
            + [from.antecedentLine, to.antecedentLine].compactMap { $0 }
        return Candidate(
            from: from, to: to, type: match.type, lines: (spanned.min() ?? 0)...(spanned.max() ?? 0),
            line: tokens[match.range.lowerBound].line, trigger: triggerText, lexiconEntry: match.lexiconEntry,
            date: date, status: status, claimedBy: claimedBy, flags: flags, reasons: reasons, position: match.range.lowerBound)
    }

    /// The index of the first mention starting at or after `position` (mentions are in text order), by bisection.
    static func firstMention(in mentions: [Mention], atOrAfter position: Int) -> Int {
        var low = 0
        var high = mentions.count
        while low < high {
            let middle = (low + high) / 2
            if mentions[middle].range.lowerBound < position { low = middle + 1 } else { high = middle }
        }
        return low
    }

    /// The speaker of a verb of speech: the actor ending at most two words before it ("Lavrov said"), else the one
    /// starting at most two words after it ("said Lavrov").
    static func speaker(in mentions: [Mention], around position: Int) -> Mention? {
        let next = firstMention(in: mentions, atOrAfter: position + 1)
        if let before = mentions[..<next].last(where: { $0.range.upperBound <= position }), position - before.range.upperBound <= 2 {
            return before
        }
        if next < mentions.count, mentions[next].range.lowerBound - position <= 2 { return mentions[next] }
        return nil
    }

    /// The mentions starting within `radius` words of a trigger: what its rules look at.
    static func near(_ match: TriggerMatch, in mentions: [Mention], radius: Int) -> [Mention] {
        let first = firstMention(in: mentions, atOrAfter: match.range.lowerBound - radius)
        let end = firstMention(in: mentions, atOrAfter: match.range.upperBound + radius + 1)
        return Array(mentions[first..<max(first, end)])
    }

    /// An actor id, or a new name as written.
    static func claimant(_ target: Mention.Target) -> String {
        switch target {
        case .actor(let id): return id
        case .newName(let name): return name
        }
    }

    static func describe(_ mention: Mention) -> String {
        switch mention.target {
        case .actor(let id): return "actor '\(id)' (\(mention.reason))"
        case .newName: return "possible new actor"
        }
    }

    /// The two mentions a trigger joins: the nearest before and after it; both after it or both before it when one
    /// side has none ("talks between X and Y", "X and Y met"); reversed for a passive ("X was recognised by Y").
    private func pair(
        for match: TriggerMatch, tokens: [Token], mentions: [Mention], limit: Int
    ) -> (Mention, Mention, String)? {
        // A word referring back ("they") stands in only where no actor is named on its side.
        func named(_ side: [Mention]) -> [Mention] { side.allSatisfy(\.refersBack) ? side : side.filter { !$0.refersBack } }
        let before = Self.outsideAsides(
            named(mentions.filter { $0.range.upperBound <= match.range.lowerBound && match.range.lowerBound - $0.range.upperBound <= limit }),
            trigger: match.range.lowerBound, tokens: tokens, window: 2 * limit)
        var after = named(mentions.filter { $0.range.lowerBound >= match.range.upperBound && $0.range.lowerBound - match.range.upperBound <= limit })
        // …except right after the trigger and its preposition ("good relations with this group and its presence in X").
        if let next = mentions.first(where: { $0.range.lowerBound >= match.range.upperBound }), next.refersBack,
            next.range.lowerBound - match.range.upperBound <= 1, !after.contains(next)
        {
            after.insert(next, at: 0)
        }
        // The party of a title before a person is no object: the person is ("met Merovian President Ada Pell").
        if let party = after.first, vocabulary[match.type]?.category != .role, isPartyOfTitle(party, tokens: tokens, mentions: mentions) {
            after.removeFirst()
        }
        let passiveAuxiliary = (max(0, match.range.lowerBound - 2)..<match.range.lowerBound).contains {
            ["was", "were", "been", "is", "are", "being", "be"].contains(tokens[$0].folded)
        }
        if passiveAuxiliary, let by = (match.range.upperBound..<min(tokens.count, match.range.upperBound + 3)).first(where: { tokens[$0].folded == "by" }),
            let agent = after.first(where: { $0.range.lowerBound > by }), let patient = before.last, agent.target != patient.target
        {
            return (agent, patient, "passive: the actor after 'by' acts")
        }
        // "X – Y's predecessor –": the aside says it of the actor it follows.
        if let (owner, member) = Self.asideSubject(of: match, tokens: tokens, mentions: mentions) {
            return (owner, member, "the aside after '\(owner.text)' says it of '\(owner.text)'")
        }
        // "the groups that X fought against during …": X fought the groups.
        if let subject = before.last, let head = Self.strandedObject(of: match, subject: subject, tokens: tokens, mentions: mentions) {
            return (subject, head, "'\(head.text)' is the object of a relative clause ending in '\(tokens[match.range.upperBound].text)'")
        }
        // "… from X to Y": the flow's origin and destination, whatever stands before the trigger.
        if let (origin, destination) = Self.fromTo(after: match, tokens: tokens, mentions: after) {
            return (origin, destination, "'from … to …' after the trigger")
        }
        if let subject = before.last, let object = after.first, subject.target != object.target {
            return (subject, object, "nearest actors before and after the trigger")
        }
        if before.isEmpty, after.count >= 2, after[0].target != after[1].target {
            return (after[0], after[1], "the two actors after the trigger")
        }
        if after.isEmpty, before.count >= 2, before[before.count - 2].target != before[before.count - 1].target {
            return (before[before.count - 2], before[before.count - 1], "the two actors before the trigger")
        }
        return nil
    }
}
