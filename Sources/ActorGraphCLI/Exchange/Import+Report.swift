import ActorGraph
import ActorGraphIO
import ArgumentParser
import Foundation

extension ActorGraphCommand.ImportCommand {
    /// The graph the import adds to: `--graph`, else `graphs` when it holds graph files; `nil` with `--no-graph`.
    func loadBase() throws -> LoadedGraph? {
        if noGraph { return nil }
        let path = graph ?? "graphs"
        // The default folder counts only when it holds graph files: a new case starts with an empty one.
        if graph == nil && !Self.holdsGraphFiles(path) { return nil }
        let loaded: LoadedGraph
        do {
            loaded = try GraphLoader.load(GraphLoadOptions(graphPath: path))
        } catch {
            throw CommandFailure(
                GraphOptions.failureMessage(error.diagnostics, what: "the graph '\(path)' the import adds to")
                    + "\nhint: fix it, pass --graph with another one, or --no-graph")
        }
        let target = URL(fileURLWithPath: output).standardizedFileURL.path
        if loaded.files.contains(where: { URL(fileURLWithPath: $0).standardizedFileURL.path == target }) {
            throw CommandFailure(
                "error: \(output) is one of the graph files names are resolved against (\(path))\n"
                    + "hint: remove it before importing again, or write another file")
        }
        return loaded
    }

    static func samePath(_ a: String, _ b: String) -> Bool {
        URL(fileURLWithPath: a).standardizedFileURL.path == URL(fileURLWithPath: b).standardizedFileURL.path
    }

    /// Whether `folder` is a folder with at least one graph file in it.
    static func holdsGraphFiles(_ folder: String) -> Bool {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return names.contains { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }
    }

    /// Every problem told by kind, and the count: what a failed import prints.
    static func problemSummary(_ error: DiagnosticsError, what: String) -> String {
        var diagnostics = error.diagnostics
        if error.notShown > 0, let last = diagnostics.last, last.message.hasSuffix("more problems not shown") {
            diagnostics.removeLast()
        }
        let total = diagnostics.count + error.notShown
        let kinds = DiagnosticSummary.kindCount(diagnostics)
        return DiagnosticSummary.text(diagnostics)
            + "\n\(total) error\(total == 1 ? "" : "s") of \(kinds) kind\(kinds == 1 ? "" : "s") in \(what); nothing was imported."
    }

    /// Prints what was converted and found, writes the graph file (not when no row was imported) and the summary.
    func finish(
        _ result: CSVImportResult, base: LoadedGraph?, fallbackCitation: Citation?, cataloguePath: String?,
        ownSources: [SourceDocument] = []
    ) throws {
        let graph = result.graph
        let imported = graph.relationCount
        if !result.problems.isEmpty {
            let warnings = result.problems.filter { !$0.message.hasSuffix("more problems not shown") }.map { problem in
                var warning = problem
                warning.severity = .warning
                return warning
            }
            Output.error(DiagnosticSummary.text(warnings))
        }
        if imported == 0 && result.rows > 0 {
            let review = Self.reportText(result.report, merged: merge)
            if !review.isEmpty { Output.error(String(review.dropLast())) }
            throw CommandFailure(
                "error: none of the \(result.rows) row\(result.rows == 1 ? "" : "s") of \(edges) could be imported "
                    + "(\(result.problemCount) problem\(result.problemCount == 1 ? "" : "s")); nothing was written")
        }
        let inputs = [edges] + (actors.map { [$0] } ?? []) + (cataloguePath.map { [$0] } ?? [])
        let selection = ExportSelection.all(graph, excluding: Set(result.knownActorIndices))
        var writerOptions = GraphYAMLWriter.Options(
            fallbackCitation: fallbackCitation, fallbackNote: defaultNote,
            headerComment: "Imported from \(edges) by actorgraph import.")
        // The graph the import adds to declares the types.
        if base != nil && vocabulary == nil { writerOptions.includeVocabulary = false }
        // Sources read from the edge list's own source list (an exported graph's) go into the graph file, which
        // would otherwise cite sources no catalogue beside it holds.
        writerOptions.sources = ownSources
        var report = result.report
        let catalogueUpdate = try stubUpdate(&report, cataloguePath: cataloguePath)
        let review = Self.reportText(report, merged: merge)
        if !review.isEmpty { Output.error(String(review.dropLast())) }
        var files: [(path: String, body: (ExportOutput) throws -> Void)] = [
            (output, { GraphYAMLWriter.write(graph, selection, options: writerOptions, to: $0) })
        ]
        var protected = inputs
        if let catalogueUpdate {
            // The catalogue gains its stubs in the same all-or-nothing write; the graph file may not replace it.
            if Self.samePath(catalogueUpdate.path, output) {
                throw CommandFailure("error: -o \(output) is the source catalogue\nhint: write the graph file elsewhere, e.g. graphs/imported.yaml")
            }
            files.append((catalogueUpdate.path, { $0.write(catalogueUpdate.bytes) }))
            protected.removeAll { Self.samePath($0, catalogueUpdate.path) }
        }
        try Output.writeFiles(files, protecting: protected)
        let written = selection.actors.count
        var summary =
            "imported \(imported) relation\(imported == 1 ? "" : "s") and \(written) new actor\(written == 1 ? "" : "s") into \(output)"
        if !result.knownActorIndices.isEmpty {
            summary += " (and names \(result.knownActorIndices.count) actors of the graph)"
        }
        if result.skippedRows > 0 {
            summary += "; skipped \(result.skippedRows) bad row\(result.skippedRows == 1 ? "" : "s") of \(result.rows)"
        }
        let unsourced = graph.relationIndices.filter { graph.details(of: $0).citations.isEmpty }.count
        if unsourced > 0 && fallbackCitation == nil {
            summary += "\n\(unsourced) relation\(unsourced == 1 ? " has" : "s have") no citation: "
                + (unsourced == 1 ? "it loads as an unsourced sketch" : "they load as unsourced sketches")
                + " (check --require-sources refuses them)"
        }
        Output.error(summary)
    }

