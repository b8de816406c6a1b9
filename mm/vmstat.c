// SPDX-License-Identifier: GPL-2.0
/*
 * Global memory counters; the per-zone and per-node ones live in struct
 * zone and struct pglist_data. Linux keeps per-CPU deltas and folds them
 * in periodically; with one CPU the global sums are exact at every moment.
 * Linux: mm/vmstat.c
 */
#include <linux/vmstat.h>

long vm_zone_stat[NR_VM_ZONE_STAT_ITEMS];
long vm_node_stat[NR_VM_NODE_STAT_ITEMS];
unsigned long vm_event_states[NR_VM_EVENT_ITEMS];
