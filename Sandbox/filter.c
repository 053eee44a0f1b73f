// seccomp profiles, compiled once per slot with libseccomp and loaded in the child as raw BPF.
#include "internal.h"

#include <errno.h>
#include <fcntl.h>
#include <linux/sched.h>
#include <seccomp.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

/// Calls every program may make: memory, files already permitted by Landlock, time, threads' futexes.
static const char *const native_calls[] = {
    "read", "write", "readv", "writev", "pread64", "pwrite64", "preadv", "pwritev", "preadv2", "pwritev2",
    "lseek", "close", "close_range", "fstat", "stat", "lstat", "newfstatat", "statx", "fstatfs", "statfs",
    "open", "openat", "openat2", "access", "faccessat", "faccessat2", "readlink", "readlinkat", "getcwd",
    "getdents64", "mmap", "munmap", "mprotect", "mremap", "brk", "madvise", "mincore", "msync",
    "rt_sigaction", "rt_sigprocmask", "rt_sigreturn", "rt_sigpending", "rt_sigtimedwait", "rt_sigsuspend",
    "sigaltstack", "exit", "exit_group", "arch_prctl", "set_tid_address", "set_robust_list",
    "get_robust_list", "rseq", "futex", "futex_waitv", "clock_gettime", "clock_getres", "clock_nanosleep",
    "nanosleep", "gettimeofday", "time", "getpid", "gettid", "getppid", "getpgrp", "getuid", "geteuid",
    "getgid", "getegid", "setsid", "setpgid", "getsid", "getpgid", "getresuid", "getresgid", "getgroups", "uname", "getrandom", "sched_yield",
    "sched_getaffinity", "sched_getparam", "sched_getscheduler", "getrlimit", "getrusage", "times",
    "sysinfo", "fcntl", "ioctl", "dup", "dup2", "dup3", "pipe", "pipe2", "poll", "ppoll", "select",
    "pselect6", "membarrier", "tgkill", "tkill", "alarm", "setitimer", "getitimer", "pause",
    "epoll_create", "epoll_create1", "epoll_ctl", "epoll_wait", "epoll_pwait", "epoll_pwait2",
    "eventfd2", "getpriority", "capget", "fadvise64", "sched_get_priority_max", "sched_get_priority_min",
};

/// CPython's extras beyond the native list.
static const char *const python_calls[] = {
    "getxattr", "lgetxattr", "fgetxattr", "flock", "ftruncate", "fsync", "fdatasync", "umask",
    "timerfd_create", "timerfd_settime", "timerfd_gettime", "memfd_create", "wait4", "waitid",
};

/// PyPy's extras beyond CPython's.
static const char *const pypy_calls[] = {
    "getcwd",
};

/// What no tool (compiler, checker) may do.
static const char *const tool_denied_calls[] = {
    "socket", "socketpair", "connect", "bind", "listen", "accept", "accept4", "sendto", "sendmsg",
    "sendmmsg", "ptrace", "mount", "umount2", "setns", "pivot_root", "chroot", "keyctl",
    "add_key", "request_key", "bpf", "perf_event_open", "kexec_load", "kexec_file_load", "init_module",
    "finit_module", "delete_module", "reboot", "swapon", "swapoff", "process_vm_readv",
    "process_vm_writev", "userfaultfd", "io_uring_setup", "io_uring_enter", "io_uring_register", "acct",
    "settimeofday", "clock_settime", "clock_adjtime", "adjtimex", "setsid", "setpgid", "open_tree",
    "move_mount", "fsopen", "fsmount", "fspick", "mount_setattr", "name_to_handle_at", "open_by_handle_at",
    "lookup_dcookie", "quotactl", "nfsservctl", "vhangup", "iopl", "ioperm", "syslog", "fanotify_init",
    "pidfd_getfd", "kcmp", "setuid", "setgid", "setreuid", "setregid", "setresuid", "setresgid",
    "setfsuid", "setfsgid", "setgroups", "personality", "seccomp",
};

