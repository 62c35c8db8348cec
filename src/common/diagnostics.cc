#include "kreport/diagnostics.h"

#include <algorithm>

namespace kreport {

void Diagnostics::warn(std::string code, int page, std::string message) {
  warnings_.push_back({std::move(code), page, std::move(message)});
}

bool Diagnostics::has(const std::string& code) const {
  return std::any_of(warnings_.begin(), warnings_.end(),
                     [&](const Warning& w) { return w.code == code; });
}

}  // namespace kreport
