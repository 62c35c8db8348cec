// Reading inputs and writing outputs without ever leaving a half-written file.
#pragma once

#include <filesystem>
#include <functional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

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

/// A folder argument as typed, less its trailing slashes ("records/" -> "records", "/" stays):
/// `records` and `records/` then name the same outputs and print the same paths.
std::string folder_arg(std::string path);

/// Where `path` is on this machine, for comparing locations (never for showing): absolute,
/// `.`, `..` and symbolic links resolved as far as the path exists, no trailing separator.
/// The same for a relative or absolute spelling, before or after the folder is created.
std::filesystem::path real_location(const std::string& path);

/// True when `location` (a real_location) is `root` or inside it.
bool is_within(const std::filesystem::path& root, const std::filesystem::path& location);

/// Checks, before any work, that a file can be made at `path`: its name does not end in a
/// slash (that names a folder) and the folder it goes in exists (an output file's folder is
/// never created, as with cp or a shell's >). Throws Error(output) with the cause otherwise.
void check_output_file(const std::string& path);

/// Creates the folder `path` and the folders above it when missing (batch's OUT_DIR,
/// --dump-stage's DIR). Throws Error(output) naming the folder when it cannot be made.
void make_folders(const std::string& path);

/// Writes all of `data` to standard output with write(2) (no stdio buffer that could hide a
/// failure until exit). Throws Error(output) naming "-" with the cause: a closed pipe (EPIPE),
/// a full disk (ENOSPC), a closed stdout (EBADF). When stdout is a regular file, what a failed
/// write left of `data` is cut off again, so the file holds whole records only.
void write_stdout(std::string_view data);

/// Standard input, output and error that are closed are opened on /dev/null before anything
/// else opens a file, which would take their number (a copy of stderr made as fd 1 put the
/// record on stderr): stdin write-only and stdout read-only, so that reading or writing them
/// still fails (EBADF) as it would have closed, stderr writable (what kreport says is lost).
void occupy_closed_std_fds();

/// The most entries (files and folders) a folder given to batch or index may hold, all its
/// sub-folders counted: a million documents is a large archive; past that the folder was
/// most likely given by mistake (a home folder, /), and listing it would take the memory.
inline constexpr size_t kMaxFolderEntries = 1000000;

/// What is under a folder: the files `wanted` picked, as paths relative to it ('/'-separated,
/// sorted), and the sub-folders that could not be read, with why ("locked: Permission
/// denied"). Folders are walked, not followed through symbolic links.
struct FolderListing {
  std::vector<std::string> files;
  std::vector<std::pair<std::string, std::string>> unreadable;  // relative folder, reason
};

/// Lists `dir`. `wanted` sees each entry that is not a folder (a dangling link too). Throws
/// Error(io) when `dir` itself is not a folder or cannot be read, Error(too_large) past
/// `max_entries`.
FolderListing list_folder(const std::string& dir,
                          const std::function<bool(const std::filesystem::path&)>& wanted,
                          size_t max_entries = kMaxFolderEntries);

/// Removes what write_file_atomic left beside `path` in processes that were killed before
/// they could (NAME.tmpPID, its process gone). Quiet: a file it cannot remove stays.
void remove_stale_temps(const std::string& path);

/// True when `name` is a temporary file write_file_atomic made for a record (x.json.tmpPID,
/// or x.md, x.jsonl: batch --format)
/// and its process is gone.
bool is_stale_temp(const std::string& name);

/// True when process `pid` is gone (so what it left behind is no one's).
bool process_gone(long pid);

/// The temporary file write_file_atomic(path) uses in process `pid`: what to remove when
/// that process was killed while writing.
std::string atomic_temp_path(const std::string& path, int pid);

}  // namespace kreport
