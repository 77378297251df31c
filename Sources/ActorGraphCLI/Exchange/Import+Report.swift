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
        _ result: CSVImportResult, base: LoadedGraph?, fallbackCitation: Citation?, cataloguePath: String?
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
        let review = Self.reportText(result.report, merged: merge)
        if !review.isEmpty { Output.error(String(review.dropLast())) }
        if imported == 0 && result.rows > 0 {
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
        try Output.writeFile(to: output, protecting: inputs) { output in
            GraphYAMLWriter.write(graph, selection, options: writerOptions, to: output)
        }
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
        section("documents not in the catalogue", report.missingDocuments) {
            "\($0.location): '\($0.text)' (\($0.rows) row\($0.rows == 1 ? "" : "s")): kept as attribute 'document'; "
                + "catalogue it with 'actorgraph sources add FILE', then import again"
        }
        if !report.duplicates.isEmpty || !report.variants.isEmpty {
            text += merged
                ? "duplicates dropped and variants merged (--merge)\n"
                : "duplicates and variants were imported as they are; --merge drops the duplicates and merges the variants\n"
        }
        return text
    }
}
