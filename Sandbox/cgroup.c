// Per-slot memory and pids cgroups (v1 hierarchies, or a v2 subtree), prepared before each run.
#include "internal.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

static int write_file(const char *dir, const char *file, const char *value) {
    char path[512];
    snprintf(path, sizeof path, "%s/%s", dir, file);
    int fd = open(path, O_WRONLY | O_CLOEXEC);
    if (fd < 0) return errno;
    ssize_t n = write(fd, value, strlen(value));
    int error = n < 0 ? errno : 0;
    close(fd);
    return error;
}

static int read_file(const char *dir, const char *file, char *buffer, size_t size) {
    char path[512];
    snprintf(path, sizeof path, "%s/%s", dir, file);
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) return errno;
    ssize_t n = read(fd, buffer, size - 1);
    int error = n < 0 ? errno : 0;
    buffer[n < 0 ? 0 : n] = 0;
    close(fd);
    return error;
}

/// Opens a cgroup file once; reads and writes then use pread/pwrite at offset 0.
static int open_file(const char *dir, const char *file, int flags) {
    char path[512];
    snprintf(path, sizeof path, "%s/%s", dir, file);
    return open(path, flags | O_CLOEXEC);
}

static int reset_fd(int fd) {
    return fd >= 0 && pwrite(fd, "0", 1, 0) < 0 ? errno : 0;
}

static uint64_t number_fd(int fd) {
    char text[64];
    ssize_t n = fd >= 0 ? pread(fd, text, sizeof text - 1, 0) : -1;
    if (n <= 0) return 0;
    text[n] = 0;
    return strtoull(text, NULL, 10);
}

static uint64_t keyed_fd(int fd, const char *key) {
    char text[1024];
    ssize_t n = fd >= 0 ? pread(fd, text, sizeof text - 1, 0) : -1;
    if (n <= 0) return 0;
    text[n] = 0;
    size_t length = strlen(key);
    for (char *line = text; line != NULL && *line; line = strchr(line, '\n') ? strchr(line, '\n') + 1 : NULL) {
        if (strncmp(line, key, length) == 0 && line[length] == ' ') return strtoull(line + length + 1, NULL, 10);
    }
    return 0;
}

/// Kills every process still listed in `dir`/cgroup.procs; returns how many there were.
static int kill_members(const char *dir) {
    char text[4096];
    if (read_file(dir, "cgroup.procs", text, sizeof text) != 0) return 0;
    int count = 0;
    for (char *cursor = text; *cursor;) {
        char *end;
        long pid = strtol(cursor, &end, 10);
        if (end == cursor) break;
        if (pid > 0) {
            kill((pid_t)pid, SIGKILL);
            count++;
        }
        cursor = end;
        while (*cursor == '\n') cursor++;
    }
    return count;
}

/// The most slot numbers a host hands out (uids uid_base … uid_base + max_slots - 1).
enum { max_slots = 1 << 16 };

static int make_dir(const char *path) {
    return mkdir(path, 0755) == 0 || errno == EEXIST ? 0 : errno;
}

/// Opens `dir` (making it first) and takes its exclusive lock without waiting: the fd on success, -1 when another
/// live judge holds it or the folder vanished (a judge removing its own slot).
static int lock_dir(const char *dir) {
    if (make_dir(dir) != 0) return -1;
    int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0) return -1;
    if (flock(fd, LOCK_EX | LOCK_NB) != 0) {
        close(fd);
        return -1;
    }
    return fd;
}

static int open_v1_files(csandbox_cgroup *cgroup) {
    cgroup->memory_procs_fd = open_file(cgroup->memory_dir, "cgroup.procs", O_WRONLY);
    cgroup->pids_procs_fd = open_file(cgroup->pids_dir, "cgroup.procs", O_WRONLY);
    cgroup->usage_fd = open_file(cgroup->memory_dir, "memory.max_usage_in_bytes", O_RDWR);
    cgroup->failcnt_fd = open_file(cgroup->memory_dir, "memory.failcnt", O_RDWR);
    cgroup->events_fd = open_file(cgroup->memory_dir, "memory.oom_control", O_RDONLY);
    return cgroup->memory_procs_fd < 0 || cgroup->pids_procs_fd < 0 || cgroup->usage_fd < 0
            || cgroup->failcnt_fd < 0 || cgroup->events_fd < 0
        ? EACCES
        : 0;
}

