import Foundation
import ProblemFormat

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
    /// The info strings of a Markdown fence that mark code in this language (`cpp`, `c++`, `py3`, …), lower case.
    public var fenceLabels: [String] = []
    /// Environment variables the program runs with besides the judge's few.
    public var runEnvironment: [String: String] = [:]
    /// Address space granted beyond the memory limit for the runtime's own mappings (libc, libstdc++, CPython).
    /// The stack rlimit stays unlimited: recursion may grow until this address-space limit (stack = memory, as on
    /// Codeforces) while threads keep glibc's 8 MiB default stacks instead of one memory limit each.
    public var addressSpaceAllowanceBytes = 64 << 20

    /// The tools that must exist for the language to be usable.
    public var requiredTools: [String] {
        Array(Set([compileCommand.first, runCommand.first].compactMap { $0 })).filter { $0.hasPrefix("/") }.sorted()
    }

    /// The tools missing on this machine (empty when available).
    public var missingTools: [String] {
        requiredTools.filter { !FileManager.default.isExecutableFile(atPath: $0) }
    }

    public var isAvailable: Bool { missingTools.isEmpty }

    /// The info string of the Markdown fence prompts ask for code in (the id).
    public var fence: String { id }
}

extension Language {
    /// The output binary's name in the work directory.
    static let binaryName = "main"

    public static let c = Language(
        id: "c", name: "C (gcc, -O2 -std=gnu17)", extensions: ["c"], aliases: ["gcc"], sourceFileName: "main.c",
        compileCommand: ["/usr/bin/gcc", "-O2", "-std=gnu17", "-DONLINE_JUDGE", "-o", "{binary}", "{source}", "-lm"],
        runCommand: ["{binary}"], profile: .native, usesPrecompiledHeader: false, fenceLabels: ["c"])

    public static let cpp = Language(
        id: "cpp", name: "C++ (g++, -O2 -std=gnu++20)", extensions: ["cpp", "cc", "cxx", "c++", "cp"],
        aliases: ["c++", "g++", "cxx"], sourceFileName: "main.cpp",
        compileCommand: [
            "/usr/bin/g++", "-O2", "-std=gnu++20", "-DONLINE_JUDGE", "{pch}", "-o", "{binary}", "{source}",
        ],
        runCommand: ["{binary}"], profile: .native, usesPrecompiledHeader: true,
        fenceLabels: ["cpp", "c++", "cc", "cxx", "hpp"])

    /// CPython from the system, isolated (`-I`), without `site` (`-S`: no site-packages or `.pth` code of the
    /// machine runs first) and without `.pyc` writes (`-B`); ``pythonLoader`` gives it `exit()` and `quit()` as
    /// `site` would. Checked with `compile()`.
    public static let python = Language(
        id: "python", name: "Python 3 (CPython, /usr/bin/python3)", extensions: ["py", "py3"],
        aliases: ["python3", "py", "py3", "cpython"], sourceFileName: "main.py",
        compileCommand: [
            "/usr/bin/python3", "-I", "-S", "-B", "-c",
            "import sys; compile(open(sys.argv[1], 'rb').read(), sys.argv[1], 'exec')", "{source}",
        ],
        runCommand: ["/usr/bin/python3", "-I", "-S", "-B", "-c", pythonLoader, "{source}"], profile: .python,
        usesPrecompiledHeader: false, fenceLabels: ["python", "python3", "py", "py3"])

    /// PyPy 3 from the system (Debian's `pypy3`), run like CPython; its JIT needs a profile of its own.
    public static let pypy = Language(
        id: "pypy", name: "Python 3 (PyPy, /usr/bin/pypy3)", extensions: [], aliases: ["pypy3"],
        sourceFileName: "main.py",
        compileCommand: [
            "/usr/bin/pypy3", "-I", "-S", "-B", "-c",
            "import sys; compile(open(sys.argv[1], 'rb').read(), sys.argv[1], 'exec')", "{source}",
        ],
        runCommand: ["/usr/bin/pypy3", "-I", "-S", "-B", "-c", pythonLoader, "{source}"], profile: .pypy,
        usesPrecompiledHeader: false,
        // The nursery PyPy picks when it cannot read the CPU's cache size (it would warn on every run: the view
        // has no /proc); its threads need far more address space than CPython's after deep recursion.
        runEnvironment: ["PYPY_GC_NURSERY": "4M"], addressSpaceAllowanceBytes: 1 << 30)

    /// Runs the program named by `sys.argv[1]` as `__main__` with the builtins `site` adds (`exit`, `quit`), and
    /// prints an uncaught exception's traceback without this loader's frame, as `python3 main.py` would.
    static let pythonLoader = """
        import builtins as _b, sys as _s, _sitebuiltins as _q
        _b.exit = _q.Quitter("exit", "Ctrl-D (i.e. EOF)")
        _b.quit = _q.Quitter("quit", "Ctrl-D (i.e. EOF)")
        del _s.argv[0]
        __file__ = _s.argv[0]
        with open(__file__, "rb") as _f:
            _c = compile(_f.read(), __file__, "exec")
        del _b, _q, _f
        try:
            exec(_c)
        except SystemExit:
            raise
        except BaseException as _e:
            import sys as _s, traceback as _t
            _t.print_exception(type(_e), _e, _e.__traceback__.tb_next)
            _s.stderr.flush()
            _s.exit(1)
        """

    public static let rust = Language(
        id: "rust", name: "Rust (rustc -O, edition 2021)", extensions: ["rs"], aliases: ["rs"],
        sourceFileName: "main.rs",
        compileCommand: ["/usr/bin/rustc", "-O", "--edition", "2021", "-o", "{binary}", "{source}"],
        runCommand: ["{binary}"], profile: .native, usesPrecompiledHeader: false, fenceLabels: ["rust", "rs"])

    /// Every language the judge knows, available or not.
    public static let all: [Language] = [.c, .cpp, .python, .pypy, .rust]

    /// The languages a model is asked for in turn when none is pinned: after the configured one, these.
    public static let rotation: [Language] = [.cpp, .python]

    /// The languages checkers and output validators are written in: Python runs as it is, C and C++ are compiled.
    public static let checkerLanguages: [Language] = [.python, .cpp, .c]

    /// Fence labels of languages models answer in that the judge does not run, by id: an answer in one of them is
    /// named ("the answer is in java, which this machine cannot judge") instead of being read as prose.
    public static let unjudgedFenceLabels: [String: [String]] = ["java": ["java"], "go": ["go", "golang"]]

    /// The id of the language a fence label names (`cpp`, `c++17`, `py3`, `golang`), among the judge's languages
    /// and ``unjudgedFenceLabels``; nil for anything else. `label` is one lower-case word.
    public static func id(forFenceLabel label: String) -> String? {
        if let language = all.first(where: { $0.fenceLabels.contains(label) }) { return language.id }
        if let (id, _) = unjudgedFenceLabels.first(where: { $0.value.contains(label) }) { return id }
        // `cpp17`, `c++20`: C++ with its standard's year.
        let isVersionedCpp = ["cpp", "c++"].contains {
            label.hasPrefix($0) && label.dropFirst(3).allSatisfy(\.isNumber)
        }
        return isVersionedCpp ? Language.cpp.id : nil
    }

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

    /// The language that runs this one's programs on `problem`: Python 3 runs on the problem's runtime (PyPy when
    /// the problem asks for it and it is installed), every other language on itself.
    public func resolved(for problem: Problem) -> Language {
        guard id == Language.python.id, problem.python == .pypy, Language.pypy.isAvailable else { return self }
        return .pypy
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
