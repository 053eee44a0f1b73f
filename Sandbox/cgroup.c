// Per-slot memory and pids cgroups (v1 hierarchies, or a v2 subtree), prepared before each run.
#include "internal.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
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

static int make_dir(const char *path) {
    return mkdir(path, 0755) == 0 || errno == EEXIST ? 0 : errno;
}

static int open_v1(csandbox_cgroup *cgroup, const char *name) {
    if (access("/sys/fs/cgroup/memory/memory.limit_in_bytes", W_OK) != 0) return ENOENT;
    if (make_dir("/sys/fs/cgroup/memory/solve") != 0 || make_dir("/sys/fs/cgroup/pids/solve") != 0) return EACCES;
    snprintf(cgroup->memory_dir, sizeof cgroup->memory_dir, "/sys/fs/cgroup/memory/solve/%s", name);
    snprintf(cgroup->pids_dir, sizeof cgroup->pids_dir, "/sys/fs/cgroup/pids/solve/%s", name);
    if (make_dir(cgroup->memory_dir) != 0) return EACCES;
    if (make_dir(cgroup->pids_dir) != 0) {
        rmdir(cgroup->memory_dir);
        return EACCES;
    }
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

static int open_v2(csandbox_cgroup *cgroup, const char *name) {
    char controllers[256];
    if (read_file("/sys/fs/cgroup", "cgroup.controllers", controllers, sizeof controllers) != 0) return ENOENT;
    if (strstr(controllers, "memory") == NULL || strstr(controllers, "pids") == NULL) return ENOENT;
    if (write_file("/sys/fs/cgroup", "cgroup.subtree_control", "+memory +pids") != 0) return EACCES;
    if (make_dir("/sys/fs/cgroup/solve") != 0) return EACCES;
    if (write_file("/sys/fs/cgroup/solve", "cgroup.subtree_control", "+memory +pids") != 0) return EACCES;
    snprintf(cgroup->memory_dir, sizeof cgroup->memory_dir, "/sys/fs/cgroup/solve/%s", name);
    snprintf(cgroup->pids_dir, sizeof cgroup->pids_dir, "%s", cgroup->memory_dir);
    if (make_dir(cgroup->memory_dir) != 0) return EACCES;
    cgroup->memory_procs_fd = open_file(cgroup->memory_dir, "cgroup.procs", O_WRONLY);
    cgroup->usage_fd = open_file(cgroup->memory_dir, "memory.peak", O_RDWR);
    cgroup->events_fd = open_file(cgroup->memory_dir, "memory.events", O_RDONLY);
    return cgroup->memory_procs_fd < 0 || cgroup->usage_fd < 0 || cgroup->events_fd < 0 ? EACCES : 0;
}

void csandbox_cgroup_open(csandbox_cgroup *cgroup, const char *name) {
    memset(cgroup, 0, sizeof *cgroup);
    cgroup->memory_procs_fd = -1;
    cgroup->pids_procs_fd = -1;
    cgroup->usage_fd = cgroup->failcnt_fd = cgroup->events_fd = -1;
    cgroup->memory_limit = UINT64_MAX;
    cgroup->max_tasks = UINT32_MAX;
    if (name == NULL || *name == 0) return;
    if (open_v1(cgroup, name) == 0) {
        cgroup->version = 1;
    } else if (open_v2(cgroup, name) == 0) {
        cgroup->version = 2;
    } else {
        csandbox_cgroup_close(cgroup);
    }
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

void csandbox_cgroup_finish(csandbox_cgroup *cgroup, int sweep, uint64_t *peak, int *limit_hit) {
    *peak = 0;
    *limit_hit = 0;
    if (cgroup->version == 0) return;
    if (cgroup->version == 1) {
        *peak = number_fd(cgroup->usage_fd);
        *limit_hit = keyed_fd(cgroup->events_fd, "oom_kill") > 0 || number_fd(cgroup->failcnt_fd) > 0;
        if (sweep) kill_members(cgroup->pids_dir);
    } else {
        *peak = number_fd(cgroup->usage_fd);
        *limit_hit = keyed_fd(cgroup->events_fd, "oom_kill") > 0 || keyed_fd(cgroup->events_fd, "max") > 0;
        if (sweep && write_file(cgroup->memory_dir, "cgroup.kill", "1") != 0) kill_members(cgroup->memory_dir);
    }
    if (sweep) kill_members(cgroup->memory_dir);
}

void csandbox_cgroup_close(csandbox_cgroup *cgroup) {
    if (cgroup->memory_procs_fd >= 0) close(cgroup->memory_procs_fd);
    if (cgroup->pids_procs_fd >= 0) close(cgroup->pids_procs_fd);
    if (cgroup->usage_fd >= 0) close(cgroup->usage_fd);
    if (cgroup->failcnt_fd >= 0) close(cgroup->failcnt_fd);
    if (cgroup->events_fd >= 0) close(cgroup->events_fd);
    cgroup->memory_procs_fd = cgroup->pids_procs_fd = -1;
    cgroup->usage_fd = cgroup->failcnt_fd = cgroup->events_fd = -1;
    if (cgroup->memory_dir[0]) {
        for (int attempt = 0; attempt < 50 && rmdir(cgroup->memory_dir) != 0 && errno == EBUSY; attempt++) {
            kill_members(cgroup->memory_dir);
            usleep(2000);
        }
    }
    if (cgroup->pids_dir[0] && strcmp(cgroup->pids_dir, cgroup->memory_dir) != 0) {
        for (int attempt = 0; attempt < 50 && rmdir(cgroup->pids_dir) != 0 && errno == EBUSY; attempt++) {
            kill_members(cgroup->pids_dir);
            usleep(2000);
        }
    }
    cgroup->version = 0;
}
