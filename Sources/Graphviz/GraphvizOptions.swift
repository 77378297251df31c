/// A Graphviz layout engine.
///
/// Only engines that are useful for an actor-relationship graph and that ship with every
/// `libgraphviz` build are offered, so an unknown engine cannot be asked for.
public enum GraphvizLayout: String, CaseIterable, Sendable {
    /// Hierarchical layers; best for directed, roughly acyclic graphs.
    case dot
    /// Spring model (stress majorization).
    case neato
    /// Force-directed placement; supports clusters.
    case fdp
    /// Multiscale force-directed placement for large graphs.
    case sfdp
    /// Circular layout.
    case circo
    /// Radial layout around a root.
    case twopi
}

/// An output format of a Graphviz render.
public enum GraphvizFormat: String, CaseIterable, Sendable {
    /// Scalable Vector Graphics (XML text).
    case svg
    /// Portable Network Graphics (raster, through cairo).
    case png
    /// Portable Document Format (through cairo).
    case pdf
    /// Graphviz's JSON: the laid-out graph with coordinates and drawing operations.
    case json
}
