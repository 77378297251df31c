import ActorGraph
import ActorGraphDOT
import ActorGraphIO
import Graphviz
import HTTPTypes

/// `/api/chart.svg` and `/api/export`: the view drawn by the worker, or its relations in an exchange format.
enum ExplorerExport {
    struct File: Sendable {
        let name: String
        let contentType: String
        let bytes: [UInt8]
    }

    /// The view of `parameters` laid out by Graphviz in the worker, within the chart budget; a chart drawn before
    /// is answered from `service.charts`.
    static func chart(
        _ parameters: QueryParameters, service: ExplorerService, renderer: ChartRenderer, pool: WorkPool,
        format: GraphvizFormat
    ) async throws(APIError) -> [UInt8] {
        let key = format.rawValue + "?" + parameters.canonical
        if let kept = service.charts[key] { return kept }
        let dot = try await pool.run { () throws(APIError) -> String in
            let request = try service.viewRequest(parameters)
            let view = try service.view(request)
            let drawn = view.links.count
            guard drawn <= renderer.limits.relations else {
                throw APIError(
                    .unprocessableContent,
                    "the view has \(drawn) links; a chart draws at most \(renderer.limits.relations): focus on an actor, "
                        + "find a path, or narrow the time window or the filters")
            }
            return view.chart.document.text
        }
        let drawn = try await renderer.render(dot, format: format)
        service.charts.store(drawn, for: key)
        return drawn
    }

    /// The view as a file: `svg`, `png`, `pdf`, `dot` (the chart) or `csv`, `gexf`, `graphml` (its relations and actors).
    static func file(_ parameters: QueryParameters, service: ExplorerService, renderer: ChartRenderer, pool: WorkPool)
        async throws(APIError) -> File
    {
        let formatText = parameters["format"] ?? ""
        let viewParameters = parameters.removing("format")
        switch formatText {
        case "svg", "png", "pdf":
            let format: GraphvizFormat = formatText == "svg" ? .svg : formatText == "png" ? .png : .pdf
            let bytes = try await chart(viewParameters, service: service, renderer: renderer, pool: pool, format: format)
            let type = formatText == "svg" ? "image/svg+xml" : formatText == "png" ? "image/png" : "application/pdf"
            return File(name: "actorgraph-view.\(formatText)", contentType: type, bytes: bytes)
        default:
            return try await pool.run { () throws(APIError) in try exchangeFile(formatText, viewParameters, service: service) }
        }
    }

    /// The view's DOT, or its relations and actors in an exchange format.
    private static func exchangeFile(_ formatText: String, _ viewParameters: QueryParameters, service: ExplorerService)
        throws(APIError) -> File
    {
        switch formatText {
        case "dot":
            // The chart's DOT before layout: what `actorgraph render … --format dot` writes for the same view.
            let request = try service.viewRequest(viewParameters)
            let view = try service.view(request)
            return File(
                name: "actorgraph-view.dot", contentType: "text/vnd.graphviz; charset=utf-8",
                bytes: Array(view.chart.document.text.utf8))
        case "csv", "gexf", "graphml":
            let request = try service.viewRequest(viewParameters)
            let view = try service.view(request)
            let graph = service.graph
            let selection = ExportSelection(
                graph: graph, relations: view.links.flatMap(\.relations).sorted(), extraActors: view.actors)
            let output = ExportOutput()
            switch formatText {
            case "csv":
                // For a spreadsheet, as `actorgraph export --format csv` writes by default: formula-like cells neutralised.
                EdgeListWriter.writeRelations(
                    graph, selection, options: DelimitedTextOptions(safeSpreadsheet: true), to: output)
            case "gexf":
                GEXFWriter.write(graph, selection, to: output)
            default:
                GraphMLWriter.write(graph, selection, to: output)
            }
            let type =
                formatText == "csv" ? "text/csv; charset=utf-8" : "application/xml; charset=utf-8"
            return File(name: "actorgraph-view.\(formatText)", contentType: type, bytes: output.bytes)
        default:
            throw APIError.badParameter("format", "'format' is svg, png, pdf, dot, csv, gexf or graphml, not '\(formatText)'")
        }
    }
}
