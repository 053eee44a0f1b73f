import Foundation
import ProblemFormat

/// A function problem's generated inputs come from calls the model writes (`has_close_elements([1.0, 2.8], 0.3)`,
/// one per line), which small models write far more reliably than a program printing JSON arguments.
///
/// ``driver(calls:function:)`` is a fixed Python program holding the model's text as data; it runs in the sandbox
/// like any generator (an argument can be any expression, such as `list(range(1000))`). For test number t it prints
/// the arguments of the t-th usable call as JSON, one line per argument, or nothing when there are fewer calls. A
/// call is usable when it names the function (`f(…)`, `Solution().f(…)`, in `>>>` lines or `assert`s too), its
/// keywords name the starter code's parameters, and every argument evaluates (with `random` seeded by the call's
/// position, and `math` and `string` at hand) to a value JSON can hold; calls that give the same arguments are one.
enum TestCalls {
    /// The first line of every driver.
    static let marker = "# solve: the arguments of the model's test calls"

    /// The driver for the model's `calls` of `function`.
    static func driver(calls: String, function: PythonFunction) -> String {
        """
        \(marker)
        import ast, base64, json, math, random, string, sys

        CALLS = base64.b64decode("\(Data(calls.utf8).base64EncodedString())").decode("utf-8", "replace")
        STARTER = base64.b64decode("\(Data(function.starterCode.utf8).base64EncodedString())").decode("utf-8", "replace")
        NAME = "\(function.entryPoint)"

        \(body)
        """
    }

    /// Everything after the data: `function.entryPoint` is an identifier (checked where problems are read).
    private static let body = """
        def parameters():
            # The starter's signature: the lines from "def NAME" on, until they parse with a body added.
            lines = STARTER.splitlines()
            for start, line in enumerate(lines):
                if not line.lstrip().startswith(("def " + NAME, "async def " + NAME)):
                    continue
                for end in range(start + 1, min(len(lines), start + 30) + 1):
                    header = "\\n".join(part.strip() for part in lines[start:end])
                    try:
                        tree = ast.parse(header + "\\n    pass\\n")
                    except SyntaxError:
                        continue
                    node = tree.body[0]
                    names = [a.arg for a in node.args.posonlyargs + node.args.args]
                    return names[1:] if names and names[0] in ("self", "cls") else names
            return None


        def trees():
            try:
                return [ast.parse(CALLS)]
            except SyntaxError:
                pass
            found = []
            for line in CALLS.splitlines():
                line = line.strip()
                if line.startswith(">>>"):
                    line = line[3:].strip()
                try:
                    found.append(ast.parse(line))
                except SyntaxError:
                    pass
            return found


        def calls():
            found = []
            for index, tree in enumerate(trees()):
                for node in ast.walk(tree):
                    if isinstance(node, ast.Call) and (
                        isinstance(node.func, ast.Name) and node.func.id == NAME
                        or isinstance(node.func, ast.Attribute) and node.func.attr == NAME
                    ):
                        found.append((index, node.lineno, node.col_offset, node))
            found.sort(key=lambda entry: entry[:3])
            return [entry[3] for entry in found]


        def value(node):
            expression = ast.fix_missing_locations(ast.Expression(body=node))
            return eval(compile(expression, "<call>", "eval"), {"random": random, "math": math, "string": string})


        def arguments(node, names):
            if any(isinstance(argument, ast.Starred) for argument in node.args):
                return None
            values = [value(argument) for argument in node.args]
            if node.keywords:
                if names is None or any(keyword.arg is None for keyword in node.keywords):
                    return None
                named = {keyword.arg: value(keyword.value) for keyword in node.keywords}
                for name in names[len(values):]:
                    if name not in named:
                        break
                    values.append(named.pop(name))
                if named:
                    return None
            return values


        def main():
            test = int(sys.stdin.readline())
            names = parameters()
            inputs = []
            for position, node in enumerate(calls()):
                random.seed(position)
                try:
                    values = arguments(node, names)
                    if not values:
                        continue
                    text = "\\n".join(json.dumps(v, allow_nan=False) for v in values)
                except BaseException:
                    continue
                if text not in inputs:
                    inputs.append(text)
                if len(inputs) == test:
                    print(text)
                    return


        main()

        """
}
