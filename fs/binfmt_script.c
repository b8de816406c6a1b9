// SPDX-License-Identifier: GPL-2.0
/*
 * "#!" scripts: "#!/bin/sh -e" runs /bin/sh with the arguments
 * ("/bin/sh", "-e", "script", argv[1], ...): the interpreter, its one
 * optional argument, the script's path in place of argv[0].
 * Linux: fs/binfmt_script.c
 */
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/errno.h>
#include <linux/slab.h>
#include <linux/binfmts.h>

static bool spacetab(char c)
{
	return c == ' ' || c == '\t';
}

/*
 * Split the first line into interpreter and argument. A line longer than
 * the buffer is refused if the interpreter's name would be cut (ENOEXEC),
 * as Linux does.
 */
static int parse_shebang(char *buf, char **i_name, char **i_arg)
{
	char *end = memchr(buf, '\n', BINPRM_BUF_SIZE), *cp;

	if (!end) {
		for (cp = buf + 2; cp < buf + BINPRM_BUF_SIZE && spacetab(*cp); cp++)
			;
		while (cp < buf + BINPRM_BUF_SIZE && !spacetab(*cp) && *cp)
			cp++;
		if (cp == buf + BINPRM_BUF_SIZE)
			return -ENOEXEC;	/* the interpreter's name is cut */
		end = buf + BINPRM_BUF_SIZE - 1;
	}
	*end = '\0';
	while (end > buf + 2 && spacetab(end[-1]))
		*--end = '\0';
	for (cp = buf + 2; spacetab(*cp); cp++)
		;
	if (!*cp)
		return -ENOEXEC;	/* no interpreter name */
	*i_name = cp;
	*i_arg = NULL;
	while (*cp && !spacetab(*cp))
		cp++;
	while (spacetab(*cp))
		*cp++ = '\0';
	if (*cp)
		*i_arg = cp;
	return 0;
}

int load_script(struct linux_binprm *bprm)
{
	char *i_name, *i_arg, *interp;
	int err;

	if (bprm->buf[0] != '#' || bprm->buf[1] != '!')
		return -ENOEXEC;
	err = parse_shebang(bprm->buf, &i_name, &i_arg);
	if (err)
		return err;
	interp = kstrdup(i_name, GFP_KERNEL);
	if (!interp)
		return -ENOMEM;
	/* argv becomes: interpreter, [argument,] script path, argv[1..] */
	err = bprm_prepend_arg(bprm, bprm->interp, true);
	if (!err && i_arg)
		err = bprm_prepend_arg(bprm, i_arg, false);
	if (!err)
		err = bprm_prepend_arg(bprm, interp, false);
	if (!err)
		err = bprm_change_interp(interp, bprm);
	if (err)
		kfree(interp);		/* not taken over by bprm */
	return err;
}
