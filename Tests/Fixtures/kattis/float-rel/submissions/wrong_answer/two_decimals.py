# Wrong under float_relative_tolerance 1e-3: 1/3000 prints as 0.00 (relative
# error 1), although the absolute error 3.3e-4 would pass an absolute check.
a, b = map(int, input().split())
print(f"{a / b:.2f}")
