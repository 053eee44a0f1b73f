# Tries: nothing hostile: the common CP idiom threading.stack_size(64 MiB) + deep recursion in a worker thread; must be AC.
import sys
import threading

sys.setrecursionlimit(10**6)
threading.stack_size(64 * 2**20)
result = []


def depth(n):
    if n == 0:
        return 0
    return depth(n - 1) + n % 7


def main():
    result.append(depth(100000))


t = threading.Thread(target=main)
t.start()
t.join()
print("ok" if result == [sum(i % 7 for i in range(1, 100001))] else "bad")
