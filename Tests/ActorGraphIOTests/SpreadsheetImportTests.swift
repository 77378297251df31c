import ActorGraph
import Foundation
import Testing

@testable import ActorGraphIO

private let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("Fixtures/import/analyst.csv")

private func spreadsheetOptions(merge: Bool = false, known: [ActorRecord] = []) -> CSVImportOptions {
    var options = CSVImportOptions()
    options.readsNames = true
    options.defaultKind = .state
    options.dayOrder = .dayFirst
    options.skipBadRows = true
    options.merge = merge
    options.knownActors = known
    return options
}

private func loadFixture(_ options: CSVImportOptions) throws -> CSVImportResult {
    let bytes = Array(try Data(contentsOf: fixture))
    var options = options
    options.separator = CSVImportOptions.sniffSeparator(bytes)
    return try CSVEdgeImporter.load(edges: ("analyst.csv", bytes), options: options)
}

@Suite("Spreadsheet import")
struct SpreadsheetImportTests {
    /// The analyst's file of issue 15: BOM, `;`, capitalised headers, names, human dates, a duplicate, an empty
    /// type, Türkiye/Turkey and USA/U.S.
    @Test func theAnalystsFileLoadsWithEveryRowResolved() throws {
        let result = try loadFixture(spreadsheetOptions())
        #expect(result.rows == 30)
        // The row with an empty type is the one problem; every other row is a relation.
        #expect(result.problems.map { "\($0.location.line): \($0.message)" } == ["27: empty relation type"])
        #expect(result.graph.relationCount == 29)
        let report = result.report
        #expect(report.newActors.count == result.graph.actorCount)
        #expect(result.graph.actors.map(\.id).contains("zamir-kabulov"))
        #expect(result.graph.actors.first { $0.id == "turkiye" }?.name == "Türkiye")
        #expect(report.dates.count == 18)
        #expect(report.dates.first.map { "\($0.text) → \($0.result)" } == "Aug 2021 → 2021-08")
        #expect(Set(report.dates.map(\.result)).isSuperset(of: ["2021-08-17", "2023~", "2021/..", "2022~", "2022-03-05"]))
        #expect(report.duplicates.map { "\($0.location.line) repeats \($0.firstLine)" } == ["16 repeats 11"])
        #expect(report.variants.map { "\($0.variant)→\($0.kept)" } == ["turkey→turkiye", "u-s→usa"])
        #expect(report.columns.map(\.field).contains("note"))
        #expect(report.columns.map(\.field).contains("document"))
        let row3 = result.graph.relationIndices.first { result.graph.details(of: $0).note?.hasPrefix("Kabulov met") == true }
        #expect(row3.map { result.graph.details(of: $0).note } == "Kabulov met the delegation; statement issued")
        #expect(report.missingDocuments.map(\.text) == ["field-report.txt", "press-cuttings"])
    }

    @Test func mergeDropsTheDuplicateAndMergesTheVariants() throws {
        let result = try loadFixture(spreadsheetOptions(merge: true))
        #expect(result.graph.relationCount == 28)
        let ids = result.graph.actors.map(\.id)
        #expect(!ids.contains("turkey") && !ids.contains("u-s"))
        #expect(result.graph.actors.first { $0.id == "usa" }?.aliases == ["U.S."])
        // Every relation names an actor that is still there.
        for relation in result.graph.relationIndices {
            #expect(result.graph.source(of: relation).position < result.graph.actorCount)
        }
    }

    @Test func namesResolveToTheGraphsActorsAndAliases() throws {
        let known = [
            ActorRecord(id: "tuerkiye", name: "Türkiye", kind: .state, aliases: ["Turkey"]),
            ActorRecord(id: "united-states", name: "United States", kind: .state, aliases: ["USA", "U.S."]),
            ActorRecord(id: "kabulov", name: "Zamir Kabulov", kind: .official),
        ]
        let result = try loadFixture(spreadsheetOptions(known: known))
        #expect(result.report.variants.isEmpty)
        let named = Set(result.knownActorIndices.map { result.graph.actors[$0.position].id })
        #expect(named == ["tuerkiye", "united-states", "kabulov"])
        #expect(result.report.names.contains { $0.text == "U.S." && $0.result == "united-states" })
    }

