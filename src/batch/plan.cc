// Planning a batch: which inputs there are and what each needs. Inputs are every entry named
// *.pdf under IN_DIR that is not a folder, sorted, so that a dangling link or a FIFO with that
// name is reported instead of silently left out. Before a worker is forked for an input, the
// planner settles the ones that need none: a second input claiming the same output (a.pdf,
// a.PDF), a record already up to date (same SHA-256 of the input, same kreport version:
// skipped, keeping the record's pages and warnings), an input that is not a regular file,
// and an output that would land outside OUT_DIR through a symbolic link. With --shard, only
// the inputs of that shard are planned (shard.cc); the others are another task's.
#include <algorithm>
#include <nlohmann/json.hpp>

#include "batch_parts.h"
#include "kreport/error.h"
#include "kreport/files.h"
#include "kreport/load.h"

namespace kreport::batch {
namespace {

namespace fs = std::filesystem;

bool is_pdf_name(const fs::path& p) {
  std::string ext = p.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(),
                 [](unsigned char c) { return std::tolower(c); });
  return ext == ".pdf";
}

// The record at `output` was made from these very bytes by this very version of kreport:
// its pages and warnings, or nullopt.
std::optional<FileResult> up_to_date(const std::string& input, const std::string& output) {
  std::error_code ec;
  if (!fs::is_regular_file(output, ec)) return std::nullopt;
  try {
    auto record = nlohmann::json::parse(read_input(output));
    if (record.at("extractor").at("version") != KREPORT_VERSION ||
        record.at("source").at("sha256") != sha256_hex(read_input(input)))
      return std::nullopt;
    FileResult r;
    r.pages = record.at("source").at("pages").get<int>();
    r.warnings = static_cast<int>(record.at("warnings").size());
    return r;
  } catch (const std::exception&) {
    return std::nullopt;  // unreadable or not ours: convert again
  }
}

// Why `input` cannot be read as a file, or "" when it can be tried.
std::string not_a_file(const std::string& input) {
  std::error_code ec;
  fs::file_status st = fs::status(input, ec);
  // A loop of links (ELOOP) is not a missing file: the reason says which it is.
  if (ec && ec != std::errc::no_such_file_or_directory) return "cannot open: " + ec.message();
  if (!fs::exists(st)) {
    if (fs::is_symlink(fs::symlink_status(input, ec)))
      return "cannot open: a symbolic link to " + fs::read_symlink(input, ec).string() +
             ", which does not exist";
    return "cannot open: No such file or directory";
  }
  if (!fs::is_regular_file(st)) return "cannot read: not a regular file";
  return "";
}

// Where `target` really lands, links resolved, is not inside `root` (a real_location).
bool escapes(const fs::path& root, const std::string& target) {
  return !is_within(root, real_location(fs::path(target).parent_path().string()));
}

FileResult failed(const Job& job, Errc code, const std::string& message) {
  FileResult r;
  r.input = job.input;
  r.status = "failed";
  r.error = errc_name(code);
  r.message = message;
  return r;
}

}  // namespace

FileResult failed_to_start(const Job& job, const std::string& why) {
  return failed(job, Errc::resource, why);
}

std::vector<Job> plan_jobs(const FolderListing& found, const BatchOptions& options,
                           const fs::path& scratch) {
  std::vector<Job> jobs;
  auto mine = [&options](const std::string& rel) {
    return !options.shard.on() || shard_of(fs::path(rel).replace_extension(".json").string(),
                                           options.shard.count) == options.shard.index;
  };
  for (const std::string& rel : found.files)
    if (mine(rel)) jobs.push_back({rel, "", "", ""});
  for (const auto& [rel, why] : found.unreadable)
    if (mine(rel)) jobs.push_back({rel, "", "", why});
  std::sort(jobs.begin(), jobs.end(), [](const Job& a, const Job& b) { return a.rel < b.rel; });
  for (size_t i = 0; i < jobs.size(); ++i) {
    fs::path rel = jobs[i].rel;
    jobs[i].input = (fs::path(options.in_dir) / rel).string();
    if (!jobs[i].unreadable.empty()) continue;  // a folder: never converted
    jobs[i].target = options.jsonl ? (scratch / (std::to_string(i) + ".json")).string()
                                   : (fs::path(options.out_dir) /
                                      rel.replace_extension(output_extension(options.view.format)))
                                         .string();
  }
  return jobs;
}

Planner::Planner(const BatchOptions& options, const std::vector<Job>& jobs)
    : options_(options), jobs_(jobs) {
  if (!options.jsonl) out_root_ = real_location(options.out_dir);
}

std::optional<FileResult> Planner::settle(size_t i) {
  const Job& job = jobs_[i];
  if (!job.unreadable.empty())
    return failed(job, Errc::io,
                  "cannot read folder: " + job.unreadable + " (its PDFs not listed)");
  if (std::string why = not_a_file(job.input); !why.empty()) return failed(job, Errc::io, why);
  if (options_.jsonl) return std::nullopt;
  auto [it, fresh] = claimed_.emplace(job.target, i);
  if (!fresh)
    return failed(job, Errc::output,
                  "output " + job.target + " is already claimed by " + jobs_[it->second].input);
  if (!options_.force)
    if (std::optional<FileResult> skipped = up_to_date(job.input, job.target)) {
      skipped->input = job.input;
      skipped->output = job.target;
      skipped->status = "skipped";
      return skipped;
    }
  if (escapes(out_root_, job.target))
    return failed(job, Errc::output,
                  "output " + job.target + " would be written outside " + options_.out_dir +
                      " (through a symbolic link)");
  std::error_code ec;
  fs::path folder = fs::path(job.target).parent_path();
  fs::create_directories(folder, ec);
  if (ec) throw Error(Errc::output, "cannot create folder: " + ec.message(), folder.string());
  return std::nullopt;
}

}  // namespace kreport::batch

namespace kreport {

FolderListing find_pdfs(const std::string& in_dir) {
  return list_folder(in_dir, [](const std::filesystem::path& p) { return batch::is_pdf_name(p); });
}

}  // namespace kreport
