// Limit options are read as plain decimal numbers (no sign, no "nan", "inf" or hex) and must
// fall in a range the code can hold; 0 means "no limit" where the option says so. A value
// outside is refused, never wrapped or silently turned into "no limit": `--timeout 1e300`
// once overflowed the batch parent's millisecond count and made it busy-poll, `--max-size
// 1e-9` rounded to 0 bytes, which is "no limit".
#include "limits.h"

#include <cctype>
#include <charconv>
#include <cmath>
#include <optional>

#include "kreport/error.h"
#include "kreport/guard.h"

namespace kreport::cli {
namespace {

constexpr double kMiB = 1024.0 * 1024.0;
// The batch parent waits in milliseconds; steady_clock holds 292 years of nanoseconds.
constexpr double kMinTimeout = 0.001, kMaxTimeout = 1e9;
constexpr long long kMaxPages = 2147483647;  // poppler numbers pages with an int
// One byte at least (a smaller value would round to 0, which means no limit); a PiB at most.
constexpr double kMinSizeMiB = 1.0 / kMiB, kMaxMiB = 1073741824.0;
// The process alone maps ~60 MiB (libraries, ICU data) before it reads a page, and the
// largest real report needs 71 MiB: below this no document converts.
constexpr double kMinMemoryMiB = 128;
// Each running worker holds two descriptors and a process; more is a mistake, not a plan.
constexpr long long kMaxJobs = 1024;

bool is_decimal(const std::string& s) {
  size_t i = 0, digits = 0;
  while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i]))) ++i, ++digits;
  if (i < s.size() && s[i] == '.') ++i;
  while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i]))) ++i, ++digits;
  if (digits == 0) return false;
  if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
    ++i;
    if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
    size_t exp_start = i;
    while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i]))) ++i;
    if (i == exp_start) return false;
  }
  return i == s.size();
}

std::optional<double> decimal(const std::string& s) {
  if (!is_decimal(s)) return std::nullopt;
  double v = 0;
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || end != s.data() + s.size() || !std::isfinite(v)) return std::nullopt;
  return v;
}

std::optional<long long> whole(const std::string& s) {
  long long v = 0;
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (s.empty() || s[0] == '-' || ec != std::errc() || end != s.data() + s.size())
    return std::nullopt;
  return v;
}

std::string got(const std::string& expected, const std::string& text) {
  return expected + "; got '" + one_line(text) + "'";
}

// 0 (off) or a number in [min, max].
std::string check_range(const std::string& text, double min, double max,
                        const std::string& expected) {
  std::optional<double> v = decimal(text);
  if (!v || (*v != 0 && (*v < min || *v > max))) return got(expected, text);
  return "";
}

}  // namespace

long long Limits::max_bytes() const {
  return std::llround(max_size_mb * kMiB);
}

long long Limits::max_memory_bytes(int jobs) const {
  if (max_memory_mb < 0) return default_max_memory_bytes(jobs);
  return std::llround(max_memory_mb * kMiB);
}

std::string check_timeout(const std::string& text) {
  return check_range(text, kMinTimeout, kMaxTimeout,
                     "expected seconds: 0 (no limit) or 0.001 to 1000000000");
}

std::string check_max_size(const std::string& text) {
  return check_range(text, kMinSizeMiB, kMaxMiB,
                     "expected MiB: 0 (no limit) or one byte (0.000001) to 1073741824");
}

std::string check_max_memory(const std::string& text) {
  return check_range(text, kMinMemoryMiB, kMaxMiB,
                     "expected MiB: 0 (no limit) or 128 to 1073741824");
}

std::string check_max_pages(const std::string& text) {
  std::optional<long long> v = whole(text);
  if (!v || *v > kMaxPages) return got("expected a whole number: 0 (all) to 2147483647", text);
  return "";
}

std::string check_jobs(const std::string& text) {
  std::optional<long long> v = whole(text);
  if (!v || *v < 1 || *v > kMaxJobs) return got("expected a whole number from 1 to 1024", text);
  return "";
}

}  // namespace kreport::cli
