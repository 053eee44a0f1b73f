// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "solve",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "solve", targets: ["solve"]),
        // The libraries the fuzz targets of FuzzTesting/ (a package of its own) link against.
        .library(name: "ProblemFormat", targets: ["ProblemFormat"]),
        .library(name: "Importing", targets: ["Importing"]),
        .library(name: "Judging", targets: ["Judging"]),
        .library(name: "ModelClient", targets: ["ModelClient"]),
        .library(name: "ModelFleet", targets: ["ModelFleet"]),
        .library(name: "Solving", targets: ["Solving"]),
        .library(name: "Evaluation", targets: ["Evaluation"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.37.6"),
    ],
    targets: [
        /// Everything that happens between `clone` and `execve`, plus the seccomp/Landlock/cgroup plumbing.
        .target(
            name: "CSandbox",
            path: "Sandbox",
            cSettings: [.define("_GNU_SOURCE")],
            linkerSettings: [.linkedLibrary("seccomp")]
        ),
        /// A counting semaphore for tasks (sandbox slots, model requests in flight).
        .target(name: "AsyncLimits"),
        /// How `solve` writes: text wrapped to a column width, and its one JSON (sorted keys, unescaped slashes).
        .target(name: "OutputFormat"),
        .target(
            name: "ProblemFormat",
            dependencies: [.product(name: "Yams", package: "Yams")]
        ),
        /// Where `solve` keeps what it builds (precompiled headers, the local model server): read by Judging and
        /// the fleet.
        .target(name: "Caches"),
        .target(
            name: "Judging",
            dependencies: ["ProblemFormat", "CSandbox", "AsyncLimits", "Caches"]
        ),
        /// libcurl, through typed wrappers of its variadic calls.
        .systemLibrary(
            name: "CCurl",
            pkgConfig: "libcurl",
            providers: [.apt(["libcurl4-openssl-dev"])]
        ),
        .target(
            name: "ModelClient",
            dependencies: ["CCurl"]
        ),
        /// zlib, to read gzip files and LiveCodeBench's zlib-compressed tests.
        .systemLibrary(
            name: "CZlib",
            pkgConfig: "zlib",
            providers: [.apt(["zlib1g-dev"])]
        ),
        /// LiveCodeBench, HumanEval and CodeContests JSON lines as problems.
        .target(
            name: "Importing",
            dependencies: ["ProblemFormat", "CZlib"]
        ),
        /// The templates of `Prompts/`, compiled in as the fallback when no folder is found at run time.
        .target(
            name: "BuiltinPrompts",
            path: "Prompts",
            exclude: ["README.md"],
            sources: ["BuiltinPrompts.swift"],
            resources: [
                .embedInCode("system.mustache"), .embedInCode("attempt-reasoning.mustache"),
                .embedInCode("attempt-code.mustache"), .embedInCode("feedback.mustache"),
                .embedInCode("generator.mustache"),
            ]
        ),
        /// The configured models (solve.yaml), their endpoints and replicas, health checks, the local server.
        .target(
            name: "ModelFleet",
            dependencies: ["ModelClient", "ProblemFormat", "ServingPlan", "Caches", "AsyncLimits"]
        ),
        /// The loop: routing, prompts, extraction, judging each attempt, feedback, transcripts.
        .target(
            name: "Solving",
            dependencies: [
                "ModelFleet", "ModelClient", "Judging", "ProblemFormat", "BuiltinPrompts", "AsyncLimits", "OutputFormat",
                .product(name: "Mustache", package: "swift-mustache"),
            ]
        ),
        /// Batch runs, the stores (SQLite; PostgreSQL shared by workers), pass@k and intervals, comparisons and
        /// reports.
        .target(
            name: "Evaluation",
            dependencies: [
                "Solving", "ModelFleet", "Judging", "ProblemFormat", "Importing", "OutputFormat",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
            ]
        ),
        /// `solve bench-server`: load levels of streaming requests, TTFT and decode rates, the server's `/metrics`.
        .target(
            name: "ServerBench",
            dependencies: ["ModelClient", "OutputFormat"]
        ),
        .target(
            name: "ServingPlan",
            dependencies: ["OutputFormat"],
            resources: [.embedInCode("Catalog/gpus.json"), .embedInCode("Catalog/models.json")]
        ),
        .executableTarget(
            name: "solve",
            dependencies: [
                "ProblemFormat", "Judging", "ServingPlan", "ServerBench", "ModelClient", "ModelFleet", "Solving",
                "Evaluation", "Importing", "OutputFormat",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(
            name: "solve-bench",
            dependencies: ["Judging", "ProblemFormat", "CSandbox", "ModelClient"]
        ),
        .target(
            name: "TestSupport",
            dependencies: ["ProblemFormat", "Judging", "ModelClient", .product(name: "GRDB", package: "GRDB.swift")],
            path: "Tests/TestSupport"
        ),
        .testTarget(name: "ProblemFormatTests", dependencies: ["ProblemFormat", "TestSupport"]),
        .testTarget(name: "JudgingTests", dependencies: ["Judging", "CSandbox", "ProblemFormat", "TestSupport"]),
        .testTarget(name: "ServingPlanTests", dependencies: ["ServingPlan"]),
        .testTarget(name: "AsyncLimitsTests", dependencies: ["AsyncLimits"]),
        .testTarget(name: "OutputFormatTests", dependencies: ["OutputFormat"]),
        .testTarget(name: "ImportingTests", dependencies: ["Importing", "ProblemFormat", "Judging", "TestSupport"]),
        .testTarget(name: "ModelClientTests", dependencies: ["ModelClient", "TestSupport"]),
        .testTarget(name: "ServerBenchTests", dependencies: ["ServerBench", "ModelClient", "TestSupport"]),
        /// Against the real local model server (Scripts/install-local-model 0.5b); run on their own, after the rest.
        .testTarget(
            name: "EndToEndTests",
            dependencies: ["Solving", "ModelFleet", "ModelClient", "ProblemFormat", "Judging", "TestSupport"]
        ),
        /// Against vLLM's CPU build (Scripts/install-vllm-cpu); run on their own, last.
        .testTarget(name: "VLLMTests", dependencies: ["ModelClient", "TestSupport"]),
        .testTarget(name: "ModelFleetTests", dependencies: ["ModelFleet", "ModelClient", "TestSupport"]),
        .testTarget(
            name: "SolvingTests",
            dependencies: ["Solving", "ModelFleet", "ModelClient", "ProblemFormat", "Judging", "TestSupport"]
        ),
        .testTarget(
            name: "EvaluationTests",
            dependencies: [
                "Evaluation", "Solving", "ModelFleet", "ModelClient", "ProblemFormat", "Judging", "TestSupport",
                .product(name: "GRDB", package: "GRDB.swift"),
            ]
        ),
        .testTarget(
            name: "SolveCLITests",
            dependencies: [
                "solve", "Evaluation", "Solving", "TestSupport",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
    ]
)
