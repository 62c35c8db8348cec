// kreport's command line: parses arguments into plain structs and hands them to the
// commands. Nothing else happens here.
#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/spdlog.h>

#include <CLI/CLI.hpp>
#include <csignal>
#include <filesystem>
#include <iostream>

#include "commands.h"
#include "kreport/error.h"
#include "kreport/files.h"
#include "show_command.h"

namespace {

constexpr const char* kExitCodes = R"(
Exit codes:
  0  success
  1  usage error (bad option or argument)
  2  input rejected: missing, empty, not a PDF, truncated or damaged, encrypted
     (or wrong --password), no pages, no usable text on any page, or over a
     limit (--max-size, --timeout, --max-memory, ulimit -v; a record over 32 MiB,
     a folder of over a million entries); an archive that is missing (query),
     not a kreport archive, or of a newer schema version
  3  some inputs failed (batch: documents that did not convert; validate, index:
     invalid or unreadable records), the others were processed
  4  output could not be written (also a closed stdout)
  5  internal error (a bug: please report it with the input file)
  129, 130, 143  batch stopped by SIGHUP, SIGINT, SIGTERM: workers killed,
     temporary files removed, summary written with the rest pending; a rerun
     does the rest
Errors are one line on stderr: "kreport: FILE: reason". Data goes to stdout or -o.)";

// A check that reads the option's text (before CLI11 converts it), so that every limit is
// refused the same way: "--timeout: expected seconds: ...; got 'nan'".
CLI::Validator limit_check(std::string (*check)(const std::string&), const char* what) {
  return CLI::Validator([check](std::string& text) { return check(text); }, what);
}

void add_limits(CLI::App* cmd, kreport::cli::Limits& limits) {
  using namespace kreport::cli;
  cmd->add_option("--timeout", limits.timeout,
                  "Give up on a document when this many seconds pass without a page or a "
                  "stage finished (0: never); a long document of slow pages runs to its end")
      ->capture_default_str()
      ->check(limit_check(check_timeout, "SECONDS"));
  cmd->add_option("--max-pages", limits.max_pages,
                  "Read at most this many pages of a document, with a warning (0: all)")
      ->capture_default_str()
      ->check(limit_check(check_max_pages, "N"));
  cmd->add_option("--max-size", limits.max_size_mb,
                  "Reject inputs larger than this many MiB (0: any)")
      ->capture_default_str()
      ->check(limit_check(check_max_size, "MIB"));
  cmd->add_option("--max-memory", limits.max_memory_mb,
                  "Stop a document that needs more than this many MiB of address space (0: no "
                  "limit; default: 1024, or the machine's memory divided by the documents "
                  "converted at once if that is less, but at least 256)")
      ->check(limit_check(check_max_memory, "MIB"));
}

void add_ocr(CLI::App* cmd, kreport::OcrMode& mode) {
  using kreport::OcrMode;
  cmd->add_option_function<std::string>(
         "--ocr",
         [&mode](const std::string& v) {
           mode = v == "off" ? OcrMode::off : v == "force" ? OcrMode::force : OcrMode::automatic;
         },
         "OCR (Tesseract): auto reads pages with no text and image text with no\n"
         "/ActualText; off never; force reads every page by OCR instead of its text")
      ->check(CLI::IsMember({"auto", "off", "force"}))
      ->default_str("auto");
}

// --format and --chunk-chars: the record, or one of its views (kreport/views.h).
void add_view(CLI::App* cmd, kreport::ViewOptions& view, bool json_too) {
  std::string what = json_too ? "json (the record), md or chunks" : "md or chunks";
  cmd->add_option_function<std::string>(
         "--format", [&view](const std::string& v) { view.format = kreport::output_format(v); },
         "Write " + what +
             ": md is one Markdown document (YAML front matter, the sections with their "
             "headings, paragraphs, bullets and tables), chunks the retrieval chunks as JSON "
             "Lines (schema kreport.chunk); both are views of the record")
      ->check(json_too ? CLI::IsMember({"json", "md", "chunks"}) : CLI::IsMember({"md", "chunks"}))
      ->default_str(json_too ? "json" : "")
      ->required(!json_too);
  cmd->add_option("--chunk-chars", view.chunk_chars,
                  "chunks: at most this many characters of text a chunk, ending at a block's "
                  "end (a longer paragraph or table row is a chunk of its own, oversize). "
                  "800 fits Korean prose into the 512 tokens of the smaller multilingual "
                  "embedding models (multilingual-e5: about 0.6 tokens a character)")
      ->capture_default_str()
      ->check(CLI::Range(kreport::kMinChunkChars, kreport::kMaxChunkChars));
}

}  // namespace

