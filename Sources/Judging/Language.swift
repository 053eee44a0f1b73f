import Foundation

/// A programming language the judge can compile (or check) and run.
public struct Language: Sendable, Hashable {
    /// Short identifier: `c`, `cpp`, `python`, `rust`.
    public var id: String
    public var name: String
    /// File extensions (without the dot) that select this language.
    public var extensions: [String]
    /// Other names accepted by `--language`.
    public var aliases: [String]
    /// The file the source is written to in the work directory.
    public var sourceFileName: String
    /// The compiler or syntax checker; `{source}`, `{binary}` and `{pch}` are replaced.
    public var compileCommand: [String]
    /// The run command; `{source}` and `{binary}` are replaced. The first element is the executable.
    public var runCommand: [String]
    /// Which seccomp profile the program runs under.
    public var profile: SandboxProfile
    /// Whether the C++ precompiled header applies.
    public var usesPrecompiledHeader: Bool

    /// The tools that must exist for the language to be usable.
    public var requiredTools: [String] { Array(Set([compileCommand.first, runCommand.first].compactMap { $0 })).filter { $0.hasPrefix("/") }.sorted() }

    /// The tools missing on this machine (empty when available).
    public var missingTools: [String] {
        requiredTools.filter { !FileManager.default.isExecutableFile(atPath: $0) }
    }

    public var isAvailable: Bool { missingTools.isEmpty }
}

extension Language {
    /// The output binary's name in the work directory.
    static let binaryName = "main"

    public static let c = Language(
        id: "c", name: "C (gcc, -O2 -std=gnu17)", extensions: ["c"], aliases: ["gcc"], sourceFileName: "main.c",
        compileCommand: ["/usr/bin/gcc", "-O2", "-std=gnu17", "-DONLINE_JUDGE", "-o", "{binary}", "{source}", "-lm"],
        runCommand: ["{binary}"], profile: .native, usesPrecompiledHeader: false)

    public static let cpp = Language(
        id: "cpp", name: "C++ (g++, -O2 -std=gnu++20)", extensions: ["cpp", "cc", "cxx", "c++", "cp"],
        aliases: ["c++", "g++", "cxx"], sourceFileName: "main.cpp",
        compileCommand: [
            "/usr/bin/g++", "-O2", "-std=gnu++20", "-DONLINE_JUDGE", "{pch}", "-o", "{binary}", "{source}",
        ],
        runCommand: ["{binary}"], profile: .native, usesPrecompiledHeader: true)

    /// CPython from the system (`-I -S -B`: isolated, no site-packages, no .pyc writes); checked with `compile()`.
    public static let python = Language(
        id: "python", name: "Python 3 (CPython, /usr/bin/python3)", extensions: ["py"],
        aliases: ["python3", "py", "py3"], sourceFileName: "main.py",
        compileCommand: [
            "/usr/bin/python3", "-I", "-S", "-B", "-c",
            "import sys; compile(open(sys.argv[1], 'rb').read(), sys.argv[1], 'exec')", "{source}",
        ],
        runCommand: ["/usr/bin/python3", "-I", "-S", "-B", "{source}"], profile: .python,
        usesPrecompiledHeader: false)

    public static let rust = Language(
        id: "rust", name: "Rust (rustc -O, edition 2021)", extensions: ["rs"], aliases: ["rs"],
        sourceFileName: "main.rs",
        compileCommand: ["/usr/bin/rustc", "-O", "--edition", "2021", "-o", "{binary}", "{source}"],
        runCommand: ["{binary}"], profile: .native, usesPrecompiledHeader: false)

    /// Every language the judge knows, available or not.
    public static let all: [Language] = [.c, .cpp, .python, .rust]

    /// Looks a language up by id or alias (`c++`, `py`).
    /// - Throws: `JudgingError.unknownLanguage`, or `.languageUnavailable` when its tools are missing.
    public static func named(_ name: String) throws -> Language {
        let key = name.lowercased()
        guard let language = all.first(where: { $0.id == key || $0.aliases.contains(key) }) else {
            throw JudgingError.unknownLanguage(name, known: all.map(\.id))
        }
        if let missing = language.missingTools.first {
            throw JudgingError.languageUnavailable(language.id, missing: missing)
        }
        return language
    }

    /// The language of a source file, from its extension.
    /// - Throws: `JudgingError.cannotInferLanguage` or `.languageUnavailable`.
    public static func inferred(from file: URL) throws -> Language {
        let ext = file.pathExtension.lowercased()
        guard let language = all.first(where: { $0.extensions.contains(ext) }) else {
            throw JudgingError.cannotInferLanguage(file: file.path)
        }
        return try named(language.id)
    }
}
