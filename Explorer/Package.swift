// swift-tools-version:6.1
import PackageDescription

// The explorer (`actorgraph serve`), nested so that ActorGraph's own `swift test` never resolves or builds
// Hummingbird. `ActorGraphServer` answers the JSON API and chart requests by calling the same core queries and
// ActorGraphIO JSON builders as the CLI; `actorgraph-explorer` is the executable `actorgraph serve` runs.
let package = Package(
    name: "ActorGraphExplorer",
    products: [
        .library(name: "ActorGraphServer", targets: ["ActorGraphServer"]),
        .executable(name: "actorgraph-explorer", targets: ["actorgraph-explorer"]),
    ],
    dependencies: [
        .package(name: "ActorGraph", path: ".."),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
    ],
    targets: [
        .target(
            name: "ActorGraphServer",
            dependencies: [
                .product(name: "ActorGraph", package: "ActorGraph"),
                .product(name: "ActorGraphIO", package: "ActorGraph"),
                .product(name: "ActorGraphDOT", package: "ActorGraph"),
                .product(name: "Graphviz", package: "ActorGraph"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            resources: [.copy("Assets")]
        ),
        .executableTarget(
            name: "actorgraph-explorer",
            dependencies: [
                "ActorGraphServer",
                .product(name: "ActorGraph", package: "ActorGraph"),
                .product(name: "ActorGraphIO", package: "ActorGraph"),
                .product(name: "Graphviz", package: "ActorGraph"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ]
        ),
        .testTarget(
            name: "ActorGraphServerTests",
            dependencies: [
                "ActorGraphServer",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
    ]
)

for target in package.targets {
    var settings = target.swiftSettings ?? []
    settings.append(.enableUpcomingFeature("ExistentialAny"))
    settings.append(.enableUpcomingFeature("MemberImportVisibility"))
    target.swiftSettings = settings
}
