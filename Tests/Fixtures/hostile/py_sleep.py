# Tries: time.sleep(10) using no CPU, then print ok; the wall-clock cap must end it -> TLE.
import time

time.sleep(10)
print("ok")
