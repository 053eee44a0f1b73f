# Wrong answer under space_change_sensitive (would pass a token compare):
# two spaces after the comma.
print(f"Hello,  {input().strip()}!")
