# Accepted under float_relative_tolerance 1e-3: relative error <= 5e-7
# (1.428571e+08 for 1e9/7 is off by ~42.9 absolutely, fine relatively).
a, b = map(int, input().split())
print(f"{a / b:.7g}")
