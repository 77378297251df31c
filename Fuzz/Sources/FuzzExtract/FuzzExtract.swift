import ActorGraph
import ActorGraphExtract
import FuzzDriver

/// Made-up actors and a vocabulary that reach every rule of the extractor: states with demonyms, a movement with its
/// government and dated rulers, an institution, a person with a country, a "-led" name, an all-capitals alias.
private let actors = [
    ActorRecord(id: "merovia", name: "Merovia", kind: .state, aliases: ["Vell"]),
    ActorRecord(id: "ostravia", name: "Ostravia", kind: .state, aliases: ["OS"]),
    ActorRecord(id: "green-dawn", name: "Green Dawn", kind: .group, subkind: "movement", country: "merovia"),
    ActorRecord(id: "dawn-council", name: "Council of the Dawn", kind: .group, subkind: "government",
        aliases: ["Green Dawn government", "the council"], country: "merovia"),
    ActorRecord(id: "republic", name: "Merovian Republic", kind: .group, subkind: "government", country: "merovia"),
    ActorRecord(id: "mint", name: "Merovian Mint", kind: .group, subkind: "institution", country: "merovia"),
    ActorRecord(id: "pell", name: "Ada Pell", kind: .official, aliases: ["Pell"], country: "ostravia"),
    ActorRecord(id: "league", name: "Ostravia-led league", kind: .group, subkind: "alliance", aliases: ["The East"]),
]

private let extractor: Extractor = {
    var types = RelationVocabulary.builtIn.all
    types.append(RelationType(name: "governs", directed: true, category: .affiliation, triggers: ["rule", "government", "regime", "control of"]))
    types.append(RelationType(name: "overthrows", directed: true, category: .conflict, triggers: ["took over", "takeover", "fall of"]))
    func span(_ text: String) -> TimeSpan { (try? EDTFDate.parse(text).get())!.span }
    return Extractor(
        actors: actors, vocabulary: RelationVocabulary(types),
        rulers: [
            Ruler(government: "republic", country: "merovia", span: span("/2021-08-15")),
            Ruler(government: "dawn-council", country: "merovia", span: span("2021-08-15/..")),
        ])
}()

/// Any text through `extract`, in both modes and with a publication date: it never traps, gives the same candidates
/// twice, cites only lines the text has, and keeps to its bound.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzExtract(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let text = String(decoding: FuzzDriver.input(data, size), as: UTF8.self)
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false).count
    for known in [false, true] {
        var options = ExtractionOptions(published: try? EDTFDate.parse("2023-09-05").get())
        options.knownActorsOnly = known
        options.maximumCandidates = 200
        let first = extractor.extract(text, options: options)
        let again = extractor.extract(text, options: options)
        guard first.candidates == again.candidates else { fatalError("two runs over the same text differ") }
        guard first.candidates.count <= options.maximumCandidates else { fatalError("\(first.candidates.count) candidates, over the bound") }
        for candidate in first.candidates + first.negated {
            guard candidate.lines.lowerBound >= 1, candidate.lines.upperBound <= lines, candidate.lines.contains(candidate.line) else {
                fatalError("candidate cites lines \(candidate.lines) (trigger on \(candidate.line)) of a text of \(lines) lines")
            }
        }
    }
    return 0
}

/// SwiftPM links an executable's entry point as `FuzzExtract_main`; it hands the arguments to libFuzzer's driver.
@_cdecl("FuzzExtract_main")
public func fuzzExtractMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    FuzzDriver.run(argc, argv, fuzzExtract)
}
