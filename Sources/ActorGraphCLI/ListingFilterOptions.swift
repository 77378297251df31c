import ActorGraph
import ActorGraphIO
import ArgumentParser

/// The filters of the listing commands (`relations`, `show`): the time options and the evidence options, applied
/// through the same ``RelationFilter`` and ``FilteredGraph`` as the queries, so `relations --status denied --at
/// 2021-08` keeps exactly the relations a query under those options may use.
struct ListingFilterOptions: ParsableArguments {
    @OptionGroup var time: TimeFilterOptions
    @OptionGroup var evidence: EvidenceFilterOptions

    /// The relations of `candidates` the filters keep, in their order, and what a time filter left out.
    func select(_ graph: RelationGraph, _ candidates: [RelationIndex]) throws -> (kept: [RelationIndex], leftOut: LeftOut?) {
        var filter = RelationFilter(time: try time.timeCondition())
        filter.includePossible = time.possibly
        filter.includeUndated = time.includeUndated
        try evidence.apply(to: &filter)
        let view = FilteredGraph(graph, filter: filter)
        let keep = { (view: FilteredGraph) in candidates.filter { view.match($0) != nil } }
        return (keep(view), QueryJSON.leftOut(view, keep))
    }
}
