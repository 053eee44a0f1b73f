# Wrong under float_absolute_tolerance 1e-3: seven significant digits give
# 1.428571e+08 for 1e9/7, an absolute error of about 42.9 (relative 3e-7).
a, b = map(int, input().split())
print(f"{a / b:.7g}")
