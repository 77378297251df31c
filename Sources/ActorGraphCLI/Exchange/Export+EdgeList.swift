import ActorGraph
import ActorGraphIO

extension ActorGraphCommand.ExportCommand {
    /// `--format csv|tsv`: the edge list, with `--actors-file` its actor list and with `--sources-file` a catalogue
    /// of the graph's sources, all or nothing. Without `--sources-file`, an edge list citing sources that the graph
    /// files declared themselves (no catalogue holds them) gets a note on standard error: it reads back only where
    /// they are declared again.
    func exportEdgeList(_ loaded: LoadedGraph, _ chosen: ExportSelection, inputs: [String]) throws {
        let graph = loaded.graph
        let options = spreadsheet.options(format == .csv ? .csv : .tsv)
        var files: [(path: String, body: (ExportOutput) throws -> Void)] = []
        if let actorsFile { files.append((actorsFile, { EdgeListWriter.writeActors(graph, chosen, options: options, to: $0) })) }
        if let sourcesFile {
            let comment = "Sources of \(output ?? "the edge list"), written by actorgraph export."
            files.append((sourcesFile, { GraphYAMLWriter.writeCatalogue(graph.sources, comment: comment, to: $0) }))
        }
        guard !files.isEmpty else {
            if let note = try ownSourcesNote(loaded, chosen) { Output.error(note) }
            return try Output.writeFile(to: output, protecting: inputs) {
                EdgeListWriter.writeRelations(graph, chosen, options: options, to: $0)
            }
        }
        guard let output, output != "-" else {
            let option = actorsFile != nil ? "--actors-file" : "--sources-file"
            throw CommandFailure("error: \(option) needs -o for the edge list too")
        }
        files.insert((output, { EdgeListWriter.writeRelations(graph, chosen, options: options, to: $0) }), at: 0)
        if sourcesFile == nil, let note = try ownSourcesNote(loaded, chosen) { Output.error(note) }
        try Output.writeFiles(files, protecting: inputs)
    }

    /// A note when the chosen relations cite sources no catalogue holds (declared in the graph files themselves).
    private func ownSourcesNote(_ loaded: LoadedGraph, _ chosen: ExportSelection) throws -> String? {
        let graph = loaded.graph
        var catalogued: Set<String> = []
        if let catalogue = loaded.cataloguePath, !GraphLoader.isSnapshot(catalogue) {
            catalogued = Set(((try? GraphLoader.catalogueSources(catalogue)) ?? []).map(\.id))
        }
        var own: Set<String> = []
        for relation in chosen.relations {
            for citation in graph.details(of: relation).citations where !catalogued.contains(citation.source) {
                own.insert(citation.source)
            }
        }
        guard !own.isEmpty else { return nil }
        let names = own.sorted().prefix(3).joined(separator: ", ") + (own.count > 3 ? ", …" : "")
        let suggestion = output.flatMap { path -> String? in
            guard path != "-", let dot = path.lastIndex(of: "."), !path[dot...].contains("/") else { return nil }
            return String(path[..<dot]) + ".sources.yaml"
        } ?? "NAME.sources.yaml"
        return "note: the edge list cites \(own.count) source\(own.count == 1 ? "" : "s") (\(names)) that the graph "
            + "files declare themselves and no catalogue holds; it reads back only where they are declared again\n"
            + "hint: add --sources-file \(suggestion) to write them beside it (read back by default)"
    }
}