    /// Catalogue stubs for the documents the catalogue lacks: the catalogue the import read, else
    /// `seeds/sources.yaml`, with a stub for each document no stub stands for yet; `nil` when nothing changes.
    func stubUpdate(
        _ report: inout CSVImportReport, cataloguePath: String?
    ) throws -> (path: String, bytes: [UInt8])? {
        guard !report.missingDocuments.isEmpty, !noStubs else { return nil }
        let path = cataloguePath ?? "seeds/sources.yaml"
        let existing = FileManager.default.fileExists(atPath: path) ? FileBytes.read(path) : nil
        let present = existing.map { SourceCatalogue.stubs(in: $0, name: path) } ?? []
        var taken = Set(present.map(\.id))
        if let existing, let documents = try? GraphLoader.load(files: [], catalogue: (path, existing), sourceTexts: nil) {
            taken.formUnion(documents.sources.map(\.id))
        }
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().relativePathFromHere
        var added: [CatalogueStub] = []
        for index in report.missingDocuments.indices {
            let document = report.missingDocuments[index]
            let key = ActorResolver.normalize(document.text)
            if let known = present.first(where: { stub in
                [stub.id, stub.file, stub.title ?? ""].contains { ActorResolver.normalize($0) == key }
            }) {
                report.missingDocuments[index].stub = known.id
                report.missingDocuments[index].stubExisted = true
                continue
            }
            let stub = SourceCatalogue.makeStub(
                for: document.text,
                note: { id, file in
                    "made by actorgraph import from \(document.location); complete it: actorgraph sources add "
                        + "\(folder == "." ? "" : folder + "/")\(file) --id \(id)"
                },
                taken: { taken.contains($0) })
            taken.insert(stub.id)
            added.append(stub)
            report.missingDocuments[index].stub = stub.id
        }
        guard !added.isEmpty else { return nil }
        let bytes: [UInt8]
        do throws(DiagnosticsError) {
            bytes = try SourceCatalogue.appending(stubs: added, to: existing, name: path)
        } catch {
            throw CommandFailure(
                GraphOptions.failureMessage(error.diagnostics, what: "the catalogue the stubs go to")
                    .replacingOccurrences(of: "nothing was loaded", with: "nothing was written"))
        }
        try FileManager.default.createDirectory(
            atPath: URL(fileURLWithPath: path).deletingLastPathComponent().path, withIntermediateDirectories: true)
        return (path, bytes)
    }

    /// The review list: columns read under another name, names resolved, actors made, dates converted, duplicates,
    /// variants, documents missing from the catalogue.
    static func reportText(_ report: CSVImportReport, merged: Bool) -> String {
        var text = ""
        func section<T>(_ title: String, _ items: [T], _ line: (T) -> String) {
            guard !items.isEmpty else { return }
            text += "\(title) (\(items.count)):\n"
            for item in items { text += "  " + line(item) + "\n" }
        }
        section("columns read under another name", report.columns) { "'\($0.column)' as \($0.field)" }
        section("names resolved to actors", report.names) { "\($0.location): '\($0.text)' → \($0.result) (\($0.reason))" }
        section("new actors", report.newActors) { "\($0.location): '\($0.text)' → \($0.result) (\($0.reason))" }
        section("dates converted to EDTF", report.dates) { "\($0.location): '\($0.text)' → \($0.result) (\($0.reason))" }
        section("empty type cells filled", report.filledTypes) { "\($0.location): → \($0.result) (\($0.reason))" }
        section("duplicate rows", report.duplicates) {
            "\($0.location): repeats line \($0.firstLine)" + (merged ? "; dropped" : "")
        }
        section("probable variants of one actor", report.variants) {
            "\($0.location): \($0.variant) ('\($0.variantName)') may be \($0.kept) ('\($0.keptName)'"
                + ($0.keptInGraph ? ", of the graph" : "") + "): \($0.reason)"
                + ($0.merged ? "; merged" : "")
        }
        section("documents not in the catalogue", report.missingDocuments) { document in
            "\(document.location): '\(document.text)' (\(document.rows) row\(document.rows == 1 ? "" : "s")): kept as attribute "
                + "'document'; "
                + (document.stub.map { "catalogue stub '\($0)' \(document.stubExisted ? "already there" : "added")" }
                    ?? "catalogue it with 'actorgraph sources add FILE', then import again")
        }
        if report.missingDocuments.contains(where: { $0.stub != nil }) {
            text += "complete each stub with 'actorgraph sources add FILE --id ID' (it replaces the stub; 'check' lists "
                + "the stubs left), then import again so the rows cite it\n"
        }
        if !report.duplicates.isEmpty || !report.variants.isEmpty {
            text += merged
                ? "duplicates dropped and variants merged (--merge)\n"
                : "duplicates and variants were imported as they are; --merge drops the duplicates and merges the variants\n"
        }
        return text
    }
}