    @Test func anAmbiguousNameListsItsCandidates() {
        var options = spreadsheetOptions()
        options.skipBadRows = false
        options.knownActors = [
            ActorRecord(id: "kabul-office", name: "Kabul Office", kind: .group, aliases: ["Office"]),
            ActorRecord(id: "herat-office", name: "Herat Office", kind: .group, aliases: ["Office"]),
        ]
        #expect(throws: DiagnosticsError.self) {
            try CSVEdgeImporter.load(edges: ("e.csv", Array("from,to,relationship\nOffice,Herat Office,meets\n".utf8)), options: options)
        }
        do {
            _ = try CSVEdgeImporter.load(edges: ("e.csv", Array("from,to,relationship\nOffice,Herat Office,meets\n".utf8)), options: options)
        } catch {
            #expect(
                error.diagnostics.map(\.description).first
                    == "e.csv:2:1: error: source 'Office' could be any of 2 actors\n"
                    + "  hint: it names kabul-office (Kabul Office), herat-office (Herat Office); write the id of the one meant")
        }
    }

    @Test func slugsAreIdsAndUnique() {
        #expect(CSVImportState.slug("Türkiye", taken: { _ in false }) == "turkiye")
        #expect(CSVImportState.slug("U.S.", taken: { _ in false }) == "u-s")
        #expect(CSVImportState.slug("Islamic State – Khorasan", taken: { _ in false }) == "islamic-state-khorasan")
        #expect(CSVImportState.slug("Talibes", taken: { ["talibes", "talibes-2"].contains($0) }) == "talibes-3")
        #expect(CSVImportState.slug("«»", taken: { _ in false }) == "actor")
        for name in ["Türkiye", "U.S.", "Zamir Kabulov", "ИГИЛ", "al-Qaeda (AQ)"] {
            #expect(Identifier.problem(with: CSVImportState.slug(name, taken: { _ in false })) == nil)
        }
    }

    /// Bulk lookups stay O(length of the text): no suggestions, and a word that more than 64 actors share is
    /// passed over.
    @Test func bulkResolutionSkipsSuggestionsAndCommonWords() {
        var actors = (0..<70).map { ActorRecord(id: "office-\($0)", name: "Office \($0)", kind: .group) }
        actors.append(ActorRecord(id: "kabul", name: "Kabul Office", kind: .group))
        let resolver = ActorResolver(actors: actors)
        #expect(resolver.resolve("offce 1") != .notFound(suggestions: []))
        #expect(resolver.resolve("offce 1", bulk: true) == .notFound(suggestions: []))
        // 'office' is a word of 71 actors: in bulk only 'kabul' decides.
        #expect(resolver.resolve("Kabul Office", bulk: true) == .found(ActorIndex(70)))
        #expect(resolver.resolve("Office", bulk: true) == .notFound(suggestions: []))
        #expect(resolver.resolve("Office").isAmbiguous)
        var grown = ActorResolver(actors: [])
        grown.add(ActorRecord(id: "tuerkiye", name: "Türkiye", kind: .state))
        #expect(grown.resolve("turkiye", bulk: true) == .found(ActorIndex(0)))
        grown.addNames(["Turkey"], to: ActorIndex(0))
        #expect(grown.resolve("TURKEY", bulk: true) == .found(ActorIndex(0)))
    }

    /// An empty type cell is an error of its row that says how to fill it, unless `--default-type` fills it; each
    /// row it fills is listed.
    @Test func anEmptyTypeCellIsAnErrorOrTheDefaultType() throws {
        let text = "from,to,type\nIran,Iraq,\nIran,Oman,meets\nOman,Iraq,\n"
        var options = spreadsheetOptions()
        let refused = try CSVEdgeImporter.load(edges: ("e.csv", Array(text.utf8)), options: options)
        #expect(refused.problems.map { "\($0.location)" } == ["e.csv:2:11", "e.csv:4:11"])
        #expect(refused.problems.first?.message == "empty relation type")
        #expect(refused.problems.first?.hint?.contains("--default-type TYPE") == true)
        #expect(refused.graph.relationCount == 1)
        options.defaultType = "Supplies arms to"
        let filled = try CSVEdgeImporter.load(edges: ("e.csv", Array(text.utf8)), options: options)
        #expect(filled.problems.isEmpty)
        #expect(filled.report.filledTypes.map { "\($0.location) \($0.result)" } == ["e.csv:2:11 supplies_arms_to", "e.csv:4:11 supplies_arms_to"])
        let types = filled.graph.relationIndices.map { filled.graph.type(of: $0).name }
        #expect(types == ["supplies_arms_to", "meets", "supplies_arms_to"])
    }

    /// A new name is compared with every actor of the graph and its aliases, not only those the rows name.
    @Test func variantsAreFoundAmongAllTheGraphsActors() throws {
        let known = [
            ActorRecord(id: "pakistan", name: "Pakistan", kind: .state),
            ActorRecord(id: "tuerkiye", name: "Republic of Türkiye", kind: .state, aliases: ["Turkey"]),
            ActorRecord(id: "iran", name: "Iran", kind: .state),
        ]
        let text = "from,to,type\nTurky,Iran,meets\nPakistn,Iran,meets\nIraq,Iran,meets\n"
        var options = spreadsheetOptions(known: known)
        let listed = try CSVEdgeImporter.load(edges: ("e.csv", Array(text.utf8)), options: options)
        #expect(listed.report.variants.map { "\($0.variant)→\($0.kept) \($0.keptInGraph)" } == ["turky→tuerkiye true", "pakistn→pakistan true"])
        #expect(listed.report.variants.first?.reason == "'Turky' and 'Turkey' differ by 1 edit after folding")
        options.merge = true
        let merged = try CSVEdgeImporter.load(edges: ("e.csv", Array(text.utf8)), options: options)
        let graph = merged.graph
        #expect(graph.relationIndices.map { graph.actors[graph.source(of: $0).position].id } == ["tuerkiye", "pakistan", "iraq"])
        let named = Set(merged.knownActorIndices.map { graph.actors[$0.position].id })
        #expect(named == ["tuerkiye", "pakistan", "iran"])
    }

    @Test func variantsNeedTheSameSkeleton() {
        #expect(CSVImportState.skeleton("Türkiye") == CSVImportState.skeleton("Turkey"))
        #expect(CSVImportState.skeleton("USA") == CSVImportState.skeleton("U.S."))
        #expect(CSVImportState.skeleton("Iran") != CSVImportState.skeleton("Iraq"))
    }

    @Test func theSeparatorIsSniffed() {
        #expect(CSVImportOptions.sniffSeparator(Array("a;b;c\n1,5;2;3\n".utf8)) == UInt8(ascii: ";"))
        #expect(CSVImportOptions.sniffSeparator(Array("a\tb\tc\n".utf8)) == 0x09)
        #expect(CSVImportOptions.sniffSeparator(Array("a,b,\"x;y;z\"\n".utf8)) == UInt8(ascii: ","))
        #expect(CSVImportOptions.sniffSeparator(Array("one\n".utf8)) == UInt8(ascii: ","))
    }

    @Test func headersMatchLooselyOnlyWhenReadingNames() throws {
        let text = "From,TO,Relationship,When,Comment\nA,B,Supplies arms to,May 2020,hello\n"
        var options = spreadsheetOptions()
        let result = try CSVEdgeImporter.load(edges: ("e.csv", Array(text.utf8)), options: options)
        #expect(result.graph.relationCount == 1)
        #expect(result.graph.details(of: RelationIndex(0)).note == "hello")
        #expect(result.graph.type(of: RelationIndex(0)).name == "supplies_arms_to")
        #expect(result.graph.date(of: RelationIndex(0))?.description == "2020-05")
        options.readsNames = false
        #expect(throws: DiagnosticsError.self) { try CSVEdgeImporter.load(edges: ("e.csv", Array(text.utf8)), options: options) }
    }
}

