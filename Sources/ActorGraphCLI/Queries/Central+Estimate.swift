import ActorGraph
import Foundation

extension ActorGraphCommand.CentralCommand {
    /// Below this much work (sources × (actors + relations) of the view's graph) betweenness is not timed: a
    /// release build ends it in well under a second.
    static let untimedWork = 5_000_000
    /// Single-source searches timed before betweenness starts, at most, and the time they may take together.
    static let probeSources = 16
    static let probeSeconds = 0.5
    /// Estimates at least this long are announced on standard error.
    static let announcedSeconds = 10.0

    /// Times a few single-source searches (spread over the sources betweenness will search from) and, when the
    /// whole would take `announcedSeconds` or more, says so on standard error before starting, with the bounds that
    /// shorten it: `--timeout` and `--sample K`. Always to standard error, terminal or not (a log says why a job
    /// ran long); standard output stays the answer's alone. The timed searches watch `watch`'s signal too.
    static func announceEstimate(_ view: FilteredGraph, pivots: [ActorIndex]?, watch: QueryWatch) throws(QueryStopped) {
        let sources = pivots ?? (0..<view.actorCount).map { ActorIndex($0) }.filter { view.includes($0) }
        // The timed searches are at most a quarter of the work (and at most about `probeSeconds` of it).
        guard sources.count >= 4 * probeSources,
            sources.count.multipliedReportingOverflow(by: view.actorCount + view.graph.relationCount).partialValue
                >= untimedWork
        else { return }
        let step = sources.count / probeSources
        var timed = 0
        let started = DispatchTime.now().uptimeNanoseconds
        var elapsed = 0.0
        // Each timed search is a job of one source, which a terminal's progress line (from one second) never shows.
        while timed < probeSources && (timed == 0 || elapsed < probeSeconds) {
            do {
                _ = try Centrality.betweenness(view, sources: [sources[timed * step]], stop: watch.signal)
            } catch {
                // Stopped while timing: none of the answer's own sources was searched yet.
                throw QueryStopped(done: 0, total: sources.count)
            }
            timed += 1
            elapsed = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
        }
        let estimate = elapsed / Double(timed) * Double(sources.count)
        guard estimate >= announcedSeconds else { return }
        Output.error(
            announcement(
                estimate: estimate, sources: sources.count, sampled: pivots != nil, timed: timed,
                actors: view.actorCount, relations: view.graph.relationCount, timeout: watch.timeout))
    }

    /// "note: betweenness from 20,000 sources (one search each over 20,000 actors and 100,000 relations) needs about
    /// 215 s, timed on 16 of them; --timeout SECONDS stops it, --sample 930 estimates it in about 10 s".
    static func announcement(
        estimate: Double, sources: Int, sampled: Bool, timed: Int, actors: Int, relations: Int, timeout: Double?
    ) -> String {
        let grouped = TerminalProgress.grouped
        var text = "note: betweenness from \(grouped(sources)) \(sampled ? "sampled " : "")sources (one search each over "
            + "\(grouped(actors)) actors and \(grouped(relations)) relations) needs about "
            + "\(grouped(Int(estimate.rounded(.up)))) s, timed on \(timed) of them"
        if let timeout, timeout < estimate {
            text += "; --timeout \(Self.seconds(timeout)) will stop it first"
        } else {
            text += "; --timeout SECONDS stops it"
        }
        // A sample that takes about `announcedSeconds`.
        let suggested = Int((Double(sources) * announcedSeconds / estimate).rounded(.down))
        if suggested >= 1 && suggested < sources {
            text += ", --sample \(suggested) estimates it in about \(Int(announcedSeconds)) s"
        }
        return text
    }

    /// 5 as "5", 2.5 as "2.5".
    private static func seconds(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(value)
    }
}
