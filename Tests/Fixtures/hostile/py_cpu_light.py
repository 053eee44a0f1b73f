# Tries: nothing hostile: ~0.3 s of CPU (1.5M LCG steps in pure Python, 0.2-0.3 s on this 3.6 GHz core) then print ok; must be AC under 1 s.
x = 1
for _ in range(1_500_000):
    x = (x * 1103515245 + 12345) & 0xFFFFFFFF
print("ok" if x >= 0 else "bad")