@Suite("Human dates")
struct HumanDateTests {
    private func read(_ text: String, _ order: DayOrder? = nil) -> String {
        switch HumanDate.read(text, order: order) {
        case .success(let reading): return reading.edtf
        case .failure(let failure): return "! " + failure.message
        }
    }

    @Test func commonFormsConvert() {
        #expect(read("Aug 2021") == "2021-08")
        #expect(read("august 2021") == "2021-08")
        #expect(read("17 August 2021") == "2021-08-17")
        #expect(read("August 17, 2021") == "2021-08-17")
        #expect(read("17/08/2021") == "2021-08-17")
        #expect(read("08/17/2021") == "2021-08-17")
        #expect(read("17.08.2021") == "2021-08-17")
        #expect(read("2021/08/17") == "2021-08-17")
        #expect(read("08/2021") == "2021-08")
        #expect(read("c. 2023") == "2023~")
        #expect(read("circa 2023") == "2023~")
        #expect(read("ca. 2023") == "2023~")
        #expect(read("~2023") == "2023~")
        #expect(read("~Aug 2021") == "2021-08~")
        #expect(read("2021-") == "2021/..")
        #expect(read("2021 –") == "2021/..")
        #expect(read("since 2019") == "2019/..")
        #expect(read("1990s") == "1990/1999")
        #expect(read("2001-2021") == "2001/2021")
    }

