# SPDX-License-Identifier: GPL-2.0
"""gdb commands for looking at Faultline's memory, loaded by make gdb.

In the style of Linux's scripts/gdb (lx-ps, lx-dmesg) and the crash
utility's vm and vtop:

    lx-ps                  every task: pid, tgid, state, mm, command
    lx-dmesg               the kernel log, oldest line first
    lx-vmas [PID]          a task's VMAs: range, flags, offset, file, anon_vma
    lx-vtop ADDR [PID]     a user address through the task's page tables:
                           each level's entry decoded, then its struct page
    lx-rmap ADDR [PID]     every mapping of the page at ADDR, through the rmap's
                           interval tree (anon_vma or i_mmap), as rmap_walk

PID defaults to the current task (the one the breakpoint stopped in).
They read memory only: the kernel is stopped while they run.
"""
import gdb

PAGE_SHIFT = 12
PTE_PFN_MASK = 0x000ffffffffff000
ENTRY_FLAGS = [(0, "P"), (1, "W"), (2, "U"), (3, "PWT"), (4, "PCD"), (5, "A"), (6, "D"),
               (7, "PS"), (8, "G"), (9, "SP"), (11, "SD"), (63, "NX")]
VM_FLAGS = [(0x1, "r"), (0x2, "w"), (0x4, "x"), (0x8, "s")]


def ulong(value):
    return int(value.cast(gdb.lookup_type("unsigned long")))


