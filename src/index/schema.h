// Opening an archive: the schema version check, and the schema itself for a new archive.
#pragma once

#include <memory>
#include <string>

#include "sqlite.h"

namespace kreport::archive {

/// The archive at `path` ready for writing (WAL, foreign keys on), created with the current
/// schema when the file is new or empty. Throws Error(invalid) for a file that is not a
/// kreport archive or whose schema version is newer than kArchiveVersion.
std::unique_ptr<sql::Db> open_for_writing(const std::string& path);

/// The archive at `path`, read-only, after the same checks. Throws Error(io) when missing.
std::unique_ptr<sql::Db> open_for_reading(const std::string& path);

}  // namespace kreport::archive
