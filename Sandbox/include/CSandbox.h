#ifndef CSANDBOX_H
#define CSANDBOX_H

/// CSandbox: everything that happens between clone() and execve(), plus the seccomp, Landlock and cgroup
/// plumbing that the child relies on. Nothing here calls into Swift, and nothing between clone and execve is
/// anything but async-signal-safe raw syscalls.
///
/// One convention: every function that can fail returns 0 or a positive errno (never -1, never a negated errno,
/// never errno left for the caller to read) and hands its results back through out-parameters, which hold a
/// neutral value (NULL, -1) after a failure. Where several steps can fail, a `step` out-parameter names the one
/// that did (a static string). Functions that cannot fail return their value, or nothing.

#include <stdint.h>
#include <stddef.h>

#if __has_feature(nullability)
#pragma clang assume_nonnull begin
#endif

/// What the program is allowed to do, as a seccomp profile.
typedef enum {
    /// Compiled programs (C, C++, Rust): an allow-list; threads only, no network, no new processes.
    CSANDBOX_PROFILE_NATIVE = 0,
    /// CPython: the native allow-list plus what the interpreter needs (epoll, sysinfo, …).
    CSANDBOX_PROFILE_PYTHON = 1,
    /// Compilers and checkers: a deny-list (may fork and exec), still without network or privileged calls.
    CSANDBOX_PROFILE_TOOL = 2,
    /// PyPy: the CPython list plus what its JIT and garbage collector need.
    CSANDBOX_PROFILE_PYPY = 3,
    CSANDBOX_PROFILE_COUNT = 4,
} csandbox_profile;

/// Which protections a slot could switch on (bit set).
enum {
    CSANDBOX_PROTECT_SECCOMP = 1 << 0,
    CSANDBOX_PROTECT_LANDLOCK = 1 << 1,
    CSANDBOX_PROTECT_UID = 1 << 2,
    CSANDBOX_PROTECT_CGROUP_MEMORY = 1 << 3,
    CSANDBOX_PROTECT_CGROUP_PIDS = 1 << 4,
    CSANDBOX_PROTECT_LANDLOCK_SIGNAL_SCOPE = 1 << 5,
    CSANDBOX_PROTECT_LANDLOCK_NET = 1 << 6,
    /// Programs run in the slot's private filesystem view (a mount namespace holding only the listed paths).
    CSANDBOX_PROTECT_VIEW = 1 << 7,
};

/// One reusable execution context: its own uid (when root), cgroups, child stack and compiled filters.
/// A slot runs one program at a time; use one slot per concurrent worker.
typedef struct csandbox_slot csandbox_slot;

/// The filesystem a slot's programs see: every listed path at its own place, nothing else.
typedef struct {
    /// An empty folder of the judge's own (mode 0700) on which the view's root is mounted.
    const char *root;
    /// Bound read-only (missing paths are skipped; a listed symbolic link is copied as a link).
    const char *_Nullable const *_Nonnull read_paths;
    size_t read_count;
    /// Bound read-write (Landlock still decides what may be written).
    const char *_Nullable const *_Nonnull write_paths;
    size_t write_count;
    /// Files shown under another name (the slot's input file as /dev/stdin), writable where `file_writable` is 1.
    const char *_Nullable const *_Nonnull file_sources;
    const char *_Nullable const *_Nonnull file_targets;
    const int *file_writable;
    size_t file_count;
} csandbox_view;

/// Options for creating a slot.
typedef struct {
    /// 1 to claim a slot number of its own on this host (root only): an exclusive lock on the slot's cgroup folder
    /// (or a lock file under /run/solve without cgroups), held until the slot is destroyed. The cgroups are named
    /// after the number; no two judges, in any pid namespace, share them.
    int claim;
    /// 1 to run programs as `uid_base` + the claimed number (root only; needs `claim`).
    int drop_uid;
    int64_t uid_base;
    /// 1 to create memory and pids cgroups for the slot (root only; needs `claim`).
    int use_cgroups;
    /// The private filesystem view, or NULL to keep the judge's (Landlock still applies).
    const csandbox_view *_Nullable view;
} csandbox_slot_options;

/// Creates a slot in *slot. Returns 0, or an errno with *step naming what failed (and *slot NULL).
/// A view that cannot be made (no user namespaces for an ordinary user) does not fail the slot: it leaves it
/// without CSANDBOX_PROTECT_VIEW, and *view_error and *view_step say why (0 and NULL otherwise).
int csandbox_slot_create(const csandbox_slot_options *options, csandbox_slot *_Nullable *_Nonnull slot,
                         const char *_Nullable *_Nonnull step, int *view_error,
                         const char *_Nullable *_Nonnull view_step);
