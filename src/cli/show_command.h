// `kreport show`: its options and its run, apart from main.cc so that adding it touched
// main.cc by three lines.
#pragma once

#include <string>

#include "kreport/load.h"

namespace CLI {
class App;
}

namespace kreport::cli {

struct ShowArgs {
  std::string input;   // path or "-"
  std::string output;  // a .png or .svg file (one page), or a folder (--pages)
  std::string password;
  int page = 1;
  std::string pages;           // "1-3", "2,4", "all"; empty: --page alone
  std::string format = "png";  // of the pictures written into a folder
  double dpi = 96;
  bool quiet = false;
  bool timings = false;
  OcrMode ocr = OcrMode::automatic;
};

/// Adds the `show` subcommand with its options to `app`.
CLI::App* add_show_command(CLI::App& app, ShowArgs& args);

/// `kreport show`: pictures of pages with what the stages found. Returns the exit code.
int run_show(const ShowArgs& args);

}  // namespace kreport::cli
