import Foundation
import ProblemFormat

/// Function mode: a Python driver, written next to the solution and run in the same sandbox and profile, calls the
/// solution's function on each test and reports what happened.
///
/// The driver reads the whole test from stdin first (JSON arguments, one per line, or Python test code), moves the
/// solution's stdout (fd 1 and `sys.stdout`) to stderr, runs `main.py` in a fresh namespace named `__solution__`
/// (so `if __name__ == "__main__":` blocks stay quiet), then calls the function. Its report is one line on a
/// duplicate of the original stdout, after ``marker``. Exceptions other than a check's `AssertionError` propagate:
/// a traceback and exit code 1, which the run classifier calls RE (or MLE for `MemoryError`).
enum FunctionDriver {
    /// The driver's file name in the work directory.
    static let fileName = "driver.py"
    /// What starts the driver's report line.
    static let marker = "@@solve-function-report@@"

    /// The sandboxed command for one test.
    static func command(_ function: PythonFunction, kind: TestKind) -> [String] {
        let mode = kind == .pythonCheck ? "check" : "call"
        return ["/usr/bin/python3", "-I", "-S", "-B", fileName, mode, function.entryPoint]
            + (function.className.map { [$0] } ?? [])
    }

    /// What the driver reported.
    enum Report: Equatable {
        /// The call returned this JSON text.
        case result(String)
        /// `check(candidate)` returned.
        case passed
        /// An `assert` of the check failed: the test's line and the assertion's message, where known.
        case assertion(String)
        /// The call returned a value JSON cannot hold (a set, NaN, an object).
        case unserializable(String)
        /// The solution defines no such class or function.
        case missing(String)
        /// The test itself is broken (arguments not JSON, check code that does not compile).
        case badTest(String)
    }

    /// The report in the driver's output, or nil when it wrote none (the program exited before the call returned).
    static func report(in output: Data) -> Report? {
        let text = String(decoding: output, as: UTF8.self)
        guard let line = text.split(separator: "\n").last(where: { $0.hasPrefix(marker + " ") }) else { return nil }
        let fields = line.dropFirst(marker.count + 1)
        let kind = fields.prefix { $0 != " " }
        let payload = String(fields.dropFirst(kind.count + 1))
        /// The payload of the kinds that carry a message: a JSON string.
        var message: String { (try? JSONValue.parse(payload))?.string ?? payload }
        switch kind {
        case "result": return .result(payload)
        case "passed": return .passed
        case "assertion": return .assertion(message)
        case "unserializable": return .unserializable(message)
        case "missing": return .missing(message)
        case "badtest": return .badTest(message)
        default: return nil
        }
    }

    /// The driver. Argument-call mode first runs ``prelude`` in the solution's namespace, as LiveCodeBench's harness
    /// does; check mode runs the solution as HumanEval's harness does, then the test code, then `check(function)`.
    static let source = #"""
        import json, linecache, os, sys, traceback

        MARKER = "\#(marker)"
        PRELUDE = """\#(prelude)"""


        def main():
            mode, entry = sys.argv[1], sys.argv[2]
            owner = sys.argv[3] if len(sys.argv) > 3 else None
            data = sys.stdin.read()
            reports = os.fdopen(os.dup(1), "w", encoding="utf-8")
            os.dup2(2, 1)
            sys.stdout = sys.stderr

            def report(kind, payload=""):
                reports.write("\n" + MARKER + " " + kind + " " + payload + "\n")
                reports.flush()

            if mode == "call":
                arguments = []
                for number, line in enumerate(data.split("\n"), 1):
                    if line.strip():
                        try:
                            arguments.append(json.loads(line))
                        except ValueError as error:
                            report("badtest", json.dumps("argument line %d is not JSON: %s" % (number, error)))
                            return
            else:
                try:
                    tests = compile(data, "<tests>", "exec")
                except SyntaxError as error:
                    report("badtest", json.dumps("the check code does not compile: %s" % error))
                    return
                linecache.cache["<tests>"] = (len(data), None, data.splitlines(True), "<tests>")

            namespace = {"__name__": "__solution__", "__builtins__": __builtins__}
            if mode == "call":
                exec(PRELUDE, namespace)
            with open("main.py", encoding="utf-8") as file:
                exec(compile(file.read(), "main.py", "exec"), namespace)

            if owner is not None:
                cls = namespace.get(owner)
                if not isinstance(cls, type):
                    report("missing", json.dumps("the program defines no class %s" % owner))
                    return
                function = getattr(cls(), entry, None)
                where = "class %s has no method %s" % (owner, entry)
            else:
                function = namespace.get(entry)
                where = "the program defines no function %s" % entry
            if not callable(function):
                report("missing", json.dumps(where))
                return

            if mode == "call":
                value = function(*arguments)
                try:
                    text = json.dumps(value, allow_nan=False)
                except (TypeError, ValueError) as error:
                    report("unserializable", json.dumps("%s (%s)" % (type(value).__name__, error)))
                    return
                report("result", text)
                return

            exec(tests, namespace)
            check = namespace.get("check")
            if not callable(check):
                report("badtest", json.dumps("the check code defines no check(candidate)"))
                return
            try:
                check(function)
            except AssertionError as error:
                frames = [f for f in traceback.extract_tb(error.__traceback__) if f.filename == "<tests>"]
                where = "line %d: %s" % (frames[-1].lineno, (frames[-1].line or "").strip()) if frames else ""
                message = " — ".join(part for part in (where, str(error)) if part)
                report("assertion", json.dumps(message or "an assertion failed"))
                return
            report("passed")


        main()

        """#

    /// Names a LeetCode-style solution may use without importing them (LiveCodeBench's harness provides the same,
    /// and restores the builtins that `from math import *` shadows, such as three-argument `pow`).
    static let prelude = """
        from typing import *
        from collections import *
        from heapq import *
        from bisect import *
        from itertools import *
        from functools import *
        from math import *
        from builtins import *
        import bisect, collections, functools, heapq, itertools, math, re, string, sys
        sys.setrecursionlimit(50000)
        """
}
