// The per-document limits of extract and batch, and the checks that turn what the user
// typed into a value the code can hold or into one line saying why not.
#pragma once

#include <string>

namespace kreport::cli {

/// Per-document resource limits, shared by extract and batch (documented in --help).
struct Limits {
  double timeout = 60;        // seconds without progress (a page or stage done) (0: none)
  int max_pages = 10000;      // pages read per document (0: all)
  double max_size_mb = 1024;  // input size in MiB (0: no limit)
  double max_memory_mb = -1;  // address space in MiB (0: no limit; -1: sized for the machine)

  long long max_bytes() const;
  /// The address-space limit for one of `jobs` documents converted at once, in bytes.
  long long max_memory_bytes(int jobs) const;
};

// Each check returns "" for a value the option takes, else why not; CLI11 prefixes the
// option's name ("--timeout: ...") and main.cc turns it into exit 1.
std::string check_timeout(const std::string& text);
std::string check_max_pages(const std::string& text);
std::string check_max_size(const std::string& text);
std::string check_max_memory(const std::string& text);
std::string check_jobs(const std::string& text);

}  // namespace kreport::cli
