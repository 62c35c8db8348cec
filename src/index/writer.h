// Writing one parsed record into the archive's tables, with statements prepared once.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "sqlite.h"

namespace kreport::archive {

/// What the archive holds for a sha256 already.
struct Existing {
  long long id = 0;
  std::string kreport_version;
};

/// -1, 0, 1 as kreport version `a` ("0.10.1") is older than, the same as or newer than `b`:
/// dotted parts compare as numbers where they start with digits, then as text; a missing
/// part is 0. A record of a newer kreport replaces an older one's.
int compare_versions(const std::string& a, const std::string& b);

class Writer {
 public:
  explicit Writer(sql::Db& db);

  /// The report indexed under `sha256`, if any.
  std::optional<Existing> find(const std::string& sha256);

  /// Deletes report `id` and, through the foreign keys, every row that belongs to it (also
  /// its blocks not written yet).
  void remove(long long id);

  /// Inserts a record (valid against its schema, any version) into every table; its blocks
  /// are written at flush().
  void insert(const nlohmann::json& record);

  /// Writes the blocks of the reports inserted since the last call: call it before a commit.
  void flush();

 private:
  long long insert_report(const nlohmann::json& record);
  void insert_analysts(long long id, const nlohmann::json& document);
  void insert_estimates(long long id, const nlohmann::json& record);
  void insert_rating_history(long long id, const nlohmann::json& compliance);
  void insert_peers(long long id, const nlohmann::json& record);
  void insert_tables(long long id, const nlohmann::json& record);
  void insert_blocks(long long id, const nlohmann::json& record);

  sql::Db& db_;
  sql::Stmt find_, remove_, report_, analyst_, estimate_, history_, peer_, peer_value_, table_,
      blocks_;
  nlohmann::json pending_blocks_ = nlohmann::json::array();  // rows for blocks_, in order
};

}  // namespace kreport::archive
