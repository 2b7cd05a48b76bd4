/*
 * commands.h: the command table (commands.c), which main.c dispatches on.
 */
#ifndef SAFER_COMMANDS_H
#define SAFER_COMMANDS_H

#include "cmd/cmd.h"

/* The table, sorted by name. */
extern const struct command commands[];
extern const size_t n_commands;

/* The command called name, or NULL. */
const struct command *command_find(const char *name);

#endif
