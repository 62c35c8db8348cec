// Reading inputs and writing outputs without ever leaving a half-written file.
#pragma once

#include <string>

namespace kreport {

/// The whole file, or standard input for "-". Throws Error(io) naming the path, or
/// Error(too_large) when it is over `max_bytes` (0: no limit), before reading all of it.
std::string read_input(const std::string& path, long long max_bytes = 0);

/// Writes `data` to a temporary file beside `path`, then renames it over `path`, so readers
/// see either the old file or the complete new one. Throws Error(output).
void write_file_atomic(const std::string& path, const std::string& data);

}  // namespace kreport
