// swift-tools-version:6.1
import PackageDescription

// The benchmark harness, nested so that `swift test` of ActorGraph never resolves or builds what only the
// benchmarks need (SwiftGraph, the peer we compare against, and ordo-one/benchmark). `scripts/bench.sh`
// (`make bench`) builds the two timing executables in release mode with their own scratch path and runs them on the
// same CSV and query pairs as the Python peers; `Benchmarks/ActorGraphQueries` is an ordo-one suite of ActorGraph
// alone, for regression tracking with `swift package benchmark`.
let package = Package(
    name: "ActorGraphBenchmarks",
    dependencies: [
        .package(name: "ActorGraph", path: ".."),
        .package(url: "https://github.com/davecom/SwiftGraph", exact: "4.0.0"),
        // MallocInterposer alone: the default RuntimeInterposer trait pulls in a package this machine lacks.
        .package(url: "https://github.com/ordo-one/benchmark", exact: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        // CSV edge-list reading, query pairs, timing statistics and JSON output shared by both executables.
        .target(name: "BenchSupport"),
        .executableTarget(
            name: "actorgraph-bench",
            dependencies: [
                "BenchSupport",
                .product(name: "ActorGraph", package: "ActorGraph"),
                .product(name: "ActorGraphIO", package: "ActorGraph"),
            ]
        ),
        .executableTarget(
            name: "swiftgraph-bench",
            dependencies: ["BenchSupport", .product(name: "SwiftGraph", package: "SwiftGraph")]
        ),
        // Instruction-count profiling of the query side under callgrind; depends on the core alone.
        .executableTarget(
            name: "query-profile",
            dependencies: ["BenchSupport", .product(name: "ActorGraph", package: "ActorGraph")]
        ),
        .executableTarget(
            name: "render-bench",
            dependencies: ["BenchSupport", .product(name: "Graphviz", package: "ActorGraph")]
        ),
        .executableTarget(
            name: "ActorGraphQueries",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "ActorGraph", package: "ActorGraph"),
            ],
            path: "Benchmarks/ActorGraphQueries",
            // ordo-one's closures and globals predate strict concurrency checking; its own targets use Swift 5 mode.
            swiftSettings: [.swiftLanguageMode(.v5)],
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
    ]
)

for target in package.targets {
    var settings = target.swiftSettings ?? []
    settings.append(.enableUpcomingFeature("ExistentialAny"))
    settings.append(.enableUpcomingFeature("MemberImportVisibility"))
    target.swiftSettings = settings
}
