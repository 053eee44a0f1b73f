// One sandboxed run: clone (sharing memory and, until the filter is in, the fd table), confine, exec, supervise.
#include "internal.h"

#include <errno.h>
#include <fcntl.h>
#include <linux/seccomp.h>
#include <poll.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#ifndef CLONE_PIDFD
#define CLONE_PIDFD 0x00001000
#endif
#ifndef SYS_landlock_restrict_self
#define SYS_landlock_restrict_self 446
#endif
#ifndef SYS_pidfd_send_signal
#define SYS_pidfd_send_signal 424
#endif

/// Shared between the parent and the vfork-style child (same memory until execve).
typedef struct {
    csandbox_slot *slot;
    const csandbox_run_spec *spec;
    struct sock_fprog program;
    /// Set by the child: the seccomp listener fd in the (then shared) fd table.
    int listener;
    /// Set by the child when a step fails.
    int error;
    const char *step;
} child_context;

static uint64_t monotonic_us(void) {
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    return (uint64_t)now.tv_sec * 1000000u + (uint64_t)now.tv_nsec / 1000u;
}

static int set_limit(int resource, uint64_t soft, uint64_t hard) {
    struct rlimit limit = {.rlim_cur = soft, .rlim_max = hard};
    return (int)syscall(SYS_prlimit64, 0, resource, &limit, NULL);
}

static __attribute__((noreturn)) void child_fail(child_context *context, const char *step) {
    context->error = errno ? errno : EINVAL;
    context->step = step;
    syscall(SYS_exit_group, 127);
    __builtin_unreachable();
}

/// Moves `fd` to `target` without closing the caller's copy (the fd table is private by then).
static int move_fd(int fd, int target) {
    if (fd == target) return (int)syscall(SYS_fcntl, fd, F_SETFD, 0);
    return (int)syscall(SYS_dup3, fd, target, 0);
}

/// Runs in the child on the slot's stack. Only raw syscalls: the memory and (until unshare) the fd table
/// are the parent's, and glibc's set*id wrappers would change every thread of the parent.
static int child_main(void *argument) {
    child_context *context = argument;
    const csandbox_run_spec *spec = context->spec;
    csandbox_slot *slot = context->slot;

    struct sigaction default_action = {.sa_handler = SIG_DFL};
    for (int sig = 1; sig < 64; sig++) {
        if (slot->reset_signals & (1ULL << sig)) sigaction(sig, &default_action, NULL);
    }
    if (syscall(SYS_setsid) < 0) child_fail(context, "setsid");
    if (slot->cgroup.memory_procs_fd >= 0 && syscall(SYS_write, slot->cgroup.memory_procs_fd, "0", 1) < 0)
        child_fail(context, "join memory cgroup");
    // With a uid of its own, RLIMIT_NPROC already caps the slot's tasks; the pids cgroup serves the other slots.
    if ((slot->protections & CSANDBOX_PROTECT_CGROUP_PIDS) && syscall(SYS_write, slot->cgroup.pids_procs_fd, "0", 1) < 0)
        child_fail(context, "join pids cgroup");
    // The slot's private view: its user namespace first (an ordinary user's), which grants the right to enter it.
    if (slot->user_ns_fd >= 0 && syscall(SYS_setns, slot->user_ns_fd, CLONE_NEWUSER) < 0)
        child_fail(context, "enter the view's user namespace");
    if (slot->mount_ns_fd >= 0 && syscall(SYS_setns, slot->mount_ns_fd, CLONE_NEWNS) < 0)
        child_fail(context, "enter the view");
    if (syscall(SYS_chdir, spec->workdir) < 0) child_fail(context, "chdir to work dir");

    uint64_t cpu_seconds = (spec->cpu_limit_ms + 999) / 1000 + 1;
    if (set_limit(RLIMIT_CPU, cpu_seconds, cpu_seconds + 1) < 0) child_fail(context, "RLIMIT_CPU");
    if (spec->address_space_bytes > 0 && set_limit(RLIMIT_AS, spec->address_space_bytes, spec->address_space_bytes) < 0)
        child_fail(context, "RLIMIT_AS");
    uint64_t stack = spec->stack_bytes > 0 ? spec->stack_bytes : RLIM_INFINITY;
    if (set_limit(RLIMIT_STACK, stack, stack) < 0) child_fail(context, "RLIMIT_STACK");
    if (set_limit(RLIMIT_FSIZE, spec->file_size_bytes, spec->file_size_bytes) < 0) child_fail(context, "RLIMIT_FSIZE");
    if (set_limit(RLIMIT_CORE, 0, 0) < 0 || set_limit(RLIMIT_MEMLOCK, 0, 0) < 0 || set_limit(RLIMIT_MSGQUEUE, 0, 0) < 0)
        child_fail(context, "RLIMIT_CORE/MEMLOCK/MSGQUEUE");

    if (slot->protections & CSANDBOX_PROTECT_UID) {
        // RLIMIT_NPROC counts the tasks of the real uid, so it only means something for the slot's own uid.
        if (spec->max_tasks > 0 && set_limit(RLIMIT_NPROC, spec->max_tasks, spec->max_tasks) < 0)
            child_fail(context, "RLIMIT_NPROC");
        if (syscall(SYS_setgroups, 0, NULL) < 0) child_fail(context, "setgroups");
        if (syscall(SYS_setresgid, slot->gid, slot->gid, slot->gid) < 0) child_fail(context, "setresgid");
        if (syscall(SYS_setresuid, slot->uid, slot->uid, slot->uid) < 0) child_fail(context, "setresuid");
    }
    if (syscall(SYS_prctl, PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) < 0) child_fail(context, "no_new_privs");
    if (syscall(SYS_prctl, PR_SET_PDEATHSIG, SIGKILL, 0, 0, 0) < 0) child_fail(context, "parent-death signal");
    if (spec->landlock_fd >= 0 && syscall(SYS_landlock_restrict_self, spec->landlock_fd, 0) < 0)
        child_fail(context, "landlock_restrict_self");

    long listener = syscall(SYS_seccomp, SECCOMP_SET_MODE_FILTER, SECCOMP_FILTER_FLAG_NEW_LISTENER, &context->program);
    if (listener < 0) child_fail(context, "load seccomp filter");
    context->listener = (int)listener;

    // From here on only calls the filters allow. The listener stays in the parent's table; the child's copy
    // of the table is closed down to stdin, stdout and stderr.
    if (syscall(SYS_unshare, CLONE_FILES) < 0) child_fail(context, "unshare fd table");
    if (move_fd(spec->stdin_fd, 0) < 0 || move_fd(spec->stdout_fd, 1) < 0 || move_fd(spec->stderr_fd, 2) < 0)
        child_fail(context, "redirect stdio");
    if (syscall(SYS_close_range, 3, ~0U, 0) < 0) child_fail(context, "close_range");
    // Only now: the listener had to fit in the judge's (larger) fd table.
    if (set_limit(RLIMIT_NOFILE, spec->open_files, spec->open_files) < 0) child_fail(context, "RLIMIT_NOFILE");
    sigset_t none;
    sigemptyset(&none);
    if (syscall(SYS_rt_sigprocmask, SIG_SETMASK, &none, NULL, sizeof(uint64_t)) < 0)
        child_fail(context, "unblock signals");
    syscall(SYS_execve, slot->exec_path, spec->argv, spec->envp);
    child_fail(context, "execve");
}

