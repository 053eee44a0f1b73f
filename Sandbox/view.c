// A slot's private filesystem view: a mount namespace whose root is a small read-only tmpfs holding only the
// paths the judge lists (system trees, the work folder, a few device files), made once per slot by a helper
// process. Every run of the slot enters it with setns(2), so a program cannot even stat what lies outside it:
// the problem's folder, its answer files, the judge's own files.
#include "internal.h"

#include <errno.h>
#include <fcntl.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

/// One step of building the view, planned by the judge and carried out by the helper (raw calls only).
typedef struct {
    enum { op_mkdir, op_file, op_symlink, op_bind } kind;
    char *target;  /// the path under the new root
    char *source;  /// bind: the judge's path; symlink: the link's text
    unsigned long flags;  /// bind: the read-only remount's flags
} view_op;

typedef struct {
    view_op *ops;
    size_t count;
    size_t capacity;
    int error;
} view_plan;

static void plan_add(view_plan *plan, int kind, const char *target, const char *source, unsigned long flags) {
    if (plan->error) return;
    if (plan->count == plan->capacity) {
        size_t capacity = plan->capacity ? plan->capacity * 2 : 64;
        view_op *ops = realloc(plan->ops, capacity * sizeof *ops);
        if (ops == NULL) {
            plan->error = ENOMEM;
            return;
        }
        plan->ops = ops;
        plan->capacity = capacity;
    }
    view_op op = {.kind = kind, .target = strdup(target), .source = source ? strdup(source) : NULL, .flags = flags};
    if (op.target == NULL || (source != NULL && op.source == NULL)) {
        free(op.target);
        free(op.source);
        plan->error = ENOMEM;
        return;
    }
    plan->ops[plan->count++] = op;
}

static void plan_free(view_plan *plan) {
    for (size_t i = 0; i < plan->count; i++) {
        free(plan->ops[i].target);
        free(plan->ops[i].source);
    }
    free(plan->ops);
}

/// Plans `mkdir` for every missing parent of `path` (absolute, under the new root), once each.
static void plan_parents(view_plan *plan, const char *root, const char *path) {
    char buffer[4096];
    for (const char *slash = strchr(path + 1, '/'); slash != NULL; slash = strchr(slash + 1, '/')) {
        int length = snprintf(buffer, sizeof buffer, "%s%.*s", root, (int)(slash - path), path);
        if (length < 0 || (size_t)length >= sizeof buffer) {
            plan->error = ENAMETOOLONG;
            return;
        }
        int seen = 0;
        for (size_t i = 0; i < plan->count && !seen; i++)
            seen = plan->ops[i].kind == op_mkdir && strcmp(plan->ops[i].target, buffer) == 0;
        if (!seen) plan_add(plan, op_mkdir, buffer, NULL, 0);
    }
}

/// The mount flags a bind of `path` must keep (a user namespace may not clear them) plus read-only and nosuid.
static unsigned long bind_flags(const char *path, int writable, int device) {
    struct statvfs info;
    unsigned long flags = MS_REMOUNT | MS_BIND | MS_NOSUID | (writable ? 0 : MS_RDONLY) | (device ? 0 : MS_NODEV);
    if (statvfs(path, &info) != 0) return flags;
    if (info.f_flag & ST_RDONLY) flags |= MS_RDONLY;
    if (info.f_flag & ST_NODEV) flags |= MS_NODEV;
    if (info.f_flag & ST_NOEXEC) flags |= MS_NOEXEC;
    if (info.f_flag & ST_NOATIME) flags |= MS_NOATIME;
    if (info.f_flag & ST_NODIRATIME) flags |= MS_NODIRATIME;
    if (info.f_flag & ST_RELATIME) flags |= MS_RELATIME;
    return flags;
}

/// Whether `path` lies beneath a directory already bound (it is then visible already).
static int under_bound_directory(const view_plan *plan, const char *root, const char *path) {
    size_t root_length = strlen(root);
    for (size_t i = 0; i < plan->count; i++) {
        const view_op *op = &plan->ops[i];
        if (op->kind != op_bind) continue;
        const char *bound = op->target + root_length;
        size_t length = strlen(bound);
        if (strncmp(path, bound, length) == 0 && path[length] == '/') return 1;
    }
    return 0;
}

