#pragma once
// Which paths evsim reads and writes. Inputs must be regular files (a FIFO would block forever,
// a device or directory is never a model); they are remembered, so that no output of the same
// command can resolve to one of them. Outputs must be new paths or existing regular files:
// evsim never writes through a device, FIFO or directory entry (as root, replacing /dev/null
// with a regular file would break the machine).
#include <string>
#include <vector>

namespace evsim {

// Empty when path names an existing regular file (links followed), else what is wrong with it
// ("file does not exist", "is a FIFO, expected a file").
std::string input_file_problem(const std::string& path);
// Throws InputError "<path>: <problem>".
void check_input_file(const std::string& path);
// check_input_file, then, while a command is open (begin_command / end_command: the CLI's
// OutputTransaction brackets every command), remembers the file as one of its inputs.
void register_input(const std::string& path);
void begin_command();
void end_command();
// Throws UsageError "<path>: ..." for an empty path, a missing directory, an existing entry that
// is not a regular file, or a path that resolves to an input of the open command.
void check_output_path(const std::string& path);
// check_output_path for every non-empty path, then refuses two that name the same file (as
// `o.h5` and `./o.h5`, or a link and its target): the second write would replace the first.
void check_output_paths(const std::vector<std::string>& paths);
// The file a path names, whether or not it exists yet (absolute, links and dots resolved).
std::string resolved_path(const std::string& path);

}  // namespace evsim
