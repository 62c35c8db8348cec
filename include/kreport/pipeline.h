// The whole pipeline, bytes -> record, as one call the CLI (and anyone else) can make.
#pragma once

#include <string>
#include <string_view>

#include "kreport/record.h"

namespace kreport {

struct ConvertOptions {
  std::string path = "-";   // how the input is named in the record and in errors
  std::string password;     // user or owner password for encrypted PDFs
  long long max_bytes = 0;  // larger inputs are rejected (0: no limit)
  int max_pages = 0;        // pages after this many are not read, with a warning (0: all)
};

/// Turns one PDF into its record (load, layout, tables, blocks, sections, meaning, record).
/// Throws Error (naming `options.path`) when the input is rejected; everything recoverable
/// ends up in the record's warnings.
Report convert(std::string_view bytes, const ConvertOptions& options);

}  // namespace kreport
