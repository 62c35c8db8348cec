// Placeholder until the metadata rules land: a broker report of unknown origin.
#include "kreport/extract.h"

namespace kreport {

DocumentInfo extract_document(const std::vector<PageLayout>&, Diagnostics&) { return {}; }

std::optional<Compliance> extract_compliance(const std::vector<PageLayout>&, Diagnostics&) {
  return std::nullopt;
}

}  // namespace kreport
