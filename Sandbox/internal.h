#ifndef CSANDBOX_INTERNAL_H
#define CSANDBOX_INTERNAL_H

#include "CSandbox.h"
#include <errno.h>
#include <linux/filter.h>

/// errno after a call that failed, never 0: a failure is never reported as success.
static inline int csandbox_failure(void) {
    return errno != 0 ? errno : EIO;
}

/// A compiled seccomp program (what seccomp_export_bpf produced).
typedef struct {
    struct sock_filter *instructions;
    unsigned short length;
} csandbox_bpf;

/// The cgroup files of one slot (one controller hierarchy each for memory and pids).
typedef struct {
    int version;                  /// 0 none, 1 or 2
    int lock_fd;                  /// the claimed slot's lock (its memory cgroup folder, or a lock file), or -1
    char memory_dir[256];         /// v1 memory dir, or the v2 dir
    char pids_dir[256];           /// v1 pids dir (v2: same as memory_dir)
    int memory_procs_fd;          /// cgroup.procs of the memory (v2: the only) cgroup, or -1
    int pids_procs_fd;            /// v1 pids cgroup.procs, or -1
    int usage_fd;                 /// v1 memory.max_usage_in_bytes / v2 memory.peak, kept open, or -1
    int failcnt_fd;               /// v1 memory.failcnt, or -1
    int events_fd;                /// v1 memory.oom_control / v2 memory.events, or -1
    uint64_t memory_limit;        /// the limit last written (UINT64_MAX: none yet)
    uint64_t oom_kills;           /// the cgroup's OOM kills so far (the counters only grow: a run compares)
    uint64_t max_events;          /// v2: times the cgroup hit memory.max so far
    uint32_t max_tasks;           /// the task cap last written (UINT32_MAX: none yet)
} csandbox_cgroup;

struct csandbox_slot {
    int64_t uid;
    int64_t gid;
    csandbox_cgroup cgroup;
    /// The view's namespaces (setns'd by every run), or -1.
    int mount_ns_fd;
    int user_ns_fd;
    /// execve's path is copied here; the filters only let execve through with exactly this pointer.
    char exec_path[4096];
    csandbox_bpf filters[CSANDBOX_PROFILE_COUNT];
    /// Signals the child must set back to SIG_DFL: those the judge ignored when the slot was made, plus the ones
    /// verdicts depend on. Caught signals need nothing: execve resets them.
    uint64_t reset_signals;
    char *child_stack;
    size_t child_stack_size;
    uint32_t protections;
};

/// Builds the filter for `profile`, pinning execve to `exec_path`. Returns 0 or errno.
int csandbox_build_filter(csandbox_profile profile, const char *exec_path, csandbox_bpf *out);
/// Name of a syscall number on this architecture (static storage), or NULL.
const char *csandbox_syscall_name(int nr);

/// Claims the lowest slot number no live judge on this host holds and, with `use_cgroups`, creates its cgroups
/// (best effort: version 0 when not possible). Returns 0 with the number in *number, or an errno.
int csandbox_cgroup_claim(csandbox_cgroup *cgroup, int use_cgroups, int64_t *number);
/// Builds a slot's private view (see csandbox_view) and returns its namespaces' fds. Returns 0 or an errno, with
/// *step naming what failed.
int csandbox_view_create(const csandbox_view *view, int *mount_ns, int *user_ns, const char **step);
/// Sets the memory and task limits and resets the peak and failure counters before a run.
int csandbox_cgroup_prepare(csandbox_cgroup *cgroup, uint64_t memory_limit, uint32_t max_tasks);
/// Reads the peak usage and whether the limit was hit; with `sweep`, kills any process still in the cgroups.
void csandbox_cgroup_finish(csandbox_cgroup *cgroup, int sweep, uint64_t *peak, int *limit_hit);
/// Removes the cgroups.
void csandbox_cgroup_close(csandbox_cgroup *cgroup);

#endif
