// Capture files (one open description per slot, emptied before each run) and the slot's input file.
#include "internal.h"

#include <errno.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

int csandbox_capture_reset(int fd) {
    struct stat status;
    if (fstat(fd, &status) != 0) return csandbox_failure();
    // ftruncate costs ~3 µs even on an empty file.
    if (status.st_size != 0 && ftruncate(fd, 0) != 0) return csandbox_failure();
    if (lseek(fd, 0, SEEK_SET) != 0) return csandbox_failure();
    // The last run shared this description: drop any status flag it set (O_APPEND, O_DIRECT, O_ASYNC…).
    // csandbox_run already dropped its lease, as soon as the run ended.
    return fcntl(fd, F_SETFL, 0) != 0 ? csandbox_failure() : 0;
}

int csandbox_input_load(int writer_fd, int reader_fd, int source_fd, const void *data, size_t length) {
    struct stat status;
    if (fstat(writer_fd, &status) != 0) return csandbox_failure();
    if (status.st_size != 0 && ftruncate(writer_fd, 0) != 0) return csandbox_failure();
    if (source_fd >= 0) {
        // In the kernel, without a trip through this process (a reflink where the filesystem has them).
        off_t from = 0, to = 0;
        for (;;) {
            ssize_t copied = copy_file_range(source_fd, &from, writer_fd, &to, 1 << 30, 0);
            if (copied == 0) break;
            if (copied > 0) continue;
            if (errno == EINTR) continue;
            if (errno != EXDEV && errno != EINVAL && errno != ENOSYS && errno != EOPNOTSUPP)
                return csandbox_failure();
            // Across filesystems on older kernels, or from a special file: copy through a buffer.
            char buffer[65536];
            for (;;) {
                ssize_t got = pread(source_fd, buffer, sizeof buffer, from);
                if (got < 0 && errno == EINTR) continue;
                if (got < 0) return csandbox_failure();
                if (got == 0) break;
                for (ssize_t done = 0; done < got;) {
                    ssize_t put = pwrite(writer_fd, buffer + done, (size_t)(got - done), to);
                    if (put < 0 && errno == EINTR) continue;
                    if (put < 0) return csandbox_failure();
                    done += put;
                    to += put;
                }
                from += got;
            }
            break;
        }
    } else {
        const char *bytes = data;
        for (size_t done = 0; done < length;) {
            ssize_t put = pwrite(writer_fd, bytes + done, length - done, (off_t)done);
            if (put < 0 && errno == EINTR) continue;
            if (put < 0) return csandbox_failure();
            done += (size_t)put;
        }
    }
    if (lseek(reader_fd, 0, SEEK_SET) != 0) return csandbox_failure();
    return fcntl(reader_fd, F_SETFL, 0) != 0 ? csandbox_failure() : 0;
}
