// Reading inputs and writing outputs without ever leaving a half-written file.
#pragma once

#include <string>

namespace kreport {

/// The whole file, or standard input for "-". Throws Error(io) naming the path.
std::string read_input(const std::string& path);

/// Writes `data` to a temporary file beside `path`, then renames it over `path`, so readers
/// see either the old file or the complete new one. Throws Error(output).
void write_file_atomic(const std::string& path, const std::string& data);

}  // namespace kreport