/// Namespace flags that never go with an allowed thread clone.
static const scmp_datum_t namespace_flags = CLONE_NEWNS | CLONE_NEWCGROUP | CLONE_NEWUTS | CLONE_NEWIPC
    | CLONE_NEWUSER | CLONE_NEWPID | CLONE_NEWNET;

static int add_named(scmp_filter_ctx ctx, uint32_t action, const char *name, unsigned count,
                     const struct scmp_arg_cmp *args) {
    int nr = seccomp_syscall_resolve_name(name);
    if (nr == __NR_SCMP_ERROR) return 0;  // not on this architecture
    int rc = seccomp_rule_add_array(ctx, action, nr, count, args);
    return rc == -EDOM || rc == -EEXIST ? 0 : rc;  // pseudo-syscalls and duplicates are fine
}

static int add_list(scmp_filter_ctx ctx, uint32_t action, const char *const *names, size_t count) {
    for (size_t i = 0; i < count; i++) {
        int rc = add_named(ctx, action, names[i], 0, NULL);
        if (rc < 0) return rc;
    }
    return 0;
}

/// Rules shared by the allow-list profiles: threads, self-signals, self-limits, the one execve.
static int add_allow_list_rules(scmp_filter_ctx ctx, const char *exec_path) {
    int rc = add_list(ctx, SCMP_ACT_ALLOW, native_calls, sizeof native_calls / sizeof *native_calls);
    if (rc < 0) return rc;
    struct scmp_arg_cmp thread_clone = SCMP_A0(SCMP_CMP_MASKED_EQ, CLONE_THREAD | namespace_flags, CLONE_THREAD);
    if ((rc = add_named(ctx, SCMP_ACT_ALLOW, "clone", 1, &thread_clone)) < 0) return rc;
    // glibc tries clone3 first and falls back to clone on ENOSYS, where the flags can be checked.
    if ((rc = add_named(ctx, SCMP_ACT_ERRNO(ENOSYS), "clone3", 0, NULL)) < 0) return rc;
    struct scmp_arg_cmp own_group = SCMP_A0(SCMP_CMP_MASKED_EQ, 0xffffffffu, 0);
    if ((rc = add_named(ctx, SCMP_ACT_ALLOW, "kill", 1, &own_group)) < 0) return rc;
    struct scmp_arg_cmp self = SCMP_A0(SCMP_CMP_EQ, 0);
    if ((rc = add_named(ctx, SCMP_ACT_ALLOW, "prlimit64", 1, &self)) < 0) return rc;
    if ((rc = add_named(ctx, SCMP_ACT_ALLOW, "setrlimit", 0, NULL)) < 0) return rc;
    struct scmp_arg_cmp own_path = SCMP_A0(SCMP_CMP_EQ, (scmp_datum_t)(uintptr_t)exec_path);
    if ((rc = add_named(ctx, SCMP_ACT_ALLOW, "execve", 1, &own_path)) < 0) return rc;
    // Between loading the filter and execve the child unshares its fd table (see run.c).
    struct scmp_arg_cmp files_only = SCMP_A0(SCMP_CMP_EQ, CLONE_FILES);
    return add_named(ctx, SCMP_ACT_ALLOW, "unshare", 1, &files_only);
}

