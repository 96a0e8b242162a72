// evsim: event-driven neuromorphic simulator. Thin CLI over the library.
#include <CLI/CLI.hpp>
#include <cstdio>
#include <exception>

#include "apps/commands.hpp"
#include "core/error.hpp"

namespace evsim {
int g_exit_code = 0;
}

int main(int argc, char** argv) {
  CLI::App app{
      "evsim: event-driven simulation of sparse neural networks (EGRU, VSN, NIR spiking nets)\n"
      "with counted costs and measured dense vs event-driven execution"};
  app.require_subcommand(1);
  evsim::register_info(app);
  evsim::register_run(app);
  evsim::register_compare(app);
  evsim::register_bench(app);
  evsim::register_convert(app);
  evsim::register_eval(app);
  evsim::register_calibrate(app);
  evsim::register_reorder(app);
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {  // CLI11's own errors, as one line like every other
    std::fprintf(stderr, "evsim: error: %s (see --help)\n", e.what());
    return e.get_exit_code() ? e.get_exit_code() : 2;
  } catch (const evsim::Error& e) {
    std::fprintf(stderr, "evsim: error: %s\n", e.what());
    return 2;
  } catch (const std::bad_alloc&) {
    std::fprintf(stderr, "evsim: error: out of memory\n");
    return 3;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "evsim: internal error: %s\n", e.what());
    return 70;
  }
  return evsim::g_exit_code;
}
