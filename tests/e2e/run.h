// Runs the real kreport binary from the repository root and captures what it printed.
#pragma once

#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>

namespace kreport::test {

struct Run {
  int code = -1;
  std::string out, err;
};

/// `kreport ARGS` run from the source tree (so fixture paths are relative, as a user types
/// them); `stdin_path`, when given, is fed to standard input. With `raw`, ARGS is the whole
/// shell command (to set an environment variable, say).
Run run_kreport(const std::string& args, const std::string& stdin_path = "", bool raw = false);

/// `kreport ARGS` run in the folder `cwd` (a user's own working directory), stdin empty.
Run run_kreport_in(const std::filesystem::path& cwd, const std::string& args);

/// `kreport ARGS` with standard output a pipe whose reading end is already closed, as when
/// the reader (`| head -c 1`) has gone: every write fails with EPIPE.
Run run_kreport_into_closed_pipe(const std::string& args);

/// The record `kreport extract -q ARGS` prints; a run that fails fails the test and gives an
/// empty object.
nlohmann::json extract_record(const std::string& args);

/// The repository root, where fixtures/ and tests/golden/ live.
std::filesystem::path source_dir();

std::string read_file(const std::filesystem::path& p);

}  // namespace kreport::test
