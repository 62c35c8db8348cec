// The one catch of the command line: a command throws, this prints the one line and returns
// the exit code from kreport::exit_code's table.
#include <spdlog/spdlog.h>

#include <new>

#include "command.h"
#include "kreport/error.h"
#include "kreport/guard.h"

namespace kreport::cli {

int run_guarded(const std::string& command, const Run& run) {
  // Read after parsing: the input file or archive the options named, else the command.
  bool named = run.subject && !run.subject->empty();
  std::string subject = named ? one_line(*run.subject) : command;
  try {
    return run.body();
  } catch (const Error& e) {
    end_capture();  // stderr may still be captured (extract's guard): give it back first
    if (e.code() == Errc::usage) {
      spdlog::error("{} (see kreport {} --help)", describe(e), command);
      return exit_code(e.code());
    }
    spdlog::error(describe(e.file().empty() && named ? e.in_file(*run.subject) : e));
    return exit_code(e.code());
  } catch (const std::bad_alloc&) {
    end_capture();
    spdlog::error("{}: out of memory", subject);
    return exit_code(Errc::memory);
  } catch (const std::exception& e) {
    end_capture();
    spdlog::error("{}: internal error: {}", subject, e.what());
    return kExitInternal;
  }
}

}  // namespace kreport::cli
