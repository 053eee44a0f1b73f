# Accepted: exact case and spacing.
print(f"Hello, {input().strip()}!")
