// What the hostile-input tests share: where ../shared/hostile is, scratch folders, and ways
// to see what processes and files a run left behind.
#pragma once

#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>

#include "run.h"

namespace kreport::hostile {

/// ../shared/hostile beside the repository (or $KREPORT_HOSTILE_DIR).
std::filesystem::path shared_dir();

/// A fresh folder named after the running test; remove_scratch() undoes it.
std::filesystem::path scratch_dir(const std::string& prefix);
void remove_scratch(const std::filesystem::path& dir);

/// False under AddressSanitizer, where kreport does not apply --max-memory (ASan reserves
/// terabytes of address space at start, RLIMIT_AS would stop it at once).
bool memory_limit_applies();
constexpr const char* kNoMemoryLimitUnderAsan =
    "ASan build: --max-memory is not applied (see memory_limit_supported())";

/// `kreport ARGS` under /usr/bin/time: `peak_kib` is the largest resident set of kreport and
/// its workers (wait4 reports the maximum over the waited-for tree).
test::Run run_measured(const std::string& args, const std::filesystem::path& scratch,
                       long& peak_kib);

/// OUT/_summary.json.
nlohmann::json summary(const std::filesystem::path& out);

/// Waits up to 2 s until no process has `path` on its command line; false if one stays.
bool wait_until_gone(const std::filesystem::path& path);

/// Files under `dir` whose name holds ".tmp" (what write_file_atomic leaves when killed).
int temporary_files(const std::filesystem::path& dir);

}  // namespace kreport::hostile
