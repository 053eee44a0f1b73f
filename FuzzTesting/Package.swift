// swift-tools-version: 6.0
import PackageDescription

/// libFuzzer targets for solve's parsers, one executable per target, built apart from the root package (whose plain
/// `swift build` never builds them) with the fuzzer and address sanitizers; Scripts/fuzz builds and runs them:
///
///     swift build -c debug -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library
let targets = [
    "FuzzMarkdownProblem", "FuzzKattisPackage", "FuzzLiveCodeBench", "FuzzHumanEval", "FuzzCodeContests",
    "FuzzPickledString", "FuzzInflate", "FuzzSolveConfig", "FuzzServerSentEvents", "FuzzChatStream",
    "FuzzOutputComparison", "FuzzPostgresURL", "FuzzInputShape",
]

let package = Package(
    name: "FuzzTesting",
    platforms: [.macOS(.v14)],
    dependencies: [.package(name: "solve", path: "..")],
    targets: [
        .target(name: "FuzzCommon")
    ]
        + targets.map { name in
            .executableTarget(
                name: name,
                dependencies: [
                    "FuzzCommon",
                    .product(name: "ProblemFormat", package: "solve"),
                    .product(name: "Importing", package: "solve"),
                    .product(name: "Judging", package: "solve"),
                    .product(name: "ModelClient", package: "solve"),
                    .product(name: "ModelFleet", package: "solve"),
                    .product(name: "Evaluation", package: "solve"),
                    .product(name: "Solving", package: "solve"),
                ]
            )
        }
)
