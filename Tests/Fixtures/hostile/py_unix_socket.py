# Tries: AF_UNIX socket to the system D-Bus / Docker sockets; must end as SV socket.
import socket
import sys

try:
    s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
except OSError:
    sys.exit(3)
for path in ("/run/dbus/system_bus_socket", "/var/run/docker.sock"):
    try:
        s.connect(path)
        print("ESCAPED")
        sys.exit(0)
    except OSError:
        pass
sys.exit(3)
