// Slots: the reusable part of a sandbox (uid, cgroups, compiled filters, the child's stack).
#include "internal.h"

#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

enum { child_stack_size = 256 * 1024 };

/// Makes the slot, or returns an errno with *step naming what failed (the caller destroys what was made).
static int make_slot(const csandbox_slot_options *options, csandbox_slot *slot, const char **step,
                     int *view_error, const char **view_step) {
    slot->uid = -1;
    slot->gid = -1;
    slot->mount_ns_fd = -1;
    slot->user_ns_fd = -1;
    slot->cgroup.lock_fd = -1;
    slot->cgroup.memory_procs_fd = slot->cgroup.pids_procs_fd = -1;
    slot->cgroup.usage_fd = slot->cgroup.failcnt_fd = slot->cgroup.events_fd = -1;
    if (options->claim && geteuid() == 0) {
        int64_t number;
        int error = csandbox_cgroup_claim(&slot->cgroup, options->use_cgroups, &number);
        if (error != 0) {
            *step = "claim a slot number";
            return error;
        }
        if (options->drop_uid) slot->uid = slot->gid = options->uid_base + number;
    }
    slot->child_stack_size = child_stack_size;
    slot->child_stack = mmap(NULL, child_stack_size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_STACK,
                             -1, 0);
    if (slot->child_stack == MAP_FAILED) {
        slot->child_stack = NULL;
        *step = "map child stack";
        return csandbox_failure();
    }
    for (int profile = 0; profile < CSANDBOX_PROFILE_COUNT; profile++) {
        int error = csandbox_build_filter((csandbox_profile)profile, slot->exec_path, &slot->filters[profile]);
        if (error != 0) {
            *step = "build seccomp filter";
            return error;
        }
    }
    slot->reset_signals = 0;
    for (int sig = 1; sig < 64; sig++) {
        struct sigaction current;
        if (sigaction(sig, NULL, &current) == 0 && current.sa_handler == SIG_IGN) slot->reset_signals |= 1ULL << sig;
    }
    static const int verdict_signals[] = {SIGPIPE, SIGXFSZ, SIGXCPU, SIGCHLD, SIGINT, SIGQUIT, SIGTERM, SIGHUP};
    for (size_t i = 0; i < sizeof verdict_signals / sizeof *verdict_signals; i++)
        slot->reset_signals |= 1ULL << verdict_signals[i];
    if (options->view != NULL) {
        *view_error = csandbox_view_create(options->view, &slot->mount_ns_fd, &slot->user_ns_fd, view_step);
    }
    slot->protections = CSANDBOX_PROTECT_SECCOMP;
    if (slot->mount_ns_fd >= 0) slot->protections |= CSANDBOX_PROTECT_VIEW;
    int abi = csandbox_landlock_abi();
    if (abi >= 1) slot->protections |= CSANDBOX_PROTECT_LANDLOCK;
    if (abi >= 4) slot->protections |= CSANDBOX_PROTECT_LANDLOCK_NET;
    if (abi >= 6) slot->protections |= CSANDBOX_PROTECT_LANDLOCK_SIGNAL_SCOPE;
    if (slot->uid >= 0 && slot->uid != (int64_t)getuid()) slot->protections |= CSANDBOX_PROTECT_UID;
    if (slot->cgroup.version != 0) slot->protections |= CSANDBOX_PROTECT_CGROUP_MEMORY;
    if (slot->cgroup.version != 0 && !(slot->protections & CSANDBOX_PROTECT_UID))
        slot->protections |= CSANDBOX_PROTECT_CGROUP_PIDS;
    return 0;
}

int csandbox_slot_create(const csandbox_slot_options *options, csandbox_slot **slot, const char **step,
                         int *view_error, const char **view_step) {
    *slot = NULL;
    *step = NULL;
    *view_error = 0;
    *view_step = NULL;
    csandbox_slot *made = calloc(1, sizeof *made);
    if (made == NULL) {
        *step = "allocate slot";
        return ENOMEM;
    }
    int error = make_slot(options, made, step, view_error, view_step);
    if (error != 0) {
        csandbox_slot_destroy(made);
        return error;
    }
    *slot = made;
    return 0;
}

void csandbox_slot_destroy(csandbox_slot *slot) {
    if (slot == NULL) return;
    csandbox_cgroup_close(&slot->cgroup);
    if (slot->mount_ns_fd >= 0) close(slot->mount_ns_fd);
    if (slot->user_ns_fd >= 0) close(slot->user_ns_fd);
    for (int profile = 0; profile < CSANDBOX_PROFILE_COUNT; profile++) free(slot->filters[profile].instructions);
    if (slot->child_stack != NULL) munmap(slot->child_stack, slot->child_stack_size);
    free(slot);
}

uint32_t csandbox_slot_protections(const csandbox_slot *slot) {
    return slot->protections;
}

int64_t csandbox_slot_uid(const csandbox_slot *slot) {
    return slot->uid;
}
