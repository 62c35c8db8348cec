// Reading inputs and writing outputs without ever leaving a half-written file.
#pragma once

#include <string>

namespace kreport {

/// The whole file, or standard input for "-". Throws Error(io) naming the path (a folder, a
/// closed standard input, a read error), or Error(too_large) as soon as more than `max_bytes`
/// (0: no limit) are known to be there: before reading a regular file, while reading a pipe
/// or a device such as /dev/zero.
std::string read_input(const std::string& path, long long max_bytes = 0);

/// Writes `data` to `path`. Symbolic links are followed first. A regular file (or none) is
/// written atomically: a temporary file beside it, renamed over it, so readers see either
/// the old file or the complete new one. A device or FIFO (/dev/null, a named pipe) is
/// written in place, never replaced. Throws Error(output) with the cause (errno).
void write_file_atomic(const std::string& path, const std::string& data);

/// The temporary file write_file_atomic(path) uses in process `pid`: what to remove when
/// that process was killed while writing.
std::string atomic_temp_path(const std::string& path, int pid);

}  // namespace kreport
