# Wrong answer under case_sensitive (would pass a case-insensitive compare).
print(f"hello, {input().strip()}!".lower())
