import Testing

@testable import Solving

/// Extraction of the final program from model answers, and normalization for repeat detection.
@Suite("Code extraction")
struct CodeExtractionTests {
    static let cppSolution = #"""
        #include <bits/stdc++.h>
        using namespace std;

        int main() {
            int n;
            cin >> n;
            vector<long long> a(n);
            for (auto &x : a) cin >> x;
            cout << accumulate(a.begin(), a.end(), 0LL) << "\n";
            return 0;
        }

        """#

    static let pythonSolution = #"""
        import sys

        def main():
            data = sys.stdin.read().split()
            n = int(data[0])
            print(sum(map(int, data[1:n + 1])))

        main()

        """#

    static let cSolution = #"""
        #include <stdio.h>

        int main(void) {
            int n;
            long long s = 0, x;
            scanf("%d", &n);
            for (int i = 0; i < n; i++) { scanf("%lld", &x); s += x; }
            printf("%lld\n", s);
            return 0;
        }

        """#

    static func extract(
        _ answer: String, reasoning: String = "", truncated: Bool = false, preferred: String? = "cpp"
    ) -> ExtractedProgram? {
        CodeExtractor.extract(answer: answer, reasoning: reasoning, truncated: truncated, preferredLanguage: preferred)
    }

    // MARK: - Choosing the block

    @Test("R1: the answer's code wins over a wrong draft in the reasoning")
    func answerBeatsReasoningDraft() throws {
        let reasoning = #"""
            Okay, so I need to sum n numbers. Let me write a first version:

            ```cpp
            #include <iostream>
            int main() { int n, s = 0; std::cin >> n; std::cout << s; }
            ```

            Wait, this never reads the numbers, and the sum can overflow int. Let me fix that.
            """#
        let answer = """
            To solve this problem, we read all numbers and add them in a 64-bit accumulator.

            ```cpp
            \(Self.cppSolution)```

            ### Explanation
            1. **Reading input**: we read `n`, then the `n` values.
            2. **Summing**: `accumulate` with a `long long` start value avoids overflow.
            """
        let program = try #require(Self.extract(answer, reasoning: reasoning))
        #expect(program.code == Self.cppSolution)
        #expect(program.language == "cpp")
        #expect(program.origin == .answer)
        #expect(!program.unterminated)
    }

    @Test("the last of two C++ blocks wins")
    func lastCppBlockWins() throws {
        let answer = """
            Here is a straightforward version:

            ```cpp
            #include <iostream>
            int main() { int a, b; std::cin >> a >> b; std::cout << a + b; }
            ```

            However, this overflows for large inputs. The corrected solution:

            ```cpp
            \(Self.cppSolution)```
            """
        let program = try #require(Self.extract(answer))
        #expect(program.code == Self.cppSolution)
    }

    @Test("a trailing ```text block with sample output is ignored")
    func trailingTextBlockIgnored() throws {
        let answer = """
            ```python
            \(Self.pythonSolution)```

            For the sample input the program prints:

            ```text
            15
            ```

