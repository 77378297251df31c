// swift-tools-version:6.1
import PackageDescription

// libFuzzer targets, nested so that `swift build` and `swift test` of ActorGraph never see them: each target
// defines `LLVMFuzzerTestOneInput` and has no `main`, which libFuzzer supplies when the package is built with
// `-sanitize=fuzzer` (`make fuzz`, scripts/fuzz.sh; scratch path `.build-fuzz`). `-enable-testing` lets a target
// reach an internal entry point (the DOT escaper) through `@testable import`.
let package = Package(
    name: "ActorGraphFuzz",
    dependencies: [.package(name: "ActorGraph", path: "..")],
    targets: [
        // libFuzzer's driver, which every target's entry point calls.
        .target(name: "FuzzDriver"),
        // The YAML composer and the graph-file reader: graph file bytes, as `check` reads them.
        .executableTarget(
            name: "FuzzGraphFile",
            dependencies: ["FuzzDriver", .product(name: "ActorGraphIO", package: "ActorGraph")]),
        // The EDTF date parser (text) and the importer's byte parser, compared with each other.
        .executableTarget(
            name: "FuzzEDTF",
            dependencies: [
                "FuzzDriver",
                .product(name: "ActorGraph", package: "ActorGraph"),
                .product(name: "ActorGraphIO", package: "ActorGraph"),
            ]),
        // The CSV reader and edge-list importer: edge list and actor list from one input.
        .executableTarget(
            name: "FuzzCSV",
            dependencies: ["FuzzDriver", .product(name: "ActorGraphIO", package: "ActorGraph")]),
        // The snapshot decoder, checksum checked and unchecked, and queries of what a query's load accepts.
        .executableTarget(
            name: "FuzzSnapshot",
            dependencies: [
                "FuzzDriver",
                .product(name: "ActorGraph", package: "ActorGraph"),
                .product(name: "ActorGraphIO", package: "ActorGraph"),
            ]),
        // The extractor: any text, both modes, with the rules that read dated governments.
        .executableTarget(
            name: "FuzzExtract",
            dependencies: [
                "FuzzDriver",
                .product(name: "ActorGraph", package: "ActorGraph"),
                .product(name: "ActorGraphExtract", package: "ActorGraph"),
            ]),
        // The DOT escaper: whatever text goes in, one well-formed quoted string comes out.
        .executableTarget(
            name: "FuzzDOT",
            dependencies: ["FuzzDriver", .product(name: "ActorGraphDOT", package: "ActorGraph")]),
    ]
)
