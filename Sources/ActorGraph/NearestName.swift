/// The one "did you mean" rule for names that are not actors (relation types, source ids, YAML keys, options).
public enum NearestName {
    /// The candidate nearest to `word` (ignoring case) by edit distance, if one is within a third of the word's
    /// length (at least 2 edits); the first of equally near ones.
    public static func nearest(_ word: String, among candidates: [String]) -> String? {
        let query = Array(word.lowercased())
        var best: (String, Int)?
        for candidate in candidates {
            guard let distance = ActorResolver.editDistance(query, Array(candidate), limit: max(2, query.count / 3))
            else { continue }
            if best.map({ distance < $0.1 }) ?? true { best = (candidate, distance) }
        }
        return best?.0
    }
}