            ```bash
            $ python3 main.py < input.txt
            ```
            """
        let program = try #require(Self.extract(answer, preferred: "python"))
        #expect(program.code == Self.pythonSolution)
        #expect(program.language == "python")
    }

    @Test(
        "```c++ and ```py labels, case-insensitive",
        arguments: [("c++", "cpp"), ("C++", "cpp"), ("CPP", "cpp"), ("cxx", "cpp")])
    func cppLabels(label: String, language: String) throws {
        let program = try #require(Self.extract("```\(label)\n\(Self.cppSolution)```\n"))
        #expect(program.language == language)
        #expect(program.code == Self.cppSolution)
    }

    @Test("```py and ```python3 labels")
    func pythonLabels() throws {
        for label in ["py", "python3", "Python"] {
            let program = try #require(Self.extract("Solution:\n\n```\(label)\n\(Self.pythonSolution)```\n"))
            #expect(program.language == "python")
            #expect(program.code == Self.pythonSolution)
        }
    }

    @Test("info strings with extra words use the first word")
    func infoStringWords() throws {
        let titled = try #require(Self.extract("```cpp title=\"main.cpp\"\n\(Self.cppSolution)```"))
        #expect(titled.language == "cpp")
        #expect(titled.code == Self.cppSolution)
        let numbered = try #require(Self.extract("```python {.numberLines}\n\(Self.pythonSolution)```"))
        #expect(numbered.language == "python")
        let braced = try #require(Self.extract("```{.rust}\nfn main() {\n    println!(\"0\");\n}\n```"))
        #expect(braced.language == "rust")
    }

    @Test("unknown and non-program labels are ignored")
    func unknownLabelsIgnored() {
        #expect(Self.extract("```csharp\nclass P { static void Main() {} }\n```") == nil)
        #expect(Self.extract("```c#\nusing System;\nclass P { static void Main() {} }\n```") == nil)
        #expect(Self.extract("```json\n{\"n\": 3}\n```\n```console\n$ ./a.out\n6\n```") == nil)
    }

    @Test("other languages by label: rust, java, go")
    func otherLanguages() throws {
        let rust = try #require(Self.extract("```rs\nuse std::io::*;\nfn main() {}\n```"))
        #expect(rust.language == "rust")
        let java = try #require(
            Self.extract("```java\npublic class Main {\n    public static void main(String[] a) {}\n}\n```"))
        #expect(java.language == "java")
        let go = try #require(Self.extract("```go\npackage main\n\nfunc main() {}\n```"))
        #expect(go.language == "go")
    }

    @Test("a C-labeled block full of C++ is C++")
    func cLabelWithCppContent() throws {
        let program = try #require(Self.extract("```c\n\(Self.cppSolution)```", preferred: "c"))
        #expect(program.language == "cpp")
    }

    // MARK: - Unlabeled blocks

    @Test("unlabeled C++, Python and C are detected")
    func unlabeledDetection() throws {
        let cpp = try #require(Self.extract("Final code:\n```\n\(Self.cppSolution)```", preferred: nil))
        #expect(cpp.language == "cpp")
        #expect(cpp.code == Self.cppSolution)
        let python = try #require(Self.extract("```\n\(Self.pythonSolution)```", preferred: "cpp"))
        #expect(python.language == "python")
        let c = try #require(Self.extract("```\n\(Self.cSolution)```", preferred: nil))
        #expect(c.language == "c")
        #expect(c.code == Self.cSolution)
    }

    @Test("a C-style unlabeled block follows the prompt's language when it could be either")
    func unlabeledCStyleFollowsPreference() throws {
        #expect(try #require(Self.extract("```\n\(Self.cSolution)```", preferred: "cpp")).language == "cpp")
        #expect(try #require(Self.extract("```\n\(Self.cSolution)```", preferred: "c")).language == "c")
    }

    @Test("an unlabeled sample-output block is not code")
    func unlabeledSampleIgnored() throws {
        let answer = """
            ```cpp
            \(Self.cppSolution)```

            Sample run:

            ```
            5
            1 2 3 4 5
            ```

            ```
            15
            YES
            ```
            """
        let program = try #require(Self.extract(answer))
        #expect(program.code == Self.cppSolution)
        #expect(Self.extract("The output is:\n\n```\n3\n1 2 3\n```\n") == nil)
    }

    @Test("a complete program beats a later fragment in the explanation")
    func completeProgramBeatsFragment() throws {
        let answer = """
            ```cpp
            \(Self.cppSolution)```

            The key line is:

