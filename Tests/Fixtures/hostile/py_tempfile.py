# Tries: tempfile.TemporaryFile() (tries $TMPDIR, /tmp, /var/tmp, /usr/tmp, cwd); no writable dir -> exit 3.
import sys
import tempfile

try:
    f = tempfile.TemporaryFile()
    f.write(b"ESCAPED\n")
except OSError:
    sys.exit(3)
print("ESCAPED")
