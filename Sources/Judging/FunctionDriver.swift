import Foundation
import ProblemFormat

/// Function mode: Python drivers that call the solution's function on each test and report what happened.
///
/// **Arguments** (`TestKind.output`): ``source`` runs next to the solution in one sandboxed process. It reads the
/// JSON arguments from stdin, moves the solution's stdout (fd 1 and `sys.stdout`) to stderr, runs `main.py` in a
/// fresh namespace named `__solution__` (so `if __name__ == "__main__":` blocks stay quiet), calls the function and
/// writes one report line after ``marker`` on a duplicate of the original stdout. The solution can write that line
/// too, but all it can claim there is a returned value, which the judge compares with the answer itself.
///
/// **Check code** (`TestKind.pythonCheck`, HumanEval): the check's asserts hold the answers, so they never run in
/// the solution's process. ``source`` serves calls there (`serve` mode): it reads one encoded call per line on
/// stdin and writes one encoded result per line on stdout (both ends of one socket). ``checkSource`` runs the
/// problem's starter code and check code in a second sandboxed process, with `candidate` a proxy that sends each
/// call through that socket, and writes its report on its own stdout, which the solution's process cannot reach. Values cross as tagged JSON (``codec``):
/// numbers, strings, lists, tuples, dicts, sets, bytes; anything else arrives as an opaque value equal only to
/// itself; nothing is unpickled.
enum FunctionDriver {
    /// The solution-side driver's file name in the work directory.
    static let fileName = "driver.py"
    /// What starts a report line.
    static let marker = "@@solve-function-report@@"
    /// The longest encoded result the check process reads (a longer line is a broken channel).
    static let responseLimitBytes = 64 << 20

    /// The sandboxed command of the solution's process for one test.
    static func command(_ function: PythonFunction, kind: TestKind) -> [String] {
        let mode = kind == .pythonCheck ? "serve" : "call"
        return ["/usr/bin/python3", "-I", "-S", "-B", fileName, mode, function.entryPoint]
            + (function.className.map { [$0] } ?? [])
    }

    /// The sandboxed command of the check process, run in a folder holding ``CheckFiles``.
    static func checkCommand(_ function: PythonFunction) -> [String] {
        ["/usr/bin/python3", "-I", "-S", "-B", CheckFiles.driver, function.entryPoint]
            + (function.className.map { [$0] } ?? [])
    }

    /// The files of the check process's folder.
    enum CheckFiles {
        static let driver = "check.py"
        static let tests = "tests.py"
        static let starter = "starter.py"
    }

    /// What a driver reported.
    enum Report: Equatable {
        /// The call returned this JSON text (arguments mode).
        case result(String)
        /// `check(candidate)` returned.
        case passed
        /// An `assert` of the check failed: the test's line and the assertion's message, where known.
        case assertion(String)
        /// The call returned a value JSON cannot hold (arguments mode: a set, NaN, an object).
        case unserializable(String)
        /// The solution defines no such class or function.
        case missing(String)
        /// The test itself is broken (check code that does not compile or defines no `check`).
        case badTest(String)
        /// The check raised an exception other than an assertion: the function's own (type and message), or the
        /// check code's when it could not use a returned value.
        case raised(type: String, message: String)
        /// The solution's process wrote something the check process cannot read as a result.
        case badResponse(String)
        /// The solution's process ended before the check finished.
        case lost
    }

    /// The last report in a driver's output, or nil when it wrote none.
    ///
    /// - Parameter kinds: The kinds the driver of that mode can write; any other line is ignored.
    static func report(in output: Data, kinds: Set<String>) -> Report? {
        let text = String(decoding: output, as: UTF8.self)
        let lines = text.split(separator: "\n").filter { $0.hasPrefix(marker + " ") }
        for line in lines.reversed() {
            let fields = line.dropFirst(marker.count + 1)
            let kind = String(fields.prefix { $0 != " " })
            guard kinds.contains(kind) else { continue }
            let payload = String(fields.dropFirst(kind.count + 1))
            /// The payload of the kinds that carry a message: a JSON string (or a list of two for `raised`).
            let parsed = try? JSONValue.parse(payload)
            let message = parsed?.string ?? payload
            switch kind {
            case "result": return .result(payload)
            case "passed": return .passed
            case "assertion": return .assertion(message)
            case "unserializable": return .unserializable(message)
            case "missing": return .missing(message)
            case "badtest": return .badTest(message)
            case "badresponse": return .badResponse(message)
            case "lost": return .lost
            case "raised":
                if case .array(let parts) = parsed, parts.count == 2, let type = parts[0].string,
                    let detail = parts[1].string
                {
                    return .raised(type: type, message: detail)
                }
                return .raised(type: "Exception", message: message)
            default: return nil
            }
        }
        return nil
    }

    /// The kinds the solution-side driver writes in arguments mode.
    static let callKinds: Set<String> = ["result", "unserializable", "missing"]
    /// The kinds the check process writes.
    static let checkKinds: Set<String> = [
        "passed", "assertion", "missing", "badtest", "raised", "badresponse", "lost",
    ]

