# Tries: spin forever on the CPU; must be TLE.
while True:
    pass