/// CPU time (user + system, all threads) of a live process, in µs; 0 when it cannot be read.
static uint64_t process_cpu_us(pid_t pid) {
    clockid_t clock;
    struct timespec spent;
    if (clock_getcpuclockid(pid, &clock) != 0 || clock_gettime(clock, &spent) != 0) return 0;
    return (uint64_t)spent.tv_sec * 1000000u + (uint64_t)spent.tv_nsec / 1000u;
}

/// Takes the pending seccomp notification and records which call broke the policy.
static void record_violation(int listener, csandbox_result *result) {
    union {
        struct seccomp_notif notif;
        char padding[512];  // the kernel's struct may be larger than these headers'; it must arrive zeroed
    } request;
    memset(&request, 0, sizeof request);
    if (ioctl(listener, SECCOMP_IOCTL_NOTIF_RECV, &request) != 0) return;
    if (result->violation_syscall >= 0) return;
    result->violation_syscall = request.notif.data.nr;
    const char *name = csandbox_syscall_name(request.notif.data.nr);
    if (name != NULL) snprintf(result->violation_name, sizeof result->violation_name, "%s", name);
    else snprintf(result->violation_name, sizeof result->violation_name, "syscall %d", request.notif.data.nr);
}

static void kill_run(int pidfd, pid_t pid) {
    syscall(SYS_pidfd_send_signal, pidfd, SIGKILL, NULL, 0);
    kill(-pid, SIGKILL);  // the run's session/process group (tools may have forked)
}