/// Plans `source` to appear at `target` (both absolute; `target` is a path inside the view).
static void plan_path(view_plan *plan, const char *root, const char *source, const char *target, int writable) {
    struct stat info;
    if (lstat(source, &info) != 0) return;  // a system path this machine lacks
    if (under_bound_directory(plan, root, target)) return;
    char where[4096];
    int length = snprintf(where, sizeof where, "%s%s", root, target);
    if (length < 0 || (size_t)length >= sizeof where) {
        plan->error = ENAMETOOLONG;
        return;
    }
    plan_parents(plan, root, target);
    if (S_ISLNK(info.st_mode) && strcmp(source, target) == 0) {
        char link[4096];
        ssize_t size = readlink(source, link, sizeof link - 1);
        if (size < 0) return;
        link[size] = 0;
        plan_add(plan, op_symlink, where, link, 0);
        return;
    }
    if (stat(source, &info) != 0) return;
    int device = S_ISCHR(info.st_mode) || S_ISBLK(info.st_mode);
    plan_add(plan, S_ISDIR(info.st_mode) ? op_mkdir : op_file, where, NULL, 0);
    plan_add(plan, op_bind, where, source, bind_flags(source, writable, device));
}

/// Writes `text` to `path` (helper side: raw calls only).
static int write_text(const char *path, const char *text, size_t length) {
    int fd = open(path, O_WRONLY | O_CLOEXEC);
    if (fd < 0) return -1;
    ssize_t written = write(fd, text, length);
    close(fd);
    return written == (ssize_t)length ? 0 : -1;
}

