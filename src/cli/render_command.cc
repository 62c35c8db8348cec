// `kreport render`: a saved record in another form (Markdown, chunks), with no PDF needed.
// Each record is validated first; one that fails is one line on stderr and the others are
// rendered (exit 3), as `validate` counts them.
#include <spdlog/spdlog.h>

#include <CLI/CLI.hpp>

#include "command.h"
#include "kreport/error.h"
#include "kreport/files.h"
#include "kreport/records.h"
#include "kreport/views.h"

namespace kreport::cli {
namespace {

struct RenderArgs {
  std::vector<std::string> inputs;  // saved records (one, or JSON Lines), or "-"
  std::string output;               // empty: stdout
  ViewOptions view;
};

int run_render(const RenderArgs& args) {
  int bad = 0, over = 0;
  std::string out;
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
  if (bad > 0) return kExitSomeFailed;
  return over > 0 ? kExitInput : kExitOk;
}

}  // namespace

Run define_render(CLI::App& cmd) {
  auto args = std::make_shared<RenderArgs>();
  cmd.add_option("records", args->inputs, "Record files (one record, or JSON Lines), or -")
      ->required();
  cmd.add_option("-o,--output", args->output, "Write here instead of stdout (atomically)");
  add_view(cmd, args->view, false);
  cmd.footer(footer(R"(
Examples:
  kreport render records/company_report.json --format md      # as extract --format md
  kreport render records/*.json --format chunks > chunks.jsonl
  kreport extract report.pdf | kreport render - --format md -o report.md

The output is byte for byte what extract and batch write with the same --format from the
PDF: Markdown and chunks are views of the record. Each record is validated first; one that
fails its schema is one line on stderr and the others are rendered (exit 3).
)"));
  return {[args] { return run_render(*args); }, nullptr};
}

}  // namespace kreport::cli