    /// Tagged JSON for Python values, shared by both processes: JSON's null, booleans, integers and strings stand
    /// for themselves; everything else is a two-element list `[tag, body]`.
    static let codec = #"""
        import json

        DEPTH = 200


        class Opaque:
            """A value the solution returned that cannot cross processes: equal only to itself."""

            def __init__(self, kind, text):
                self.kind, self.text = kind, text

            def __repr__(self):
                return self.text

            def __eq__(self, other):
                return self is other

            def __hash__(self):
                return id(self)


        def encode(value, depth=0):
            if value is None:
                return None
            if isinstance(value, bool):
                return bool(value)
            if isinstance(value, str):
                return str(value)
            if isinstance(value, int):
                return int(value)
            if depth > DEPTH:
                return opaque(value)
            if isinstance(value, float):
                return ["f", repr(float(value))]
            if isinstance(value, complex):
                return ["c", [repr(value.real), repr(value.imag)]]
            if isinstance(value, (bytes, bytearray)):
                return ["b", bytes(value).hex()]
            if isinstance(value, tuple):
                return ["t", [encode(item, depth + 1) for item in value]]
            if isinstance(value, list):
                return ["l", [encode(item, depth + 1) for item in value]]
            if isinstance(value, dict):
                return ["d", [[encode(k, depth + 1), encode(v, depth + 1)] for k, v in value.items()]]
            if isinstance(value, frozenset):
                return ["F", [encode(item, depth + 1) for item in value]]
            if isinstance(value, set):
                return ["s", [encode(item, depth + 1) for item in value]]
            return opaque(value)


        def opaque(value):
            try:
                text = repr(value)[:200]
            except BaseException:
                text = "<%s>" % type(value).__name__
            return ["o", [type(value).__name__, text]]


        def decode(item, depth=0):
            if item is None or isinstance(item, (bool, int, str)):
                return item
            if depth > DEPTH + 1 or not isinstance(item, list) or len(item) != 2 or not isinstance(item[0], str):
                raise ValueError("not an encoded value")
            tag, body = item
            if tag == "f":
                return float(body)
            if tag == "c":
                return complex(float(body[0]), float(body[1]))
            if tag == "b":
                return bytes.fromhex(body)
            if tag == "o":
                return Opaque(str(body[0]), str(body[1]))
            if not isinstance(body, list):
                raise ValueError("not an encoded value")
            if tag == "l":
                return [decode(x, depth + 1) for x in body]
            if tag == "t":
                return tuple(decode(x, depth + 1) for x in body)
            if tag == "s":
                return set(decode(x, depth + 1) for x in body)
            if tag == "F":
                return frozenset(decode(x, depth + 1) for x in body)
            if tag == "d":
                return {decode(k, depth + 1): decode(v, depth + 1) for k, v in body}
            raise ValueError("unknown tag %r" % tag)


        def dumps(item):
            return json.dumps(item, separators=(",", ":"))

        """#

    /// The solution-side driver. Arguments mode first runs ``prelude`` in the solution's namespace, as
    /// LiveCodeBench's harness does; serve mode runs the solution as HumanEval's harness does.
    static let source = #"""
        import json, os, sys, traceback

        MARKER = "\#(marker)"
        PRELUDE = """\#(prelude)"""
        \#(codec)

        def main():
            mode, entry = sys.argv[1], sys.argv[2]
            owner = sys.argv[3] if len(sys.argv) > 3 else None
            data = sys.stdin.read() if mode == "call" else None
            requests = os.fdopen(os.dup(0), "rb") if mode == "serve" else None
            channel = os.fdopen(os.dup(1), "w", encoding="utf-8")
            os.dup2(2, 1)
            sys.stdout = sys.stderr
            if mode == "serve":
                # The solution reads an empty stdin, as under HumanEval's harness, never the calls.
                empty = os.open(os.devnull, os.O_RDONLY)
                os.dup2(empty, 0)
                os.close(empty)

            def report(kind, payload=""):
                channel.write("\n" + MARKER + " " + kind + " " + payload + "\n")
                channel.flush()

            def send(item):
                channel.write(dumps(item) + "\n")
                channel.flush()

            namespace = {"__name__": "__solution__", "__builtins__": __builtins__}
            if mode == "call":
                exec(PRELUDE, namespace)
            with open("main.py", encoding="utf-8") as file:
                exec(compile(file.read(), "main.py", "exec"), namespace)

            if owner is not None:
                cls = namespace.get(owner)
                where = "the program defines no class %s" % owner
                function = getattr(cls(), entry, None) if isinstance(cls, type) else None
                if isinstance(cls, type):
                    where = "class %s has no method %s" % (owner, entry)
            else:
                function = namespace.get(entry)
                where = "the program defines no function %s" % entry
            if not callable(function):
                if mode == "call":
                    report("missing", json.dumps(where))
                else:
                    send(["missing", where])
                return