/// The helper: enters new namespaces, builds the view, pivots into it, reports, waits to be released.
static __attribute__((noreturn)) void helper_main(const view_plan *plan, const char *root, const char *old_root,
                                                  const char *uid_map, const char *gid_map, int report, int release) {
    // Keep only the two pipes: the judge's other descriptors (another run's pipe ends) must not live on here.
    int low = report < release ? report : release, high = report < release ? release : report;
    if (low > 3) syscall(SYS_close_range, 3, low - 1, 0);
    if (high > low + 1) syscall(SYS_close_range, low + 1, high - 1, 0);
    syscall(SYS_close_range, high + 1, ~0U, 0);
    int error = 0;
    const char *step = "";
#define STEP(call, name) \
    if (error == 0 && (call) != 0) { \
        error = errno ? errno : EINVAL; \
        step = name; \
    }
    if (uid_map != NULL) {
        STEP(unshare(CLONE_NEWUSER), "unshare user namespace");
        STEP(write_text("/proc/self/setgroups", "deny", 4), "deny setgroups");
        STEP(write_text("/proc/self/uid_map", uid_map, strlen(uid_map)), "write uid_map");
        STEP(write_text("/proc/self/gid_map", gid_map, strlen(gid_map)), "write gid_map");
    }
    STEP(unshare(CLONE_NEWNS), "unshare mount namespace");
    STEP(mount(NULL, "/", NULL, MS_REC | MS_PRIVATE, NULL), "make mounts private");
    STEP(mount("solve-view", root, "tmpfs", MS_NOSUID | MS_NODEV, "size=1m,nr_inodes=4096,mode=0755"), "mount tmpfs");
    for (size_t i = 0; i < plan->count && error == 0; i++) {
        const view_op *op = &plan->ops[i];
        switch (op->kind) {
        case op_mkdir:
            if (mkdir(op->target, 0755) != 0 && errno != EEXIST) STEP(-1, "make a folder of the view");
            break;
        case op_file: {
            int fd = open(op->target, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
            if (fd >= 0) close(fd);
            else if (errno != EEXIST) STEP(-1, "make a file of the view");
            break;
        }
        case op_symlink:
            STEP(symlink(op->source, op->target), "make a link of the view");
            break;
        case op_bind:
            STEP(mount(op->source, op->target, NULL, MS_BIND | MS_REC, NULL), "bind a path into the view");
            STEP(mount(NULL, op->target, NULL, op->flags, NULL), "make a bound path read-only");
            break;
        }
    }
    STEP(mkdir(old_root, 0700), "make the old root's mount point");
    STEP(syscall(SYS_pivot_root, root, old_root), "pivot_root");
    STEP(chdir("/"), "enter the view");
    STEP(umount2("/.old-root", MNT_DETACH), "detach the old root");
    STEP(rmdir("/.old-root"), "remove the old root's mount point");
    STEP(mount(NULL, "/", NULL, MS_REMOUNT | MS_BIND | MS_RDONLY | MS_NOSUID | MS_NODEV | MS_NOEXEC, NULL),
         "make the view's root read-only");
#undef STEP
    struct {
        int error;
        char step[64];
    } message = {.error = error};
    strncpy(message.step, step, sizeof message.step - 1);
    if (write(report, &message, sizeof message) != (ssize_t)sizeof message) _exit(1);
    char byte;
    while (read(release, &byte, 1) < 0 && errno == EINTR) {
    }
    _exit(0);
}

int csandbox_view_create(const csandbox_view *view, int *mount_ns, int *user_ns, const char **step) {
    *mount_ns = -1;
    *user_ns = -1;
    *step = "plan the view";
    const char *root = view->root;
    view_plan plan = {0};
    for (size_t i = 0; i < view->read_count; i++) plan_path(&plan, root, view->read_paths[i], view->read_paths[i], 0);
    for (size_t i = 0; i < view->write_count; i++) plan_path(&plan, root, view->write_paths[i], view->write_paths[i], 1);
    for (size_t i = 0; i < view->file_count; i++)
        plan_path(&plan, root, view->file_sources[i], view->file_targets[i], view->file_writable[i]);
    if (plan.error != 0) {
        int error = plan.error;
        plan_free(&plan);
        return error;
    }
    char old_root[4096], uid_map[64], gid_map[64];
    snprintf(old_root, sizeof old_root, "%s/.old-root", root);
    int unprivileged = geteuid() != 0;
    snprintf(uid_map, sizeof uid_map, "%u %u 1", (unsigned)geteuid(), (unsigned)geteuid());
    snprintf(gid_map, sizeof gid_map, "%u %u 1", (unsigned)getegid(), (unsigned)getegid());

    int report[2], release[2];
    if (pipe2(report, O_CLOEXEC) != 0) {
        plan_free(&plan);
        *step = "pipe";
        return errno;
    }
    if (pipe2(release, O_CLOEXEC) != 0) {
        int error = errno;
        close(report[0]);
        close(report[1]);
        plan_free(&plan);
        *step = "pipe";
        return error;
    }
    sigset_t all, previous;
    sigfillset(&all);
    pthread_sigmask(SIG_SETMASK, &all, &previous);
    pid_t helper = fork();
    if (helper == 0)
        helper_main(&plan, root, old_root, unprivileged ? uid_map : NULL, unprivileged ? gid_map : NULL, report[1],
                    release[0]);
    int fork_error = errno;
    pthread_sigmask(SIG_SETMASK, &previous, NULL);
    plan_free(&plan);
    close(report[1]);
    close(release[0]);
    if (helper < 0) {
        close(report[0]);
        close(release[1]);
        *step = "fork the view's helper";
        return fork_error;
    }
    struct {
        int error;
        char step[64];
    } message = {.error = EPIPE};
    static __thread char failed_step[64];
    ssize_t got;
    while ((got = read(report[0], &message, sizeof message)) < 0 && errno == EINTR) {
    }
    int error = got == (ssize_t)sizeof message ? message.error : EPIPE;
    if (error != 0) {
        snprintf(failed_step, sizeof failed_step, "%s", got == (ssize_t)sizeof message ? message.step : "helper");
        *step = failed_step;
    } else {
        char path[64];
        snprintf(path, sizeof path, "/proc/%d/ns/mnt", (int)helper);
        *mount_ns = open(path, O_RDONLY | O_CLOEXEC);
        if (*mount_ns < 0) {
            error = errno;
            *step = "open the view's mount namespace";
        } else if (unprivileged) {
            snprintf(path, sizeof path, "/proc/%d/ns/user", (int)helper);
            *user_ns = open(path, O_RDONLY | O_CLOEXEC);
            if (*user_ns < 0) {
                error = errno;
                *step = "open the view's user namespace";
                close(*mount_ns);
                *mount_ns = -1;
            }
        }
    }
    close(release[1]);  // the helper leaves; the namespaces live on through the fds
    close(report[0]);
    while (waitpid(helper, NULL, __WALL) < 0 && errno == EINTR) {
    }
    return error;
}
