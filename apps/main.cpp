// evsim: event-driven neuromorphic simulator. Thin CLI over the library.
#include <CLI/CLI.hpp>
#include <cstdio>
#include <exception>
#include <string>
#include <vector>

#include "apps/commands.hpp"
#include "core/allocator.hpp"
#include "core/error.hpp"
#include "data/atomic_file.hpp"
#include "data/hdf5_library.hpp"

namespace evsim {
int g_exit_code = 0;
std::vector<std::string> g_command_line;
}  // namespace evsim

namespace {

// One line, whatever a file put into a name: control characters become visible escapes.
std::string printable(const std::string& s) {
  std::string out;
  for (unsigned char c : s) {
    if (c == '\n') {
      out += "\\n";
    } else if (c < 0x20 || c == 0x7f) {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\x%02x", c);
      out += buf;
    } else {
      out += static_cast<char>(c);
    }
  }
  return out;
}

int fail(const std::string& what, int code) {
  std::fprintf(stderr, "evsim: error: %s\n", printable(what).c_str());
  return code;
}

}  // namespace

int main(int argc, char** argv) {
  evsim::skip_hdf5_exit_handler();
  evsim::keep_freed_memory();
  CLI::App app{
      "evsim: event-driven simulation of sparse neural networks (EGRU, VSN, NIR spiking nets)\n"
      "with counted costs and measured dense vs event-driven execution"};
  app.require_subcommand(1);
  evsim::g_command_line.assign(argv, argv + argc);
  evsim::register_info(app);
  evsim::register_run(app);
  evsim::register_compare(app);
  evsim::register_bench(app);
  evsim::register_convert(app);
  evsim::register_eval(app);
  evsim::register_sweep(app);
  evsim::register_report(app);
  evsim::register_calibrate(app);
  evsim::register_reorder(app);
  evsim::register_data(app);
  evsim::install_output_signal_cleanup();
  try {
    // Every output of the command becomes visible together, and only if it succeeded.
    evsim::OutputTransaction outputs;
    app.parse(argc, argv);
    outputs.commit();
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {  // CLI11's own errors, as one line like every other
    return fail(std::string(e.what()) + " (see --help)", e.get_exit_code() ? e.get_exit_code() : 2);
  } catch (const evsim::Error& e) {
    return fail(e.what(), 2);
  } catch (const std::bad_alloc&) {
    return fail("out of memory (a size in the input beyond this machine; see --max-memory)", 3);
  } catch (const std::length_error&) {
    return fail("a size in the input is beyond what can be allocated", 3);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "evsim: internal error: %s\n", printable(e.what()).c_str());
    return 70;
  }
  return evsim::g_exit_code;
}