    @Test func ambiguousNumbersNeedAnOrder() {
        #expect(read("05/03/2022") == "! '05/03/2022' could be 5 March or May 3")
        #expect(read("05/03/2022", .dayFirst) == "2022-03-05")
        #expect(read("05/03/2022", .monthFirst) == "2022-05-03")
        #expect(read("04/04/2022") == "2022-04-04")
        #expect(read("31/02/2022", .dayFirst).hasPrefix("! '31/02/2022' reads as 2022-02-31: "))
    }

    @Test func partsOfAYearAndNonsenseAreRefused() {
        #expect(read("early 2022").hasPrefix("! 'early 2022': 'early' names part of a year"))
        #expect(read("spring 2022").hasPrefix("! 'spring 2022': 'spring' names part of a year"))
        #expect(read("soon") == "! cannot read 'soon' as a date")
        #expect(read("2021 or 2022") == "! cannot read '2021 or 2022' as a date")
        #expect(read("from 2021") == "! cannot read 'from 2021' as a date")
    }
}

@Suite("Diagnostics told by kind")
struct DiagnosticSummaryTests {
    @Test func kindsIgnoreParticulars() {
        #expect(DiagnosticSummary.kind(of: "unknown relation type 'nope'") == "unknown relation type '…'")
        #expect(DiagnosticSummary.kind(of: "expected 6 fields, found 17") == "expected N fields, found N")
    }

    @Test func tenThousandLikeProblemsPrintTwoLines() {
        let many = (2...10_001).map { Diagnostic(SourceLocation(file: "g.csv", line: $0, column: 5), "unknown relation type 't\($0)'") }
        let other = Diagnostic(SourceLocation(file: "g.csv", line: 7, column: 1), "missing source")
        let text = DiagnosticSummary.text(many + [other])
        #expect(
            text.split(separator: "\n") == [
                "g.csv:2:5: error: unknown relation type 't2'",
                "  … and 9999 more like it: g.csv:3:5, g.csv:4:5, g.csv:5:5 and 9996 more",
                "g.csv:7:1: error: missing source",
            ])
        #expect(DiagnosticSummary.kindCount(many + [other]) == 2)
    }
}

extension ActorResolution {
    fileprivate var isAmbiguous: Bool {
        if case .ambiguous = self { return true }
        return false
    }
}
