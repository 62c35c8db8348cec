// The subcommands, each a plain function over its parsed options; main.cc only parses.
#pragma once

#include <string>

namespace kreport::cli {

struct ExtractArgs {
  std::string input;   // path or "-"
  std::string output;  // empty: stdout
  std::string password;
  bool pretty = false;
  bool quiet = false;
};

/// `kreport extract`: one PDF -> one record. Returns the process exit code.
int run_extract(const ExtractArgs& args);

}  // namespace kreport::cli
