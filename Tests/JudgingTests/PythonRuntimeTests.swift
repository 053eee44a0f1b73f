import Foundation
import Judging
import ProblemFormat
import TestSupport
import Testing

/// Python as contest judges run it: `.py3` files, `exit()`, and PyPy where the problem's time limits assume it.
@Suite("Python runtimes", .serialized)
struct PythonRuntimeTests {
    static let judge = try? Judge()

    @Test("a .py3 file is Python 3, judged on the problem's runtime")
    func py3Extension() throws {
        let language = try Language.inferred(from: URL(fileURLWithPath: "/tmp/solution.py3"))
        #expect(language == .python)
        let kattis = try ProblemLoader.load(Fixtures.problems.appendingPathComponent("hypotenuse"))
        #expect(kattis.python == .pypy)
        #expect(language.resolved(for: kattis) == .pypy)
        let markdown = try ProblemLoader.load(Fixtures.problems.appendingPathComponent("two-sum.md"))
        #expect(language.resolved(for: markdown) == .python)
        #expect(Language.cpp.resolved(for: kattis) == .cpp)
    }

    @Test("exit() and quit() exist, and a traceback names only the program's own lines", arguments: [false, true])
    func siteBuiltins(pypy: Bool) async throws {
        let judge = try #require(Self.judge)
        var problem = try Fixtures.problem(input: "3\n", answer: "6\n")
        problem.python = pypy ? .pypy : .cpython
        let exits = "n = int(input())\nprint(n * 2)\nexit(0)\nprint('never')\n"
        let report = try await judge.judge(Submission(source: exits, language: .python, name: "e.py"), on: problem)
        #expect(report.verdict == .accepted, "\(report.message) \(report.tests.map(\.stderr))")
        #expect(report.language == (pypy ? "pypy" : "python"))
        let quits = "print(6)\nquit()\n"
        let quit = try await judge.judge(Submission(source: quits, language: .python, name: "q.py"), on: problem)
        #expect(quit.verdict == .accepted, "\(quit.message)")
        let crash = "def f(x):\n    return 1 // x\n\nprint(f(0))\n"
        let crashed = try await judge.judge(Submission(source: crash, language: .python, name: "c.py"), on: problem)
        let stderr = crashed.tests.first?.stderr ?? ""
        #expect(crashed.verdict == .runtimeError)
        #expect(stderr.contains("File \"main.py\", line 4") && stderr.contains("ZeroDivisionError"), "\(stderr)")
        #expect(!stderr.contains("<string>"), "the loader's frame shows: \(stderr)")
    }

    @Test("Kattis packages run Python on PyPy: a solution within the limit there exceeds it on CPython")
    func pypyForKattis() async throws {
        let judge = try #require(Self.judge)
        #expect(Language.pypy.isAvailable, "install Debian's pypy3 (the README's set-up command does)")
        var problem = try ProblemLoader.load(Fixtures.problems.appendingPathComponent("hypotenuse"))
        let file = problem.source.appendingPathComponent("submissions/accepted/bisection.py")
        let submission = try Submission.load(file)
        let onPyPy = try await judge.judge(submission, on: problem)
        #expect(onPyPy.verdict == .accepted, "\(onPyPy.message)")
        #expect(onPyPy.language == "pypy")
        problem.python = .cpython
        let onCPython = try await judge.judge(submission, on: problem)
        #expect(onCPython.verdict == .timeLimitExceeded, "\(onCPython.message)")
        #expect(onCPython.language == "python")
    }

    @Test("a Python 2 file (Kattis reads its shebang) is refused by name; a PyPy syntax error reads as one")
    func python2AndSyntaxErrors() async throws {
        let folder = try Fixtures.temporaryDirectory(prefix: "python2")
        defer { try? FileManager.default.removeItem(at: folder) }
        let old = folder.appendingPathComponent("old.py")
        try Data("#!/usr/bin/env python2\nprint abs(-1)\n".utf8).write(to: old)
        #expect(throws: JudgingError.self) { try Submission.load(old) }
        #expect((try? Submission.load(old, language: "python")) != nil, "an explicit --language is obeyed")

        let judge = try #require(Self.judge)
        var problem = try Fixtures.problem(input: "", answer: "1\n")
        problem.python = .pypy
        let broken = Submission(source: "print(1\n", language: .python, name: "b.py")
        let report = try await judge.judge(broken, on: problem)
        #expect(report.verdict == .compileError)
        #expect(report.compile.log.contains("SyntaxError"), "\(report.compile.log)")
        #expect(!report.compile.log.contains("L2 cache"), "\(report.compile.log)")
    }

    @Test("PyPy runs threads, deep recursion and big dictionaries under its profile")
    func pypyProfile() async throws {
        let judge = try #require(Self.judge)
        var problem = try Fixtures.problem(input: "", answer: "50000 1000000 ok\n", timeMilliseconds: 5000)
        problem.python = .pypy
        let source = """
            import sys, threading
            sys.setrecursionlimit(100000)
            def depth(k):
                return 0 if k == 0 else 1 + depth(k - 1)
            found = []
            thread = threading.Thread(target=lambda: found.append("ok"))
            thread.start()
            thread.join()
            table = {i: str(i) for i in range(10**6)}
            print(depth(50000), len(table), found[0])
            """
        let report = try await judge.judge(Submission(source: source, language: .python, name: "p.py"), on: problem)
        #expect(report.verdict == .accepted, "\(report.message) \(report.tests.map(\.stderr))")
        #expect(report.tests.first?.stderr.isEmpty == true, "PyPy warned: \(report.tests.map(\.stderr))")
    }
}