            ```cpp
            cout << accumulate(a.begin(), a.end(), 0LL) << "\\n";
            ```
            """
        let program = try #require(Self.extract(answer))
        #expect(program.code == Self.cppSolution)
    }

    @Test("with programs in two languages, the prompt's language wins")
    func preferredLanguageBreaksTie() throws {
        let answer = "```python\n\(Self.pythonSolution)```\n\nThe same in C++:\n\n```cpp\n\(Self.cppSolution)```\n"
        #expect(try #require(Self.extract(answer, preferred: "python")).language == "python")
        #expect(try #require(Self.extract(answer, preferred: "cpp")).language == "cpp")
        #expect(try #require(Self.extract(answer, preferred: nil)).language == "cpp")
    }

    // MARK: - Fences

    @Test("an unterminated fence runs to the end and is flagged")
    func unterminatedFence() throws {
        let cut =
            "#include <bits/stdc++.h>\nusing namespace std;\nint main() {\n    int n;\n    cin >> n;\n    vector<int"
        let program = try #require(Self.extract("Here is the solution:\n\n```cpp\n" + cut, truncated: true))
        #expect(program.unterminated)
        #expect(program.origin == .answer)
        #expect(program.code == cut + "\n")
    }

    @Test("an unclosed fence followed by prose stops before the prose")
    func unterminatedFenceWithProse() throws {
        let answer = "```cpp\n\(Self.cppSolution)\nThis solution runs in linear time.\n"
        let program = try #require(Self.extract(answer))
        #expect(program.unterminated)
        #expect(program.code == Self.cppSolution)
    }

    @Test("~~~ fences and a 4-backtick fence containing ``` lines")
    func tildeAndLongFences() throws {
        let tilde = try #require(Self.extract("~~~python\n\(Self.pythonSolution)~~~\n", preferred: "python"))
        #expect(tilde.code == Self.pythonSolution)
        #expect(!tilde.unterminated)

        let inner = "s = '''\n```\nnot a fence\n```\n'''\nprint(s)\n"
        let long = try #require(Self.extract("````python\n\(inner)````\n\nDone.", preferred: "python"))
        #expect(long.code == inner)
        #expect(!long.unterminated)

        let mixed = try #require(Self.extract("~~~~cpp\n\(Self.cppSolution)```\n~~~\n~~~~\n"))
        #expect(mixed.code == Self.cppSolution + "```\n~~~\n")
    }

    @Test("indented fences are dedented")
    func indentedFence() throws {
        let indented = Self.pythonSolution.split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.isEmpty ? "" : "   " + $0 }.joined(separator: "\n")
        let answer = "1. Read the input and sum:\n\n   ```python\n\(indented)   ```\n"
        let program = try #require(Self.extract(answer))
        #expect(program.code == Self.pythonSolution)
    }

    @Test("CRLF line endings")
    func crlf() throws {
        let answer =
            "Solution:\r\n\r\n```cpp\r\n"
            + Self.cppSolution.split(separator: "\n", omittingEmptySubsequences: false).joined(separator: "\r\n")
            + "```\r\n\r\nDone.\r\n"
        let program = try #require(Self.extract(answer))
        #expect(program.code == Self.cppSolution)
        #expect(!program.code.contains("\r"))
    }

    // MARK: - Reasoning fallback and raw answers

    @Test("truncated with code only in the reasoning: taken from the reasoning")
    func truncatedFallsBackToReasoning() throws {
        let reasoning = """
            Let me think about the constraints. n up to 1e5, so O(n) is fine.

            ```python
            \(Self.pythonSolution)```

            Wait, let me double-check the edge case where n = 0. Then data[1:1] is empty and the sum is 0, which
            """
        let program = try #require(Self.extract("", reasoning: reasoning, truncated: true, preferred: "python"))
        #expect(program.origin == .reasoning)
        #expect(program.code == Self.pythonSolution)
    }

    @Test("truncated: a closed draft beats the draft cut off mid-block")
    func truncatedPrefersClosedDraft() throws {
        let reasoning =
            "First attempt:\n```cpp\n\(Self.cppSolution)```\nLet me optimize.\n```cpp\n#include <bits/stdc++.h>\nint main() {\n    int n"
        let program = try #require(Self.extract("", reasoning: reasoning, truncated: true))
        #expect(program.code == Self.cppSolution)
        #expect(!program.unterminated)
    }

    @Test("truncated: an unfenced draft in the reasoning is cut out of the surrounding thoughts")
    func truncatedUnfencedReasoningDraft() throws {
        let reasoning = """
            So the approach is a running sum. Let me write it out:

