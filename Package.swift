// swift-tools-version:6.1
import PackageDescription

// Dependencies point inward: the core (`ActorGraph`) knows nothing of file formats, Graphviz or the
// command line; `Graphviz` is the only module that imports the C library.
let package = Package(
    name: "ActorGraph",
    products: [
        .library(name: "ActorGraph", targets: ["ActorGraph"]),
        .library(name: "ActorGraphIO", targets: ["ActorGraphIO"]),
        .library(name: "ActorGraphDOT", targets: ["ActorGraphDOT"]),
        .library(name: "ActorGraphExtract", targets: ["ActorGraphExtract"]),
        .library(name: "Graphviz", targets: ["Graphviz"]),
        .executable(name: "actorgraph", targets: ["actorgraph"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-collections", from: "1.6.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    ],
    targets: [
        .target(
            name: "ActorGraph",
            dependencies: [
                .product(name: "OrderedCollections", package: "swift-collections"),
                .product(name: "HeapModule", package: "swift-collections"),
            ]
        ),
        .target(
            name: "ActorGraphIO",
            dependencies: [
                "ActorGraph",
                .product(name: "Yams", package: "Yams"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        .target(name: "ActorGraphDOT", dependencies: ["ActorGraph"]),
        // Candidate relations from a text (`actorgraph extract`): rules over the graph's names and triggers.
        .target(name: "ActorGraphExtract", dependencies: ["ActorGraph"]),
        .systemLibrary(
            name: "CGraphviz",
            pkgConfig: "libgvc",
            providers: [.apt(["libgraphviz-dev"])]
        ),
        .target(name: "Graphviz", dependencies: ["CGraphviz"]),
        .target(
            name: "ActorGraphCLI",
            dependencies: [
                "ActorGraph", "ActorGraphIO", "ActorGraphDOT", "ActorGraphExtract", "Graphviz",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(name: "actorgraph", dependencies: ["ActorGraphCLI"]),
        .target(name: "ActorGraphTestSupport", dependencies: ["ActorGraph"]),
        .testTarget(name: "ActorGraphTests", dependencies: ["ActorGraph", "ActorGraphTestSupport"]),
        .testTarget(
            name: "ActorGraphIOTests",
            dependencies: ["ActorGraphIO", "ActorGraphTestSupport"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "ActorGraphDOTTests",
            dependencies: ["ActorGraphDOT", "Graphviz", "ActorGraphTestSupport"],
            // Golden files are read from the source tree (so RECORD_GOLDEN=1 can rewrite them), not bundled.
            exclude: ["Golden"]
        ),
        .testTarget(name: "GraphvizTests", dependencies: ["Graphviz"]),
        .testTarget(name: "ActorGraphExtractTests", dependencies: ["ActorGraphExtract"], exclude: ["Fixtures"]),
        .testTarget(
            name: "ActorGraphCLITests",
            dependencies: ["ActorGraphCLI", "ActorGraphTestSupport", "actorgraph"],
            // Golden files are read from the source tree (RECORD_GOLDEN=1 rewrites them), not bundled.
            exclude: ["Golden"]
        ),
    ]
)

for target in package.targets where target.type != .system {
    var settings = target.swiftSettings ?? []
    // Require `any` for existential types (SE-0335).
    settings.append(.enableUpcomingFeature("ExistentialAny"))
    // An import is visible only in the file that writes it (SE-0444).
    settings.append(.enableUpcomingFeature("MemberImportVisibility"))
    target.swiftSettings = settings
}
