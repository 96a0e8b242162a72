#include "apps/commands.hpp"
#include "core/error.hpp"
#include "data/python_tool.hpp"

namespace evsim {

void register_report(CLI::App& app) {
  auto dir = std::make_shared<std::string>();
  auto* cmd = app.add_subcommand(
      "report", "Plots (PNG, SVG) and a self-contained HTML page + Markdown from a sweep directory (DIR/report/)");
  cmd->add_option("dir", *dir, "A directory `evsim sweep` wrote")->required()->check(CLI::ExistingDirectory);
  cmd->callback([dir] { exec_python_tool("evsim_report.py", {*dir}); });
}

}  // namespace evsim
