# Tries: TCP connect to 127.0.0.1:<port from stdin> and send data; must end as SV socket, listener sees nothing.
import socket
import sys

port = int(sys.stdin.readline())
try:
    s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    s.settimeout(2)
    s.connect(("127.0.0.1", port))
    s.sendall(b"ESCAPED\n")
except OSError:
    sys.exit(3)
print("ESCAPED")
