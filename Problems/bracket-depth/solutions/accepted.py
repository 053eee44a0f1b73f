# Bracket Depth — reference: the stack procedure of the statement. O(n).
import sys


def main():
    s = sys.stdin.buffer.read().split()[0].decode()
    match = {")": "(", "]": "[", "}": "{"}
    stack = []
    push, pop = stack.append, stack.pop
    depth = 0
    for i, c in enumerate(s):
        want = match.get(c)
        if want is None:
            push(c)
            if len(stack) > depth:
                depth = len(stack)
        elif stack and stack[-1] == want:
            pop()
        else:
            print("NO", i + 1)
            return
    if stack:
        print("NO", len(s) + 1)
    else:
        print("YES", depth)


main()