static int open_v2_files(csandbox_cgroup *cgroup) {
    cgroup->memory_procs_fd = open_file(cgroup->memory_dir, "cgroup.procs", O_WRONLY);
    cgroup->usage_fd = open_file(cgroup->memory_dir, "memory.peak", O_RDWR);
    cgroup->events_fd = open_file(cgroup->memory_dir, "memory.events", O_RDONLY);
    return cgroup->memory_procs_fd < 0 || cgroup->usage_fd < 0 || cgroup->events_fd < 0 ? EACCES : 0;
}

/// Which cgroup hierarchy this host offers: 1 (v1 memory + pids), 2 (a v2 tree with both), or 0.
static int cgroup_version(void) {
    if (access("/sys/fs/cgroup/memory/memory.limit_in_bytes", W_OK) == 0 && make_dir("/sys/fs/cgroup/memory/solve") == 0
        && make_dir("/sys/fs/cgroup/pids/solve") == 0)
        return 1;
    char controllers[256];
    if (read_file("/sys/fs/cgroup", "cgroup.controllers", controllers, sizeof controllers) != 0) return 0;
    if (strstr(controllers, "memory") == NULL || strstr(controllers, "pids") == NULL) return 0;
    if (write_file("/sys/fs/cgroup", "cgroup.subtree_control", "+memory +pids") != 0) return 0;
    if (make_dir("/sys/fs/cgroup/solve") != 0) return 0;
    if (write_file("/sys/fs/cgroup/solve", "cgroup.subtree_control", "+memory +pids") != 0) return 0;
    return 2;
}

/// Closes the cgroup files kept open (not the lock).
static void close_files(csandbox_cgroup *cgroup) {
    if (cgroup->memory_procs_fd >= 0) close(cgroup->memory_procs_fd);
    if (cgroup->pids_procs_fd >= 0) close(cgroup->pids_procs_fd);
    if (cgroup->usage_fd >= 0) close(cgroup->usage_fd);
    if (cgroup->failcnt_fd >= 0) close(cgroup->failcnt_fd);
    if (cgroup->events_fd >= 0) close(cgroup->events_fd);
    cgroup->memory_procs_fd = cgroup->pids_procs_fd = -1;
    cgroup->usage_fd = cgroup->failcnt_fd = cgroup->events_fd = -1;
}

static void reset_cgroup(csandbox_cgroup *cgroup) {
    memset(cgroup, 0, sizeof *cgroup);
    cgroup->lock_fd = -1;
    cgroup->memory_procs_fd = -1;
    cgroup->pids_procs_fd = -1;
    cgroup->usage_fd = cgroup->failcnt_fd = cgroup->events_fd = -1;
    cgroup->memory_limit = UINT64_MAX;
    cgroup->max_tasks = UINT32_MAX;
}

/// Takes the lock of slot `number`: its memory cgroup folder, or a lock file when there are no cgroups.
static int lock_slot(csandbox_cgroup *cgroup, int version, int number) {
    if (version == 0) {
        char path[64];
        snprintf(path, sizeof path, "/run/solve/slot-%d.lock", number);
        int fd = open(path, O_RDONLY | O_CREAT | O_CLOEXEC, 0600);
        if (fd >= 0 && flock(fd, LOCK_EX | LOCK_NB) != 0) {
            close(fd);
            fd = -1;
        }
        return fd;
    }
    if (version == 1) {
        snprintf(cgroup->memory_dir, sizeof cgroup->memory_dir, "/sys/fs/cgroup/memory/solve/slot-%d", number);
        snprintf(cgroup->pids_dir, sizeof cgroup->pids_dir, "/sys/fs/cgroup/pids/solve/slot-%d", number);
    } else {
        snprintf(cgroup->memory_dir, sizeof cgroup->memory_dir, "/sys/fs/cgroup/solve/slot-%d", number);
        snprintf(cgroup->pids_dir, sizeof cgroup->pids_dir, "%s", cgroup->memory_dir);
    }
    return lock_dir(cgroup->memory_dir);
}

int csandbox_cgroup_claim(csandbox_cgroup *cgroup, int use_cgroups, int64_t *number) {
    *number = -1;
    reset_cgroup(cgroup);
    int version = use_cgroups ? cgroup_version() : 0;
    int error = version == 0 ? make_dir("/run/solve") : 0;
    if (error != 0) return error;
    for (int candidate = 0; candidate < max_slots; candidate++) {
        cgroup->lock_fd = lock_slot(cgroup, version, candidate);
        if (cgroup->lock_fd < 0) continue;
        *number = candidate;
        if (version == 0) return 0;
        // Ours now. A judge that died may have left the folders (and, for a moment, programs) behind.
        kill_members(cgroup->memory_dir);
        error = version == 1 ? make_dir(cgroup->pids_dir) : 0;
        if (error == 0 && version == 1) kill_members(cgroup->pids_dir);
        if (error == 0) error = version == 1 ? open_v1_files(cgroup) : open_v2_files(cgroup);
        if (error == 0) {
            cgroup->version = version;
            cgroup->oom_kills = keyed_fd(cgroup->events_fd, "oom_kill");
            cgroup->max_events = version == 2 ? keyed_fd(cgroup->events_fd, "max") : 0;
            return 0;
        }
        // Cgroups refused (a read-only cgroupfs, say): keep the number and its lock (and so the folder, which a
        // removal would hand to the next judge), run without them.
        close_files(cgroup);
        cgroup->memory_dir[0] = cgroup->pids_dir[0] = 0;
        return 0;
    }
    return EAGAIN;
}

