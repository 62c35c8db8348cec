// `kreport render`: a saved record in another form (Markdown, chunks), with no PDF needed.
// Each record is validated first; one that fails is one line on stderr and the others are
// rendered (exit 3), as `validate` counts them.
#include <spdlog/spdlog.h>

#include "commands.h"
#include "kreport/error.h"
#include "kreport/files.h"
#include "kreport/records.h"
#include "kreport/views.h"

namespace kreport::cli {

int run_render(const RenderArgs& args) {
  int bad = 0, over = 0;
  std::string out;
  try {
    if (!args.output.empty()) check_output_file(args.output);
    for (const std::string& path : args.inputs)
      read_records(path, [&](RecordInput&& r) {
        if (!r.problem.empty()) {
          spdlog::error("{}: {}", one_line(r.name), r.problem);
          ++(r.over_limit ? over : bad);
          return;
        }
        try {
          out += render_record(r.text, args.view);
        } catch (const Error& e) {
          spdlog::error("{}: {}", one_line(r.name), one_line(e.message()));
          ++bad;
        }
      });
    if (args.output.empty())
      write_stdout(out);
    else
      write_file_atomic(args.output, out);
  } catch (const Error& e) {
    spdlog::error(describe(e));
    return exit_code(e.code());
  } catch (const std::exception& e) {
    spdlog::error("render: internal error: {}", e.what());
    return kExitInternal;
  }
  if (bad > 0) return kExitSomeFailed;
  return over > 0 ? kExitInput : kExitOk;
}

}  // namespace kreport::cli