            \(Self.cppSolution)
            Wait, is reading with cin fast enough for 1e6 numbers? I should add ios::sync_with_stdio(false) and
            """
        let program = try #require(Self.extract("", reasoning: reasoning, truncated: true))
        #expect(program.origin == .reasoning)
        #expect(program.code == Self.cppSolution)
        #expect(!program.unterminated)
    }

    @Test("unlabeled Go and Java are detected")
    func unlabeledGoAndJava() throws {
        let go = "```\npackage main\n\nimport \"fmt\"\n\nfunc main() {\n    fmt.Println(42)\n}\n```"
        #expect(try #require(Self.extract(go)).language == "go")
        let java = """
            ```
            import java.util.*;

            public class Main {
                public static void main(String[] args) {
                    Scanner in = new Scanner(System.in);
                    System.out.println(in.nextInt() * 2);
                }
            }
            ```
            """
        #expect(try #require(Self.extract(java)).language == "java")
    }

    @Test("not truncated: code only in the reasoning is never taken")
    func reasoningIgnoredWhenNotTruncated() {
        let reasoning = "Draft:\n```cpp\n\(Self.cppSolution)```\nThat should work."
        #expect(Self.extract("The answer is the sum of the numbers.", reasoning: reasoning, truncated: false) == nil)
        #expect(Self.extract("", reasoning: reasoning, truncated: false) == nil)
    }

    @Test("no code anywhere gives nil")
    func noCode() {
        let answer = """
            The answer is simply the sum of all elements, which is 15 for the sample.

            **Final answer:** 15
            """
        #expect(Self.extract(answer, reasoning: "Sum them up. 1+2+3+4+5 = 15.", truncated: true) == nil)
    }

    @Test("an unfenced answer that is a program is taken whole")
    func rawAnswer() throws {
        let cpp = try #require(Self.extract("\n" + Self.cppSolution + "\n\n"))
        #expect(cpp.code == Self.cppSolution)
        #expect(cpp.language == "cpp")
        let python = try #require(Self.extract(Self.pythonSolution, preferred: "python"))
        #expect(python.code == Self.pythonSolution)
        let oneLiner = try #require(Self.extract("print(sum(map(int, input().split())))", preferred: "python"))
        #expect(oneLiner.language == "python")
    }

    @Test("an unfenced program between prose lines is cut out of the prose")
    func rawProgramAmidProse() throws {
        let answer = "Here is the complete program:\n\n\(Self.cppSolution)\nThis runs in O(n) time and O(n) memory.\n"
        let program = try #require(Self.extract(answer))
        #expect(program.code == Self.cppSolution)
    }

    @Test("never crashes on degenerate input")
    func degenerateInput() {
        let inputs = [
            "", "```", "```\n```", "~~~~", "```cpp", "```cpp\n", "```cpp\n```", "\r\n\r\n", "````\n```\n", "'", "\"",
            "#include", "int main(", String(repeating: "```\n", count: 1000), String(repeating: "x\n", count: 20_000),
            String(repeating: "import sys\nThis is just some prose here.\n", count: 5_000),
            String(repeating: "#include <x>\n{\n", count: 5_000),
            String(repeating: "```cpp\nint main() {}\n", count: 2_000),
        ]
        for input in inputs {
            _ = Self.extract(input, reasoning: input, truncated: true)
            for language in ["cpp", "python", "rust", "go", "unknown"] {
                _ = CodeExtractor.normalized(input, language: language)
            }
        }
        #expect(Self.extract("```cpp\n\n\n```") == nil)
    }

    // MARK: - Normalization

    @Test("comment and whitespace variants normalize equal; a changed operator does not")
    func normalizedCpp() {
        let sum = { (sign: String) in
            "#include <bits/stdc++.h>\nusing namespace std;\nint main() {\n    int a, b;\n    cin >> a >> b;\n"
                + "    cout << a \(sign) b << endl;\n}\n"
        }
        let plain = sum("+")
        let noisy = """
            // Sum of two numbers
            #include <bits/stdc++.h>
            using  namespace std;   

