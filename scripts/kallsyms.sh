#!/bin/sh
# Make the kernel's symbol table (kernel/kallsyms.c reads it) from a linked
# image: an assembly file for the .kallsyms section, on standard output.
#   scripts/kallsyms.sh NM IMAGE > kallsyms.S
# Only code and data symbols of the image go in; the table's own symbols and
# the linker's section markers are left out, since they move between links.
set -eu
nm=$1
image=$2

{ [ "$image" = /dev/null ] || "$nm" -n --defined-only "$image"; } |
awk '
	BEGIN { n = 0 }
	NF != 3 || $2 !~ /^[tTwWrRdDbB]$/ { next }
	$3 ~ /^kallsyms_/ || $3 ~ /^__start_kallsyms$/ || $3 == "_end" { next }
	$3 ~ /^\.L/ { next }
	{ addr[n] = $1; name[n] = $3; n++ }
	END {
		print "\t.section .kallsyms, \"a\""
		print "\t.balign 8"
		print "\t.globl kallsyms_num_syms"
		print "kallsyms_num_syms:\n\t.quad " n
		print "\t.globl kallsyms_addresses"
		print "kallsyms_addresses:"
		for (i = 0; i < n; i++)
			print "\t.quad 0x" addr[i]
		print "\t.globl kallsyms_offsets"
		print "kallsyms_offsets:"
		off = 0
		for (i = 0; i < n; i++) {
			print "\t.long " off
			off += length(name[i]) + 1
		}
		print "\t.globl kallsyms_names"
		print "kallsyms_names:"
		for (i = 0; i < n; i++)
			print "\t.asciz \"" name[i] "\""
	}
'