/// The uid programs run as (-1: the judge's).
int64_t csandbox_slot_uid(const csandbox_slot *slot);
/// Kills anything left in the slot's cgroups, removes them, frees the slot.
void csandbox_slot_destroy(csandbox_slot *slot);
/// The CSANDBOX_PROTECT_* bits this slot enforces (Landlock bits reflect the running kernel).
uint32_t csandbox_slot_protections(const csandbox_slot *slot);

/// The Landlock ABI of the running kernel (0 when unavailable).
int csandbox_landlock_abi(void);

/// Builds a Landlock ruleset: read+execute beneath `read_paths`, full access beneath `write_paths`
/// (missing paths are skipped). Returns 0 with the ruleset's fd in *ruleset_fd (close it with csandbox_close),
/// or an errno (ENOSYS without Landlock) with *ruleset_fd -1.
int csandbox_landlock_create(const char *_Nullable const *_Nonnull read_paths, size_t read_count,
                             const char *_Nullable const *_Nonnull write_paths, size_t write_count,
                             int *ruleset_fd);
/// close(2).
void csandbox_close(int fd);

/// Empties a capture file kept open across runs and resets the state a run may have left on its description
/// (offset, status flags). Returns 0 or an errno.
int csandbox_capture_reset(int fd);

/// Fills a slot's input file (kept open across runs) with the bytes of `source_fd` (from its start), or with
/// `length` bytes at `data` when `source_fd` is -1, and rewinds `reader_fd`, the description the program reads,
/// resetting its status flags. Returns 0 or an errno.
int csandbox_input_load(int writer_fd, int reader_fd, int source_fd, const void *_Nullable data, size_t length);

/// One program run.
typedef struct {
    const char *path;
    const char *_Nullable const *_Nonnull argv;
    const char *_Nullable const *_Nonnull envp;
    const char *workdir;
    int stdin_fd;
    int stdout_fd;
    int stderr_fd;
    /// 1 when the run owns stdin_fd / stdout_fd (pipe ends): they are closed in the judge as soon as the program
    /// has started, so that only the program holds them.
    int owns_stdin;
    int owns_stdout;
    csandbox_profile profile;
    /// Landlock ruleset fd from csandbox_landlock_create, or -1.
    int landlock_fd;
    /// CPU time limit of the whole process (ms); the run is killed a little after it.
    uint64_t cpu_limit_ms;
    /// Wall-clock cap (ms).
    uint64_t wall_limit_ms;
    /// Memory limit (bytes) for the cgroup; 0 = none.
    uint64_t memory_limit_bytes;
    /// RLIMIT_AS (bytes); 0 = unlimited.
    uint64_t address_space_bytes;
    /// RLIMIT_STACK (bytes); 0 = unlimited.
    uint64_t stack_bytes;
    /// RLIMIT_FSIZE (bytes), which caps stdout and stderr.
    uint64_t file_size_bytes;
    /// RLIMIT_NOFILE.
    uint32_t open_files;
    /// Task cap (threads + processes) via the pids cgroup and RLIMIT_NPROC when running as another uid.
    uint32_t max_tasks;
} csandbox_run_spec;

/// What happened.
typedef struct {
    int exited;
    int exit_code;
    int signal;
    uint64_t cpu_us;
    uint64_t wall_us;
    uint64_t peak_memory_bytes;
    /// 1 when peak_memory_bytes came from a memory cgroup (exact), 0 when from ru_maxrss.
    int memory_from_cgroup;
    /// The memory cgroup hit its limit or OOM-killed the program.
    int memory_limit_hit;
    int cpu_limit_hit;
    int wall_limit_hit;
    /// The syscall number that broke the seccomp policy, or -1.
    int violation_syscall;
    /// Its name ("socket"), empty when none.
    char violation_name[32];
} csandbox_result;

/// Runs one program in the slot and waits for it (blocking: call from a dedicated thread). Any lease the program
/// took on stdout_fd or stderr_fd is dropped as soon as it ends.
/// Returns 0 when the program ran (whatever its outcome), or an errno with *step naming the step that failed
/// (then the program did not run, or never reached execve, and *result says nothing).
int csandbox_run(csandbox_slot *slot, const csandbox_run_spec *spec, csandbox_result *result,
                 const char *_Nullable *_Nonnull step);

#if __has_feature(nullability)
#pragma clang assume_nonnull end
#endif

#endif