            /* read a and b,
               then print the sum */
            int main()
            {
            \tint a, b; // inputs
            \tcin>>a>>b;


            \tcout << a+b /* sum */ << endl;
            }
            """
        let changed = sum("-")
        #expect(CodeExtractor.normalized(plain, language: "cpp") == CodeExtractor.normalized(noisy, language: "cpp"))
        #expect(CodeExtractor.normalized(plain, language: "cpp") != CodeExtractor.normalized(changed, language: "cpp"))
        #expect(
            CodeExtractor.normalized("int x = 1;", language: "c")
                != CodeExtractor.normalized("intx = 1;", language: "c"))
    }

    @Test("string literals keep comment markers and spacing")
    func normalizedKeepsStrings() {
        let url = #"printf("see http://x.org /* not a comment */ %d\n", n); // note"#
        #expect(
            CodeExtractor.normalized(url, language: "c") == #"printf("see http://x.org /* not a comment */ %d\n",n);"#)
        #expect(
            CodeExtractor.normalized(#"puts("a  b");"#, language: "c")
                != CodeExtractor.normalized(#"puts("a b");"#, language: "c"))
        #expect(CodeExtractor.normalized("char c = '\"'; // q", language: "cpp") == "char c='\"';")
    }

    @Test("`#` inside a Python string is not a comment")
    func pythonHashInString() {
        let code = "print(\"# of items:\", n)  # count\nprint('#' * n)\n"
        #expect(CodeExtractor.normalized(code, language: "python") == "print(\"# of items:\",n)\nprint('#'*n)")
        #expect(
            CodeExtractor.normalized(code, language: "python")
                != CodeExtractor.normalized("print(\"\", n)\nprint('' * n)\n", language: "python"))
    }

    @Test("Python: indentation width does not matter, nesting does")
    func pythonIndentation() {
        let fourSpaces = "def f(n):\n    # loop\n    for i in range(n):\n        print(i)\n    return n\n"
        let twoSpaces = "def f(n):\n  for i in range(n):  # loop\n\n    print( i )\n  return n\n"
        let moved = "def f(n):\n    for i in range(n):\n        print(i)\n        return n\n"
        #expect(
            CodeExtractor.normalized(fourSpaces, language: "python")
                == CodeExtractor.normalized(twoSpaces, language: "py"))
        #expect(
            CodeExtractor.normalized(fourSpaces, language: "python")
                != CodeExtractor.normalized(moved, language: "python"))
        let docstring = "def f():\n    \"\"\"Sum # not a comment\n      spaced\"\"\"\n    return (1 +\n            2)\n"
        #expect(
            CodeExtractor.normalized(docstring, language: "python")
                == "def f():\n \"\"\"Sum # not a comment\n      spaced\"\"\"\n return(1+\n2)")
    }

    @Test("Rust lifetimes and C++ digit separators are not character literals")
    func apostrophes() {
        let rust = "fn first<'a>(s: &'a str) -> &'a str { // x\n    &s[..1] }"
        #expect(CodeExtractor.normalized(rust, language: "rust") == "fn first<'a>(s:&'a str)->&'a str{\n&s[..1]}")
        #expect(CodeExtractor.normalized("int n = 1'000'000; // big", language: "cpp") == "int n=1'000'000;")
    }
}
