// swift-tools-version:6.1
import PackageDescription

// The benchmark harness, nested so that `swift test` of ActorGraph never resolves or builds what only the
// benchmarks need (SwiftGraph, the peer we compare against). `scripts/bench.sh` (`make bench`) builds it in release
// mode with its own scratch path and runs both executables on the same CSV and query pairs as the Python peers.
let package = Package(
    name: "ActorGraphBenchmarks",
    dependencies: [
        .package(name: "ActorGraph", path: ".."),
        .package(url: "https://github.com/davecom/SwiftGraph", exact: "4.0.0"),
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
    ]
)

for target in package.targets {
    var settings = target.swiftSettings ?? []
    settings.append(.enableUpcomingFeature("ExistentialAny"))
    settings.append(.enableUpcomingFeature("MemberImportVisibility"))
    target.swiftSettings = settings
}