int main(int argc, char** argv) {
  // First of all: no file opened later may take the number of a closed stdin/stdout/stderr.
  kreport::occupy_closed_std_fds();
  // A closed stdout (`kreport extract r.pdf | head -c 1`) is a write error, exit 4, not death
  // by SIGPIPE.
  std::signal(SIGPIPE, SIG_IGN);
  // stdout carries data only; everything for people goes to stderr.
  auto log = spdlog::stderr_logger_st("kreport");
  log->set_pattern("kreport: %v");
  spdlog::set_default_logger(log);

  CLI::App app{
      "kreport turns Korean securities-research PDFs (broker reports) into JSON records that\n"
      "follow a versioned JSON Schema (\"kreport.report\", see `kreport schema`).\n\n"
      "Examples (each one is run by the tests as written):\n"
      "  kreport extract report.pdf                  # print the record on stdout\n"
      "  cat report.pdf | kreport extract -          # the same, from standard input\n"
      "  kreport extract report.pdf -o r.json --pretty\n"
      "  kreport batch reports/ -o records/ -j 4     # a folder, in parallel, surviving bad files\n"
      "  kreport batch reports/ --jsonl > all.jsonl  # every record as one JSON line\n"
      "  kreport validate records/*.json             # check records against their schema\n"
      "  kreport batch reports/ --jsonl | kreport index - --db archive.sqlite\n"
      "  kreport query archive.sqlite target-prices 005930   # ask the archive\n"
      "  kreport rules ratings                       # the rating words kreport knows\n"
      "  kreport show report.pdf --page 1 -o page.png   # the page with what kreport saw\n"};
  app.name("kreport");
  app.footer(kExitCodes);
  app.set_version_flag("--version", std::string("kreport ") + KREPORT_VERSION);
  app.require_subcommand(1);

  kreport::cli::ExtractArgs ex;
  CLI::App* extract = app.add_subcommand("extract", "Extract one PDF into one JSON record");
  extract->add_option("input", ex.input, "PDF file, or - for standard input")->required();
  extract->add_option(
      "-o,--output", ex.output,
      "Write the record to this file instead of stdout (atomically; a device or FIFO "
      "is written in place)");
  extract->add_option("--password", ex.password, "Password of an encrypted PDF (user or owner)");
  extract->add_flag("--pretty", ex.pretty, "Indent the JSON (default: one compact line)");
  extract->add_flag("-q,--quiet", ex.quiet,
                    "Do not print warnings on stderr (they stay in the record)");
  extract->add_flag("--timings", ex.timings,
                    "Print how long each step took (load, lines, tables, order, ...) on stderr; "
                    "load and lines add up the time of both cores reading pages");
  extract->add_flag("--explain", ex.explain,
                    "Print on stderr which rule decided kind, broker, date, each analyst, title, "
                    "ticker, rating and target price, and from which text on which page (never "
                    "in the record)");
  extract
      ->add_option(
          "--dump-stage", ex.dump_stage,
          "STAGES DIR: write what a stage produced (lines, regions, tables, blocks, or all; "
          "comma-separated) to DIR/<stage>.json, e.g. to make a test of a bad page")
      ->expected(2)
      ->type_name("STAGES DIR");
  extract
      ->add_option("--threads", ex.threads,
                   "Cores to read the pages on, 1 to 8 (default: 2 on a machine with two or "
                   "more); the record is the same with any")
      ->check(CLI::Range(1, 8));
  add_limits(extract, ex.limits);
  add_ocr(extract, ex.ocr);
  add_view(extract, ex.view, true);
  extract->footer(std::string(R"(
Examples:
  kreport extract report.pdf -o r.json --pretty     # to a file, written atomically
  kreport extract locked.pdf --password secret      # an encrypted PDF
  kreport extract scan.pdf --ocr off                # never OCR: a scan is rejected (exit 2)
  kreport extract report.pdf --dump-stage lines,tables dump/ > /dev/null
  kreport extract report.pdf --format md -o report.md     # Markdown, for people and LLMs
  kreport extract report.pdf --format chunks > chunks.jsonl  # retrieval chunks
)") + kExitCodes);

  kreport::cli::BatchArgs ba;
  CLI::App* batch =
      app.add_subcommand("batch", "Convert a folder of PDFs in parallel, surviving bad files");
  batch->add_option("in_dir", ba.in_dir, "Folder of PDFs")->required();
  batch->add_option("-o,--output", ba.out_dir, "Folder for the records (mirrors sub-folders)");
  batch->add_option("-j,--jobs", ba.jobs, "Documents converted at once (default: one per core)")
      ->check(limit_check(kreport::cli::check_jobs, "N"));
  batch->add_flag("--force", ba.force, "Convert even the inputs whose records are up to date");
  batch->add_flag("--jsonl", ba.jsonl,
                  "Write every record as one line on stdout, in input order, instead of files");
  batch->add_option("--summary", ba.summary,
                    "Write the summary here instead of OUT_DIR/_summary.json");
  batch->add_option("--password", ba.password, "Password for encrypted PDFs");
  batch->add_option("--shard", ba.shard,
                    "K/N: only shard K of N (an array job's task); auto: from Slurm's or "
                    "Kubernetes' task index (see below)");
  batch->add_flag("-q,--quiet", ba.quiet, "Print failures only (no progress, no per-file lines)");
  add_limits(batch, ba.limits);
  add_ocr(batch, ba.ocr);
  add_view(batch, ba.view, true);
  batch->footer(
      std::string("\nExamples:\n"
                  "  kreport batch reports/ -o records/             # every *.pdf under reports/\n"
                  "  kreport batch reports/ --jsonl > all.jsonl     # JSON Lines, in input order\n"
                  "  kreport batch reports/ -o md/ --format md      # one Markdown file a report\n"
                  "  kreport batch reports/ -o records/ --shard 2/3 # task 2 of an array of 3\n"
                  "\nEvery *.pdf under IN_DIR (recursively, any case of .pdf) becomes\n"
                  "OUT_DIR/<same path>.json. Each document runs in its own process: a bad or\n"
                  "crashing file is reported and the others still convert. Outputs are written\n"
                  "atomically; a rerun skips records that are up to date (same input SHA-256 and\n"
                  "kreport version). OUT_DIR/_summary.json lists every input with its status,\n"
                  "pages, warnings and time. Progress is shown on a terminal only. Each worker\n"
                  "keeps --timeout and --max-memory itself and dies with kreport.\n"
                  "--format md writes OUT_DIR/<same path>.md, chunks .jsonl (or, with --jsonl,\n"
                  "every report's chunks on stdout); those are converted on every run.\n"
                  "\n--shard K/N converts the inputs whose record path hashes to K (SHA-256,\n"
                  "first 8 bytes mod N, plus 1): N tasks over one folder and one OUT_DIR cover\n"
                  "every input once, each writing OUT_DIR/_summary.K-of-N.json. --shard auto\n"
                  "reads SLURM_ARRAY_TASK_ID (from SLURM_ARRAY_TASK_MIN) and _COUNT, or\n"
                  "JOB_COMPLETION_INDEX or AWS_BATCH_JOB_ARRAY_INDEX with KREPORT_SHARD_COUNT.\n") +
      kExitCodes);

  kreport::cli::ValidateArgs va;
  CLI::App* validate = app.add_subcommand("validate", "Check records against their JSON Schema");
  validate->add_option("inputs", va.inputs, "Record files, or - for standard input")->required();
  validate->add_flag("-q,--quiet", va.quiet, "Print problems only, not the final count");
  validate->footer(
      std::string(
          "\nExamples:\n"
          "  kreport validate records/*.json               # records and the batch summary\n"
          "  kreport extract report.pdf | kreport validate -\n"
          "\nEach record is checked against the schema version it names\n"
          "(schema_version). A file may hold one record or JSON Lines; every\n"
          "problem is one line on stderr: FILE[:LINE]: /json/pointer: what is wrong.\n"
          "A record is at most 32 MiB (exit 2 beyond) and nests at most 64 deep\n"
          "(invalid beyond: exit 3).\n") +
      kExitCodes);

  kreport::cli::IndexArgs ia;
  CLI::App* index = app.add_subcommand("index", "Index records into a queryable SQLite archive");
  index->add_option("records", ia.inputs, "Record files, folders of them, or - (JSON Lines)");
  index->add_option("--db", ia.db, "The archive (an SQLite file; created when missing)");
  index
      ->add_option("--merge", ia.merge,
                   "INTO FROM...: merge the archives FROM into INTO (created when missing)")
      ->expected(2, 1 << 20);
  index->add_option("--batch", ia.batch, "Records written per transaction")
      ->capture_default_str()
      ->check(CLI::PositiveNumber);
  index->add_flag("--force", ia.force, "Replace records even when they are up to date");
  index->add_flag("-q,--quiet", ia.quiet, "Print problems only, not the final count");
  index->footer(std::string(R"(
Examples:
  kreport batch reports/ --jsonl | kreport index - --db archive.sqlite
  kreport index records/ --db archive.sqlite     # every *.json under records/
  kreport index new.json --db archive.sqlite     # add one record
  kreport index --merge archive.sqlite node2.sqlite   # node2's reports into archive.sqlite

A record is known by its PDF's sha256: one already indexed from the same kreport version
is skipped, one from a newer kreport replaces it (--force: any). A record that fails its
schema (records of schema 1.0 to 1.4 are read) is one line on stderr,
"FILE: invalid record, skipped: /json/pointer: reason", and the others are indexed (exit 3).
Records are committed every --batch records: an interrupted run keeps what it committed and
a rerun completes it. An archive of a newer schema version is refused; an older one is
brought up to date (its new columns NULL) when kreport opens it. Bounds: a record is at
most 32 MiB (exit 2 beyond) and nests at most 64 deep (invalid beyond); a folder holds at
most a million entries (exit 2 beyond).
A folder written by a batch's shards is read whole (every shard's records; the summaries,
_summary.json and _summary.K-of-N.json, are left out). --merge copies the reports of other
archives in, by the same rule (a newer kreport's replaces, the same version is skipped): a
second merge changes nothing.
Ask with kreport query, or in SQL (sqlite3 archive.sqlite; the tables are in README.md).
)") + kExitCodes);

  kreport::cli::QueryArgs qa;
  CLI::App* query = app.add_subcommand("query", "Ask the archive one of the documented questions");
  query->add_option("archive", qa.db, "The archive made by kreport index")->required();
  query->add_option("name", qa.name, "Which question (see below)")->required();
  query->add_option("args", qa.args, "Its arguments");
  query->add_option("--since", qa.since, "Only rows dated on or after this day (YYYY-MM-DD)");
  query->add_option("--until", qa.until, "Only rows dated on or before this day (YYYY-MM-DD)");
  query->add_option("--limit", qa.limit, "At most this many rows (0: all)")
      ->check(CLI::NonNegativeNumber);
  query
      ->add_option("--section", qa.section,
                   "search and text: only blocks of this section kind (summary, body, ...)")
      ->check(CLI::IsMember({"summary", "sidebar", "body", "peer_table", "calendar", "appendix",
                             "compliance", "disclaimer", "other"}));
  query
      ->add_option("--format", qa.format,
                   "table or jsonl (default: a table on a terminal, JSON Lines otherwise)")
      ->check(CLI::IsMember({"table", "jsonl"}));
  query->footer("\nQuestions:\n" + kreport::cli::query_list() + R"(
Examples:
  kreport query archive.sqlite target-prices 005930
  kreport query archive.sqlite forecasts 삼성전자 operating_profit 2025
  kreport query archive.sqlite spread 005930 operating_profit 2025
  kreport query archive.sqlite quarters 005930 operating_profit 2Q25
  kreport query archive.sqlite revisions 삼성전자 --since 2025-01-01
  kreport query archive.sqlite search HBM --since 2025-01-01
  kreport query archive.sqlite search 영업이익 --section summary
  kreport query archive.sqlite text 005930 --section summary --since 2025-01-01
  kreport query archive.sqlite analyst 박성민 --format jsonl
  kreport query archive.sqlite peers SK하이닉스 --limit 20

TICKER is the 6-digit code or the company name as printed; METRIC an estimates metric
(revenue, operating_profit, net_profit, eps, ...); QUARTER a fiscal quarter (2Q25, 2025Q2).
spread compares firms on value x scale (382,000억원 = 38,200십억원). search finds TEXT as written (letters in
any case) in any block of text, text gives a company's reports block by block, and both keep
one section kind with --section (the summaries of every report on 005930 this year: text
005930 --section summary --since 2026-01-01); peers gives every table of companies that
compared one (a ticker, or a name as printed in any case), a row per company and value; a row's date is the report's publication date (the history
point's date for target-prices), which --since and --until filter. Rows come in a fixed
order, so the same records always give the same answer. An argument is at most 256
characters and a DATE a day the calendar has (else exit 1). Anything else: SQL on the archive.
)" + kExitCodes);

  std::string schema_version, schema_name = "report";
  CLI::App* schema = app.add_subcommand("schema", "Print the JSON Schema of the record");
  schema->add_option("--version", schema_version, "Schema version, e.g. 1.0 (default: current)");
  schema
      ->add_option("--name", schema_name, "Which schema: report (default), batch_summary or chunk")
      ->check(CLI::IsMember({"report", "batch_summary", "chunk"}));
  schema->footer(R"(
Examples:
  kreport schema > report.schema.json           # the record's schema, as kreport writes it
  kreport schema --version 1.0                  # an older version
  kreport schema --name batch_summary           # batch's _summary.json
  kreport schema --name chunk > chunk.schema.json   # a line of --format chunks
)");

  kreport::cli::RenderArgs ra;
  CLI::App* render = app.add_subcommand(
      "render", "Write saved records as Markdown or retrieval chunks, without the PDFs");
  render->add_option("records", ra.inputs, "Record files (one record, or JSON Lines), or -")
      ->required();
  render->add_option("-o,--output", ra.output, "Write here instead of stdout (atomically)");
  add_view(render, ra.view, false);
  render->footer(std::string(R"(
Examples:
  kreport render records/company_report.json --format md      # as extract --format md
  kreport render records/*.json --format chunks > chunks.jsonl
  kreport extract report.pdf | kreport render - --format md -o report.md

The output is byte for byte what extract and batch write with the same --format from the
PDF: Markdown and chunks are views of the record. Each record is validated first; one that
fails its schema is one line on stderr and the others are rendered (exit 3).
)") + kExitCodes);

  std::vector<std::string> rule_names;
  CLI::App* rules = app.add_subcommand(
      "rules", "List the rule tables: the words and forms kreport reads, each with an example");
  rules->add_option("tables", rule_names, "Only these tables (e.g. ratings date_forms)");
  rules->footer(
      "\nExamples:\n"
      "  kreport rules                                 # every table\n"
      "  kreport rules ratings date_forms              # two of them\n"
      "\nEvery row is a rule the stages apply (a rating word, a date form, a section\n"
      "heading, a column label...) with a real example it holds on; the test suite runs\n"
      "each rule on its example.\n");

  kreport::cli::ShowArgs sa;
  CLI::App* show = kreport::cli::add_show_command(app, sa);

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    // CLI11 exits with its own 100+ codes; ours are documented, so map them here.
    if (e.get_exit_code() == 0) {
      app.exit(e);  // --help, --version: on std::cout, whose failure is an output error too
      if (!std::cout.flush()) {
        spdlog::error("-: cannot write to standard output");
        return kreport::kExitOutput;
      }
      return kreport::kExitOk;
    }
    // A file whose name starts with '-' is taken for an option: say how to name it.
    std::string hint;
    for (int i = 1; i < argc; ++i)
      if (argv[i][0] == '-' && argv[i][1] != '\0' && std::filesystem::exists(argv[i]))
        hint = std::string("; ") + argv[i] + " is a file: put -- before it (kreport extract -- " +
               argv[i] + ")";
    spdlog::error("{}{} (see kreport --help)", e.what(), hint);
    return kreport::kExitUsage;
  }
  if (*extract) return kreport::cli::run_extract(ex);
  if (*batch) return kreport::cli::run_batch(ba);
  if (*validate) return kreport::cli::run_validate(va);
  if (*rules) return kreport::cli::run_rules(rule_names);
  if (*render) return kreport::cli::run_render(ra);
  if (*index) return kreport::cli::run_index(ia);
  if (*query) return kreport::cli::run_query(qa);
  if (*show) return kreport::cli::run_show(sa);
  if (*schema) return kreport::cli::run_schema("kreport." + schema_name, schema_version);
  return kreport::kExitUsage;
}