/// Waits for the child while enforcing wall and CPU limits and answering seccomp notifications.
static void supervise(pid_t pid, int pidfd, int listener, const csandbox_run_spec *spec, uint64_t start,
                      csandbox_result *result) {
    struct pollfd fds[2] = {{.fd = pidfd, .events = POLLIN}, {.fd = listener, .events = POLLIN}};
    uint64_t wall_limit_us = spec->wall_limit_ms * 1000u;
    uint64_t cpu_limit_us = spec->cpu_limit_ms * 1000u;
    int killed = 0;
    for (;;) {
        uint64_t elapsed = monotonic_us() - start;
        if (!killed && elapsed >= wall_limit_us) {
            result->wall_limit_hit = 1;
            kill_run(pidfd, pid);
            killed = 1;
        }
        // CPU is sampled every 20 ms once at least 20 ms have passed; short runs never wake the loop.
        uint64_t remaining = elapsed < wall_limit_us ? wall_limit_us - elapsed : 0;
        int timeout_ms = killed ? 1000 : (int)(remaining / 1000 < 20 ? remaining / 1000 + 1 : 20);
        int ready = poll(fds, 2, timeout_ms);
        if (ready < 0 && errno != EINTR) break;
        if (fds[1].fd >= 0 && (fds[1].revents & POLLIN)) {
            record_violation(listener, result);
            if (!killed) kill_run(pidfd, pid);
            killed = 1;
        } else if (fds[1].fd >= 0 && (fds[1].revents & (POLLHUP | POLLERR))) {
            fds[1].fd = -1;  // every task of the filter is gone
        }
        if (fds[0].revents & POLLIN) break;
        if (!killed && cpu_limit_us > 0 && process_cpu_us(pid) > cpu_limit_us + cpu_limit_us / 10) {
            result->cpu_limit_hit = 1;
            kill_run(pidfd, pid);
            killed = 1;
        }
    }
    kill(-pid, SIGKILL);  // anything the run left in its group dies with it (the leader is a zombie, not reusable)
}

int csandbox_run(csandbox_slot *slot, const csandbox_run_spec *spec, csandbox_result *result, const char **step) {
    memset(result, 0, sizeof *result);
    result->violation_syscall = -1;
    *step = NULL;
    if (strlen(spec->path) >= sizeof slot->exec_path) {
        if (spec->owns_stdin) close(spec->stdin_fd);
        if (spec->owns_stdout) close(spec->stdout_fd);
        *step = "executable path";
        return ENAMETOOLONG;
    }
    int error = csandbox_cgroup_prepare(&slot->cgroup, spec->memory_limit_bytes, spec->max_tasks);
    if (error != 0) {
        if (spec->owns_stdin) close(spec->stdin_fd);
        if (spec->owns_stdout) close(spec->stdout_fd);
        *step = "prepare cgroup";
        return error;
    }
    strcpy(slot->exec_path, spec->path);
    const csandbox_bpf *filter = &slot->filters[spec->profile];
    child_context context = {
        .slot = slot,
        .spec = spec,
        .program = {.len = filter->length, .filter = filter->instructions},
        .listener = -1,
    };

    // No signal handler may run in the child while it shares this memory.
    sigset_t all, previous;
    sigfillset(&all);
    pthread_sigmask(SIG_SETMASK, &all, &previous);
    int pidfd = -1;
    uint64_t start = monotonic_us();
    pid_t pid = clone(child_main, slot->child_stack + slot->child_stack_size,
                      CLONE_VM | CLONE_VFORK | CLONE_FILES | CLONE_PIDFD | SIGCHLD, &context, &pidfd);
    int clone_error = errno;
    pthread_sigmask(SIG_SETMASK, &previous, NULL);
    // The program holds its pipe ends now (or never will): the judge's copies must go, or the other end never
    // sees end-of-file.
    if (spec->owns_stdin) close(spec->stdin_fd);
    if (spec->owns_stdout) close(spec->stdout_fd);
    if (pid < 0) {
        *step = "clone";
        return clone_error != 0 ? clone_error : EIO;
    }

    if (context.error == 0) supervise(pid, pidfd, context.listener, spec, start, result);
    int status = 0;
    struct rusage usage;
    memset(&usage, 0, sizeof usage);
    while (wait4(pid, &status, __WALL, &usage) < 0 && errno == EINTR) {
    }
    result->wall_us = monotonic_us() - start;
    // The capture files outlive the run: a lease taken on them would stall the judge's next open of the output.
    if (!spec->owns_stdin) fcntl(spec->stdin_fd, F_SETLEASE, F_UNLCK);
    if (!spec->owns_stdout) fcntl(spec->stdout_fd, F_SETLEASE, F_UNLCK);
    fcntl(spec->stderr_fd, F_SETLEASE, F_UNLCK);
    if (context.listener >= 0) close(context.listener);
    if (pidfd >= 0) close(pidfd);
    uint64_t cgroup_peak = 0;
    // Only tools may fork; a solution's threads end with it, so its cgroups need no sweep.
    csandbox_cgroup_finish(&slot->cgroup, spec->profile == CSANDBOX_PROFILE_TOOL || context.error != 0, &cgroup_peak,
                           &result->memory_limit_hit);
    if (context.error != 0) {
        *step = context.step;
        return context.error;
    }
    result->exited = WIFEXITED(status);
    result->exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 0;
    result->signal = WIFSIGNALED(status) ? WTERMSIG(status) : 0;
    result->cpu_us = (uint64_t)(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1000000u
        + (uint64_t)(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec);
    if (slot->cgroup.version != 0) {
        result->peak_memory_bytes = cgroup_peak;
        result->memory_from_cgroup = 1;
    } else {
        result->peak_memory_bytes = (uint64_t)usage.ru_maxrss * 1024u;
    }
    return 0;
}