static int add_tool_rules(scmp_filter_ctx ctx) {
    int rc = add_list(ctx, SCMP_ACT_NOTIFY, tool_denied_calls, sizeof tool_denied_calls / sizeof *tool_denied_calls);
    if (rc < 0) return rc;
    struct scmp_arg_cmp everyone = SCMP_A0(SCMP_CMP_MASKED_EQ, 0xffffffffu, 0xffffffffu);
    if ((rc = add_named(ctx, SCMP_ACT_NOTIFY, "kill", 1, &everyone)) < 0) return rc;
    // Tools may fork, but never into new namespaces.
    static const scmp_datum_t each_namespace[] = {
        CLONE_NEWNS, CLONE_NEWCGROUP, CLONE_NEWUTS, CLONE_NEWIPC, CLONE_NEWUSER, CLONE_NEWPID, CLONE_NEWNET,
    };
    for (size_t i = 0; i < sizeof each_namespace / sizeof *each_namespace; i++) {
        struct scmp_arg_cmp has_flag = SCMP_A0(SCMP_CMP_MASKED_EQ, each_namespace[i], each_namespace[i]);
        if ((rc = add_named(ctx, SCMP_ACT_NOTIFY, "clone", 1, &has_flag)) < 0) return rc;
    }
    if ((rc = add_named(ctx, SCMP_ACT_ERRNO(ENOSYS), "clone3", 0, NULL)) < 0) return rc;
    // Only the fd-table unshare that run.c makes after loading the filter.
    struct scmp_arg_cmp not_files = SCMP_A0(SCMP_CMP_NE, CLONE_FILES);
    return add_named(ctx, SCMP_ACT_NOTIFY, "unshare", 1, &not_files);
}

int csandbox_build_filter(csandbox_profile profile, const char *exec_path, csandbox_bpf *out) {
    uint32_t default_action = profile == CSANDBOX_PROFILE_TOOL ? SCMP_ACT_ALLOW : SCMP_ACT_NOTIFY;
    scmp_filter_ctx ctx = seccomp_init(default_action);
    if (ctx == NULL) return ENOMEM;
    int rc = seccomp_attr_set(ctx, SCMP_FLTATR_ACT_BADARCH, SCMP_ACT_KILL_PROCESS);
    if (rc == 0) rc = seccomp_attr_set(ctx, SCMP_FLTATR_CTL_NNP, 0);  // the child sets no_new_privs itself
    if (rc == 0) rc = seccomp_attr_set(ctx, SCMP_FLTATR_CTL_OPTIMIZE, 2);  // binary tree: fewer instructions per call
    if (rc == 0) {
        if (profile == CSANDBOX_PROFILE_TOOL) {
            rc = add_tool_rules(ctx);
        } else {
            rc = add_allow_list_rules(ctx, exec_path);
            if (rc == 0 && (profile == CSANDBOX_PROFILE_PYTHON || profile == CSANDBOX_PROFILE_PYPY))
                rc = add_list(ctx, SCMP_ACT_ALLOW, python_calls, sizeof python_calls / sizeof *python_calls);
            if (rc == 0 && profile == CSANDBOX_PROFILE_PYPY)
                rc = add_list(ctx, SCMP_ACT_ALLOW, pypy_calls, sizeof pypy_calls / sizeof *pypy_calls);
        }
    }
    int memfd = -1;
    if (rc == 0) {
        memfd = memfd_create("csandbox-bpf", MFD_CLOEXEC);
        if (memfd < 0) rc = -errno;
    }
    if (rc == 0) rc = seccomp_export_bpf(ctx, memfd);
    seccomp_release(ctx);
    if (rc < 0) {
        if (memfd >= 0) close(memfd);
        return -rc;
    }
    off_t size = lseek(memfd, 0, SEEK_END);
    if (size <= 0 || size % sizeof(struct sock_filter) != 0) {
        close(memfd);
        return EINVAL;
    }
    struct sock_filter *instructions = malloc((size_t)size);
    if (instructions == NULL) {
        close(memfd);
        return ENOMEM;
    }
    ssize_t got = pread(memfd, instructions, (size_t)size, 0);
    close(memfd);
    if (got != size) {
        free(instructions);
        return EIO;
    }
    out->instructions = instructions;
    out->length = (unsigned short)(size / sizeof(struct sock_filter));
    return 0;
}

const char *csandbox_syscall_name(int nr) {
    static __thread char name[32];
    char *resolved = seccomp_syscall_resolve_num_arch(SCMP_ARCH_NATIVE, nr);
    if (resolved == NULL) return NULL;
    strncpy(name, resolved, sizeof name - 1);
    name[sizeof name - 1] = 0;
    free(resolved);
    return name;
}
