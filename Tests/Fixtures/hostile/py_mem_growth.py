# Tries: keep appending touched 1 MiB bytearrays forever; MemoryError / OOM kill must be MLE.
chunks = []
while True:
    chunks.append(bytearray(1 << 20))
