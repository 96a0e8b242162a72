#pragma once
// Each subcommand registers its options and its callback on the top-level app.
#include <CLI/CLI.hpp>
#include <string>
#include <vector>

namespace evsim {

void register_info(CLI::App& app);
void register_run(CLI::App& app);
void register_compare(CLI::App& app);
void register_bench(CLI::App& app);
void register_convert(CLI::App& app);
void register_eval(CLI::App& app);
void register_sweep(CLI::App& app);
void register_report(CLI::App& app);
void register_calibrate(CLI::App& app);
void register_reorder(CLI::App& app);
void register_data(CLI::App& app);

// Set by a callback that wants a non-zero exit without an error message (e.g. compare
// found a mismatch it already reported).
extern int g_exit_code;
// The command line as given (recorded in results, e.g. a sweep's manifest).
extern std::vector<std::string> g_command_line;

}  // namespace evsim
