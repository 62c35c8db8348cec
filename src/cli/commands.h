// The subcommands, each a plain function over its parsed options; main.cc only parses.
#pragma once

#include <string>
#include <vector>

#include "kreport/load.h"
#include "kreport/views.h"
#include "limits.h"

namespace kreport::cli {

struct ExtractArgs {
  std::string input;   // path or "-"
  std::string output;  // empty: stdout
  std::string password;
  bool pretty = false;
  bool quiet = false;
  bool timings = false;                 // each step's share of the time, on stderr
  bool explain = false;                 // each field's deciding rule and text, on stderr
  std::vector<std::string> dump_stage;  // {stages, dir}: "lines,tables,blocks" or "all"
  Limits limits;
  OcrMode ocr = OcrMode::automatic;
  int threads = 0;   // cores to read pages on (0: two when the machine has them)
  ViewOptions view;  // --format json|md|chunks, --chunk-chars
};

/// `kreport extract`: one PDF -> one record. Returns the process exit code.
int run_extract(const ExtractArgs& args);

struct BatchArgs {
  std::string in_dir, out_dir, summary, password;
  std::string shard;  // "K/N", "auto", or empty (every input)
  int jobs = 0;       // 0: one per core
  bool force = false, jsonl = false, quiet = false;
  Limits limits;
  OcrMode ocr = OcrMode::automatic;
  ViewOptions view;
};

/// `kreport batch`: a folder of PDFs -> a folder of records (or JSON Lines on stdout).
int run_batch(const BatchArgs& args);

struct ValidateArgs {
  std::vector<std::string> inputs;  // record files, JSON Lines files, or "-"
  bool quiet = false;
};

/// `kreport validate`: checks records against the schema version each one names.
int run_validate(const ValidateArgs& args);

struct RenderArgs {
  std::vector<std::string> inputs;  // saved records (one, or JSON Lines), or "-"
  std::string output;               // empty: stdout
  ViewOptions view;
};

/// `kreport render`: saved records -> Markdown or chunks, the bytes extract gives.
int run_render(const RenderArgs& args);

/// `kreport rules`: prints the rule tables (`names`: only these; unknown names: exit 1).
int run_rules(const std::vector<std::string>& names);

struct IndexArgs {
  std::vector<std::string> inputs;  // record files, folders of them, or "-" (JSON Lines)
  std::string db;
  std::vector<std::string> merge;  // --merge INTO FROM...: archives into the first
  int batch = 100;
  bool force = false, quiet = false;
};

/// `kreport index`: records -> the SQLite archive.
int run_index(const IndexArgs& args);

struct QueryArgs {
  std::string db, name;
  std::vector<std::string> args;
  std::string since, until, format;  // format: "table", "jsonl" or empty (table on a terminal)
  int limit = 0;
  std::string section;  // search, text: one section kind (summary, body, ...); empty: any
};

/// `kreport query`: one named question of the archive, as a table or JSON Lines.
int run_query(const QueryArgs& args);

/// The named queries and their arguments, for `kreport query --help`.
std::string query_list();

/// `kreport schema`: prints schema `name` at `version` (empty: the current one).
int run_schema(const std::string& name, const std::string& version);

}  // namespace kreport::cli
