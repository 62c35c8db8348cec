// The options that several commands share, declared once so that they read and refuse values
// the same way in every command.
#include <CLI/CLI.hpp>

#include "command.h"
#include "kreport/error.h"

namespace kreport::cli {
namespace {

// A check that reads the option's text (before CLI11 converts it), so that every limit is
// refused the same way: "--timeout: expected seconds: ...; got 'nan'".
CLI::Validator limit_check(std::string (*check)(const std::string&), const char* what) {
  return CLI::Validator([check](std::string& text) { return check(text); }, what);
}

}  // namespace

void add_limits(CLI::App& cmd, Limits& limits) {
  cmd.add_option("--timeout", limits.timeout,
                 "Give up on a document when this many seconds pass without a page or a "
                 "stage finished (0: never); a long document of slow pages runs to its end")
      ->capture_default_str()
      ->check(limit_check(check_timeout, "SECONDS"));
  cmd.add_option("--max-pages", limits.max_pages,
                 "Read at most this many pages of a document, with a warning (0: all)")
      ->capture_default_str()
      ->check(limit_check(check_max_pages, "N"));
  cmd.add_option("--max-size", limits.max_size_mb,
                 "Reject inputs larger than this many MiB (0: any)")
      ->capture_default_str()
      ->check(limit_check(check_max_size, "MIB"));
  cmd.add_option("--max-memory", limits.max_memory_mb,
                 "Stop a document that needs more than this many MiB of address space (0: no "
                 "limit; default: 1024, or the machine's memory divided by the documents "
                 "converted at once if that is less, but at least 256)")
      ->check(limit_check(check_max_memory, "MIB"));
}

void add_jobs(CLI::App& cmd, int& jobs) {
  cmd.add_option("-j,--jobs", jobs, "Documents converted at once (default: one per core)")
      ->check(limit_check(check_jobs, "N"));
}

void add_ocr(CLI::App& cmd, OcrMode& mode) {
  cmd.add_option_function<std::string>(
         "--ocr",
         [&mode](const std::string& v) {
           mode = v == "off" ? OcrMode::off : v == "force" ? OcrMode::force : OcrMode::automatic;
         },
         "OCR (Tesseract): auto reads pages with no text and image text with no\n"
         "/ActualText; off never; force reads every page by OCR instead of its text")
      ->check(CLI::IsMember({"auto", "off", "force"}))
      ->default_str("auto");
}

void add_view(CLI::App& cmd, ViewOptions& view, bool json_too) {
  std::string what = json_too ? "json (the record), md or chunks" : "md or chunks";
  cmd.add_option_function<std::string>(
         "--format", [&view](const std::string& v) { view.format = output_format(v); },
         "Write " + what +
             ": md is one Markdown document (YAML front matter, the sections with their "
             "headings, paragraphs, bullets and tables), chunks the retrieval chunks as JSON "
             "Lines (schema kreport.chunk); both are views of the record")
      ->check(json_too ? CLI::IsMember({"json", "md", "chunks"}) : CLI::IsMember({"md", "chunks"}))
      ->default_str(json_too ? "json" : "")
      ->required(!json_too);
  cmd.add_option("--chunk-chars", view.chunk_chars,
                 "chunks: at most this many characters of text a chunk, ending at a block's "
                 "end (a longer paragraph or table row is a chunk of its own, oversize). "
                 "800 fits Korean prose into the 512 tokens of the smaller multilingual "
                 "embedding models (multilingual-e5: about 0.6 tokens a character)")
      ->capture_default_str()
      ->check(CLI::Range(kMinChunkChars, kMaxChunkChars));
}

std::string warning_line(const std::string& file, const Warning& w) {
  std::string where = one_line(file) + (w.page > 0 ? " (page " + std::to_string(w.page) + ")" : "");
  return where + ": warning " + w.code + ": " + one_line(w.message);
}

std::string footer(const std::string& examples) {
  return examples + exit_codes_help();
}

}  // namespace kreport::cli
