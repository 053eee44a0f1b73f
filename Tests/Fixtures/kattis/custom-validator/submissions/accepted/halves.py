# Accepted: floor(N/2) and ceil(N/2) — a different valid pair than the jury answer.
n = int(input())
print(n // 2, n - n // 2)