int csandbox_cgroup_prepare(csandbox_cgroup *cgroup, uint64_t memory_limit, uint32_t max_tasks) {
    if (cgroup->version == 0) return 0;
    char value[32];
    int error;
    if (memory_limit > 0) snprintf(value, sizeof value, "%llu", (unsigned long long)memory_limit);
    else snprintf(value, sizeof value, "%s", cgroup->version == 1 ? "-1" : "max");
    if (cgroup->version == 1) {
        if (memory_limit != cgroup->memory_limit
            && (error = write_file(cgroup->memory_dir, "memory.limit_in_bytes", value)) != 0)
            return error;
        if ((error = reset_fd(cgroup->usage_fd)) != 0 || (error = reset_fd(cgroup->failcnt_fd)) != 0) return error;
    } else {
        if (memory_limit != cgroup->memory_limit
            && (error = write_file(cgroup->memory_dir, "memory.max", value)) != 0)
            return error;
        write_file(cgroup->memory_dir, "memory.swap.max", "0");
        reset_fd(cgroup->usage_fd);  // resets the peak seen through this fd on kernels ≥ 6.12
    }
    cgroup->memory_limit = memory_limit;
    if (max_tasks == cgroup->max_tasks) return 0;
    if (max_tasks > 0) snprintf(value, sizeof value, "%u", max_tasks);
    else snprintf(value, sizeof value, "max");
    if ((error = write_file(cgroup->pids_dir, "pids.max", value)) != 0) return error;
    cgroup->max_tasks = max_tasks;
    return 0;
}

void csandbox_cgroup_finish(csandbox_cgroup *cgroup, int sweep, uint64_t *peak, int *limit_hit) {
    *peak = 0;
    *limit_hit = 0;
    if (cgroup->version == 0) return;
    // The OOM and limit counters only grow (and a claimed cgroup may hold a dead judge's counts): a run hit the
    // limit when they grew during it.
    uint64_t kills = keyed_fd(cgroup->events_fd, "oom_kill");
    if (cgroup->version == 1) {
        *peak = number_fd(cgroup->usage_fd);
        *limit_hit = kills > cgroup->oom_kills || number_fd(cgroup->failcnt_fd) > 0;
        if (sweep) kill_members(cgroup->pids_dir);
    } else {
        *peak = number_fd(cgroup->usage_fd);
        uint64_t maxes = keyed_fd(cgroup->events_fd, "max");
        *limit_hit = kills > cgroup->oom_kills || maxes > cgroup->max_events;
        cgroup->max_events = maxes;
        if (sweep && write_file(cgroup->memory_dir, "cgroup.kill", "1") != 0) kill_members(cgroup->memory_dir);
    }
    cgroup->oom_kills = kills;
    if (sweep) kill_members(cgroup->memory_dir);
}

void csandbox_cgroup_close(csandbox_cgroup *cgroup) {
    close_files(cgroup);
    // The pids folder first: once the memory folder (the lock's) is gone, another judge may claim the number and
    // use a pids folder of that name.
    if (cgroup->pids_dir[0] && strcmp(cgroup->pids_dir, cgroup->memory_dir) != 0) {
        for (int attempt = 0; attempt < 50 && rmdir(cgroup->pids_dir) != 0 && errno == EBUSY; attempt++) {
            kill_members(cgroup->pids_dir);
            usleep(2000);
        }
    }
    if (cgroup->memory_dir[0]) {
        for (int attempt = 0; attempt < 50 && rmdir(cgroup->memory_dir) != 0 && errno == EBUSY; attempt++) {
            kill_members(cgroup->memory_dir);
            usleep(2000);
        }
    }
    cgroup->version = 0;
    // Only now: until the folders are gone, no other judge may take the number.
    if (cgroup->lock_fd >= 0) close(cgroup->lock_fd);
    cgroup->lock_fd = -1;
}