def container_of(ptr, typename, member):
    """The struct typename whose member is at address ptr."""
    t = gdb.lookup_type(typename)
    offset = next(f.bitpos // 8 for f in t.fields() if f.name == member)
    return gdb.Value(ulong(ptr) - offset).cast(t.pointer())


def list_entries(head, typename, member):
    """Each struct typename on the list head (a struct list_head value)."""
    node = head["next"]
    while ulong(node) != ulong(head.address):
        yield container_of(node, typename, member)
        node = node["next"]


def interval_tree_overlaps(root, typename, rb_member, subtree_member, first_last, pgoff):
    """Each struct typename in the interval tree root (a struct
    rb_root_cached value) whose [first, last] holds pgoff, in start order:
    the kernel's subtree search (include/linux/interval_tree_generic.h),
    skipping every subtree whose highest last is below pgoff."""
    def node(rb):
        return container_of(rb, typename, rb_member)

    def walk(rb):
        if ulong(rb) == 0:
            return
        n = node(rb)
        subtree_last = n
        for name in subtree_member.split("."):
            subtree_last = subtree_last[name]
        if ulong(subtree_last) < pgoff:
            return
        yield from walk(rb["rb_left"])
        first, last = first_last(n)
        if first > pgoff:
            return
        if last >= pgoff:
            yield n
        yield from walk(rb["rb_right"])

    yield from walk(root["rb_root"]["rb_node"])


def vma_pgoffs(vma):
    first = ulong(vma["vm_pgoff"])
    return first, first + ((ulong(vma["vm_end"]) - ulong(vma["vm_start"])) >> PAGE_SHIFT) - 1


def tasks():
    init = gdb.parse_and_eval("init_task")
    yield init.address
    yield from list_entries(init["tasks"], "struct task_struct", "tasks")


def find_task(arg):
    """The task named by a pid argument, or the current one."""
    if not arg.strip():
        return gdb.parse_and_eval("current_task")
    pid = int(gdb.parse_and_eval(arg))
    for t in tasks():
        if int(t["pid"]) == pid:
            return t
    raise gdb.GdbError(f"no task with pid {pid}")


def task_mm(task):
    mm = task["mm"]
    if ulong(mm) == 0:
        raise gdb.GdbError(f"pid {int(task['pid'])} has no address space (a kernel thread)")
    return mm


def phys_to_virt(paddr):
    return paddr + ulong(gdb.parse_and_eval("page_offset_base"))


def read_u64(vaddr):
    return int(gdb.Value(vaddr).cast(gdb.lookup_type("unsigned long").pointer()).dereference())


def decode_entry(val):
    return "[" + " ".join(n for bit, n in ENTRY_FLAGS if val >> bit & 1) + "]"


def struct_page(pfn):
    t = gdb.lookup_type("struct page")
    base = ulong(gdb.parse_and_eval("vmemmap_base"))
    return gdb.Value(base + pfn * t.sizeof).cast(t.pointer())


def page_flag_names(flags):
    names = []
    for f in gdb.lookup_type("enum pageflags").fields():
        if f.name.startswith("PG_") and f.enumval < 64 and flags >> f.enumval & 1 and \
           f.name not in names and f.name != "__NR_PAGEFLAGS":
            names.append(f.name[3:])
    return ",".join(names) or "-"


def describe_page(page):
    mapping = ulong(page["mapping"])
    kind = f"anon_vma {mapping - 1:#x}" if mapping & 1 else f"mapping {mapping:#x}"
    return (f"struct page {ulong(page):#x}: flags {ulong(page['flags']):#x} "
            f"({page_flag_names(ulong(page['flags']))}) _refcount {int(page['_refcount']['counter'])} "
            f"_mapcount {int(page['_mapcount']['counter'])} {kind} index {ulong(page['index']):#x}")


class LxPs(gdb.Command):
    """lx-ps: every task: pid, tgid, state, mm and command."""

    def __init__(self):
        super().__init__("lx-ps", gdb.COMMAND_DATA)

    def invoke(self, arg, from_tty):
        gdb.write(f"{'PID':>6} {'TGID':>6} {'STATE':>5} {'MM':>18}  COMM\n")
        for t in tasks():
            gdb.write(f"{int(t['pid']):6} {int(t['tgid']):6} {int(t['__state']):5} "
                      f"{ulong(t['mm']):#18x}  {t['comm'].string()}\n")


class LxDmesg(gdb.Command):
    """lx-dmesg: the kernel log buffer, oldest first."""

    def __init__(self):
        super().__init__("lx-dmesg", gdb.COMMAND_DATA)

    def invoke(self, arg, from_tty):
        buf = gdb.parse_and_eval("log_buf")		# kernel/printk.c
        size = int(buf.type.sizeof)
        written = ulong(gdb.parse_and_eval("log_next"))
        start = max(0, written - size)
        data = gdb.selected_inferior().read_memory(buf.address, size).tobytes()
        text = bytes(data[i % size] for i in range(start, written))
        gdb.write(text.decode(errors="replace"))


class LxVmas(gdb.Command):
    """lx-vmas [PID]: the task's VMAs: range, flags, page offset, file, anon_vma."""

    def __init__(self):
        super().__init__("lx-vmas", gdb.COMMAND_DATA)

    def invoke(self, arg, from_tty):
        task = find_task(arg)
        vma = task_mm(task)["mmap"]
        while ulong(vma):
            flags = ulong(vma["vm_flags"])
            perms = "".join(c if flags & b else "-" for b, c in VM_FLAGS[:3])
            perms += "s" if flags & 0x8 else "p"
            name = ""
            if ulong(vma["vm_file"]):
                name = vma["vm_file"]["f_path"]["dentry"]["d_name"]["name"].string()
            gdb.write(f"{ulong(vma['vm_start']):012x}-{ulong(vma['vm_end']):012x} {perms} "
                      f"pgoff {ulong(vma['vm_pgoff']):#x} flags {flags:#x} "
                      f"anon_vma {ulong(vma['anon_vma']):#x} {name}\n")
            vma = vma["vm_next"]


def walk(mm, addr, out):
    """Print each level's entry for addr; the PTE's value, or None."""
    table = ulong(mm["pgd"])
    for level, shift in (("pgd", 39), ("pud", 30), ("pmd", 21), ("pte", 12)):
        index = addr >> shift & 511
        entry = read_u64(table + index * 8)
        out(f"{level}[{index:3}] at {table + index * 8:#x}: {entry:#018x} {decode_entry(entry)}\n")
        if not entry & 1:
            out(f"  not present: {addr:#x} is not mapped\n")
            return None
        if level == "pte":
            return entry
        table = phys_to_virt(entry & PTE_PFN_MASK)
    return None


class LxVtop(gdb.Command):
    """lx-vtop ADDR [PID]: ADDR through the task's page tables, then its struct page."""

    def __init__(self):
        super().__init__("lx-vtop", gdb.COMMAND_DATA)

    def invoke(self, arg, from_tty):
        args = gdb.string_to_argv(arg)
        if not args:
            raise gdb.GdbError("usage: lx-vtop ADDR [PID]")
        addr = ulong(gdb.parse_and_eval(args[0]))
        mm = task_mm(find_task(" ".join(args[1:])))
        pte = walk(mm, addr, gdb.write)
        if pte is None:
            return
        pfn = (pte & PTE_PFN_MASK) >> PAGE_SHIFT
        gdb.write(f"{addr:#x} -> physical {(pfn << PAGE_SHIFT) | (addr & 0xfff):#x} (pfn {pfn:#x})\n")
        gdb.write(describe_page(struct_page(pfn)) + "\n")


def owner(mm):
    for t in tasks():
        if ulong(t["mm"]) == ulong(mm):
            return f"pid {int(t['pid'])} ({t['comm'].string()})"
    return "no task"


class LxRmap(gdb.Command):
    """lx-rmap ADDR [PID]: every mapping of the page at ADDR, found through the rmap."""

    def __init__(self):
        super().__init__("lx-rmap", gdb.COMMAND_DATA)

    def invoke(self, arg, from_tty):
        args = gdb.string_to_argv(arg)
        if not args:
            raise gdb.GdbError("usage: lx-rmap ADDR [PID]")
        addr = ulong(gdb.parse_and_eval(args[0]))
        pte = walk(task_mm(find_task(" ".join(args[1:]))), addr, lambda s: None)
        if pte is None:
            raise gdb.GdbError(f"{addr:#x} is not mapped")
        pfn = (pte & PTE_PFN_MASK) >> PAGE_SHIFT
        page = struct_page(pfn)
        gdb.write(describe_page(page) + "\n")
        mapping = ulong(page["mapping"])
        index = ulong(page["index"])
        if mapping & 1:
            anon_vma = gdb.Value(mapping - 1).cast(gdb.lookup_type("struct anon_vma").pointer())
            avcs = interval_tree_overlaps(anon_vma["rb_root"], "struct anon_vma_chain", "rb",
                                          "rb_subtree_last", lambda avc: vma_pgoffs(avc["vma"]),
                                          index)
            vmas = [avc["vma"] for avc in avcs]
            gdb.write(f"anonymous: anon_vma {mapping - 1:#x} (root {ulong(anon_vma['root']):#x}), "
                      f"page offset {index:#x}\n")
        else:
            space = gdb.Value(mapping).cast(gdb.lookup_type("struct address_space").pointer())
            vmas = list(interval_tree_overlaps(space["i_mmap"], "struct vm_area_struct", "shared",
                                               "shared.rb_subtree_last", vma_pgoffs, index))
            gdb.write(f"file: address_space {mapping:#x}, i_mmap, page offset {index:#x}\n")
        for vma in vmas:
            start, end, pgoff = ulong(vma["vm_start"]), ulong(vma["vm_end"]), ulong(vma["vm_pgoff"])
            where = start + ((index - pgoff) << PAGE_SHIFT)
            if index < pgoff or where >= end:
                gdb.write(f"  VMA {start:#x}-{end:#x} of {owner(vma['vm_mm'])}: cannot hold it (a stale key in the tree)\n")
                continue
            mapped = walk(vma["vm_mm"], where, lambda s: None)
            maps = mapped is not None and (mapped & PTE_PFN_MASK) >> PAGE_SHIFT == pfn
            gdb.write(f"  {where:#x} in VMA {start:#x}-{end:#x} of {owner(vma['vm_mm'])}: "
                      f"{'mapped' if maps else 'not mapped there'}\n")


for command in (LxPs, LxDmesg, LxVmas, LxVtop, LxRmap):
    command()