            if mode == "call":
                arguments = [json.loads(line) for line in data.split("\n") if line.strip()]
                value = function(*arguments)
                try:
                    text = json.dumps(value, allow_nan=False)
                except (TypeError, ValueError) as error:
                    report("unserializable", json.dumps("%s (%s)" % (type(value).__name__, error)))
                    return
                report("result", text)
                return

            send(["ready"])
            for line in requests:
                call = json.loads(line)
                arguments, keywords = decode(call[0]), decode(call[1])
                try:
                    value = function(*arguments, **keywords)
                except SystemExit:
                    raise
                except BaseException as error:
                    traceback.print_exc()
                    sys.stderr.flush()
                    send(["raise", type(error).__name__, str(error)[:1000]])
                    continue
                send(["return", encode(value)])


        main()

        """#

    /// The check process's driver: the starter code (for helpers such as HumanEval's `poly`), then the check code,
    /// then `check(candidate)`, where `candidate` calls the solution's process through stdout and stdin.
    static let checkSource = #"""
        import builtins, json, linecache, os, sys, traceback
        \#(codec)

        MARKER = "\#(marker)"
        LIMIT = \#(responseLimitBytes)


        class Lost(BaseException):
            """The solution's process ended."""


        class BadResponse(BaseException):
            """The solution's process wrote something that is not a result."""


        def main():
            entry = sys.argv[1]
            # fd 0 is a socket to the solution's process; fd 1 is the report channel, kept for reports alone.
            responses = os.fdopen(0, "rb")
            requests = os.fdopen(os.dup(0), "w", encoding="utf-8")
            reports = os.fdopen(os.dup(1), "w", encoding="utf-8")
            os.dup2(2, 1)
            sys.stdout = sys.stderr

            def report(kind, payload=""):
                reports.write("\n" + MARKER + " " + kind + " " + payload + "\n")
                reports.flush()

            def receive():
                line = responses.readline(LIMIT)
                if not line:
                    raise Lost()
                if not line.endswith(b"\n"):
                    raise BadResponse("a result longer than %d bytes" % LIMIT)
                try:
                    item = json.loads(line)
                    if not isinstance(item, list) or not item or not isinstance(item[0], str):
                        raise ValueError("not a message")
                    return item
                except (ValueError, RecursionError) as error:
                    raise BadResponse("unreadable result: %s" % str(error)[:200])

            def candidate(*arguments, **keywords):
                requests.write(dumps([encode(list(arguments)), encode(keywords)]) + "\n")
                requests.flush()
                item = receive()
                try:
                    if item[0] == "return" and len(item) == 2:
                        return decode(item[1])
                    if item[0] == "raise" and len(item) == 3:
                        kind = getattr(builtins, str(item[1]), None)
                        if not (isinstance(kind, type) and issubclass(kind, BaseException)):
                            kind = type(str(item[1]), (Exception,), {})
                        error = kind.__new__(kind)
                        error.args = (str(item[2]),)
                        raise error
                except (ValueError, TypeError, RecursionError) as error:
                    raise BadResponse("unreadable result: %s" % str(error)[:200])
                raise BadResponse("not a result: %s" % str(item)[:200])

            with open("tests.py", encoding="utf-8") as file:
                code = file.read()
            try:
                tests = compile(code, "<tests>", "exec")
            except SyntaxError as error:
                report("badtest", json.dumps("the check code does not compile: %s" % error))
                return
            linecache.cache["<tests>"] = (len(code), None, code.splitlines(True), "<tests>")

            try:
                first = receive()
            except (Lost, BadResponse):
                report("lost")
                return
            if first[0] == "missing" and len(first) == 2:
                report("missing", json.dumps(str(first[1])))
                return
            if first != ["ready"]:
                report("badresponse", json.dumps("the solution's process did not start the protocol"))
                return

            namespace = {"__name__": "__check__", "__builtins__": builtins}
            with open("starter.py", encoding="utf-8") as file:
                starter = file.read()
            try:
                exec(compile(starter, "<starter>", "exec"), namespace)
            except BaseException:
                namespace = {"__name__": "__check__", "__builtins__": builtins}
            namespace[entry] = candidate
            try:
                exec(tests, namespace)
            except BaseException as error:
                report("badtest", json.dumps("the check code failed to load: %s: %s" % (type(error).__name__, error)))
                return
            check = namespace.get("check")
            if not callable(check):
                report("badtest", json.dumps("the check code defines no check(candidate)"))
                return
            try:
                check(candidate)
            except Lost:
                report("lost")
                return
            except BadResponse as error:
                report("badresponse", json.dumps(str(error)))
                return
            except AssertionError as error:
                frames = [f for f in traceback.extract_tb(error.__traceback__) if f.filename == "<tests>"]
                where = "line %d: %s" % (frames[-1].lineno, (frames[-1].line or "").strip()) if frames else ""
                message = " — ".join(part for part in (where, str(error)) if part)
                report("assertion", json.dumps(message or "an assertion failed"))
                return
            except BaseException as error:
                report("raised", json.dumps([type(error).__name__, str(error)[:1000]]))
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
