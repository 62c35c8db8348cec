// Recoverable problems: collected by the stages, never dropped, written to the record.
#pragma once

#include <string>
#include <vector>

namespace kreport {

/// Something the extractor noticed and could not do. `code` is a stable UPPER_SNAKE word.
struct Warning {
  std::string code;
  int page = 0;  // 1-based; 0 when it concerns the whole document
  std::string message;
};

/// The sink stages append warnings to.
class Diagnostics {
 public:
  void warn(std::string code, int page, std::string message);
  const std::vector<Warning>& warnings() const { return warnings_; }
  bool has(const std::string& code) const;

 private:
  std::vector<Warning> warnings_;
};

}  // namespace kreport
