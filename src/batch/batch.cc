// Batch conversion. The parent process plans (which inputs, where their records go, which
// are already up to date), forks one child per document with at most `jobs` alive, and
// collects a one-line status from each child through a pipe. A child that crashes is a
// failed document, not a failed batch. Outputs are written atomically by the children; in
// JSON Lines mode they go to a private temporary folder and the parent prints them in input
// order, whatever order they finish in.
#include "kreport/batch.h"

#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>

#include "kreport/error.h"
#include "kreport/files.h"
#include "kreport/load.h"
#include "kreport/normalize.h"
#include "kreport/pipeline.h"

namespace kreport {
namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

struct Job {
  std::string rel;     // relative to IN_DIR, '/'-separated
  std::string input;   // IN_DIR/rel
  std::string target;  // where the child writes the record
};

struct Child {
  size_t job = 0;
  int fd = -1;
  std::string status;  // what the child wrote on the pipe
  Clock::time_point started;
  bool timed_out = false;
};

bool is_pdf_name(const fs::path& p) {
  std::string ext = p.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(),
                 [](unsigned char c) { return std::tolower(c); });
  return ext == ".pdf";
}

std::string one_line(std::string s) {
  std::replace_if(
      s.begin(), s.end(), [](char c) { return c == '\n' || c == '\t' || c == '\r'; }, ' ');
  return s;
}

// The record at `output` was made from these very bytes by this very version of kreport.
bool up_to_date(const std::string& input, const std::string& output) {
  std::error_code ec;
  if (!fs::is_regular_file(output, ec)) return false;
  try {
    auto record = nlohmann::json::parse(read_input(output));
    return record.at("extractor").at("version") == KREPORT_VERSION &&
           record.at("source").at("sha256") == sha256_hex(read_input(input));
  } catch (const std::exception&) {
    return false;  // unreadable or not ours: convert again
  }
}

// Runs in the forked child: convert one document, report "ok\tPAGES\tWARNINGS" or
// "fail\tCODE\tMESSAGE" on `fd`. Never returns.
[[noreturn]] void convert_in_child(const Job& job, const BatchOptions& options, int fd) {
  std::string status;
  // Test hook: makes the worker for one named input crash, to prove that a crash costs that
  // document only (tests/e2e/batch_test.cc). Never set in normal use.
  if (const char* crash = std::getenv("KREPORT_TEST_CRASH_INPUT"); crash && job.rel == crash)
    std::abort();
  try {
    std::string bytes = read_input(job.input, options.max_bytes);
    ConvertOptions convert_options;
    convert_options.path = job.input;
    convert_options.password = options.password;
    convert_options.max_bytes = options.max_bytes;
    convert_options.max_pages = options.max_pages;
    Report report = convert(bytes, convert_options);
    write_file_atomic(job.target, to_json(report));
    status = "ok\t" + std::to_string(report.source.pages) + "\t" +
             std::to_string(report.warnings.size());
  } catch (const Error& e) {
    std::string where = e.page() > 0 ? "page " + std::to_string(e.page()) + ": " : "";
    status = std::string("fail\t") + errc_name(e.code()) + "\t" + one_line(where + e.message());
  } catch (const std::exception& e) {
    status = std::string("fail\tinternal\tinternal error: ") + one_line(e.what());
  }
  ssize_t ignored = ::write(fd, status.data(), status.size());
  (void)ignored;
  ::_exit(0);
}

FileResult finish(const Job& job, const Child& child, int wait_status, bool jsonl) {
  FileResult r;
  r.input = job.input;
  r.seconds = std::chrono::duration<double>(Clock::now() - child.started).count();
  std::vector<std::string> parts;
  size_t start = 0;
  for (size_t tab; (tab = child.status.find('\t', start)) != std::string::npos; start = tab + 1)
    parts.push_back(child.status.substr(start, tab - start));
  parts.push_back(child.status.substr(start));
  if (child.timed_out) {
    r.status = "failed";
    r.error = errc_name(Errc::timeout);
    r.message = "timed out after " + std::to_string(static_cast<int>(r.seconds)) + " s (--timeout)";
  } else if (parts.size() == 3 && parts[0] == "ok") {
    r.status = "converted";
    r.output = jsonl ? "" : job.target;
    r.pages = std::atoi(parts[1].c_str());
    r.warnings = std::atoi(parts[2].c_str());
  } else if (parts.size() == 3 && parts[0] == "fail") {
    r.status = "failed";
    r.error = parts[1];
    r.message = parts[2];
  } else {
    r.status = "failed";
    r.error = "internal";
    r.message = WIFSIGNALED(wait_status)
                    ? std::string("crashed (signal ") + std::to_string(WTERMSIG(wait_status)) +
                          ": " + strsignal(WTERMSIG(wait_status)) + ")"
                    : "worker ended without a result (exit " +
                          std::to_string(WEXITSTATUS(wait_status)) + ")";
  }
  return r;
}

// Where `target` really lands, links resolved, is not inside `root`: an OUT_DIR sub-folder
// that is a symbolic link elsewhere must not receive records.
bool escapes(const fs::path& root, const std::string& target) {
  std::error_code ec;
  fs::path real = fs::weakly_canonical(fs::path(target).parent_path(), ec);
  if (ec) return true;
  fs::path rel = real.lexically_relative(root);
  return rel.empty() || *rel.begin() == "..";
}

void copy_to_stdout(const std::string& path) {
  std::string data = read_input(path);
  std::fwrite(data.data(), 1, data.size(), stdout);
  std::fflush(stdout);
}

}  // namespace

std::vector<std::string> find_pdfs(const std::string& in_dir) {
  std::error_code ec;
  if (!fs::is_directory(in_dir, ec)) throw Error(Errc::io, "not a folder", in_dir);
  std::vector<std::string> found;
  fs::recursive_directory_iterator it(in_dir, fs::directory_options::skip_permission_denied, ec);
  if (ec) throw Error(Errc::io, "cannot read folder: " + ec.message(), in_dir);
  for (; it != fs::recursive_directory_iterator(); it.increment(ec)) {
    if (ec) throw Error(Errc::io, "cannot read folder: " + ec.message(), in_dir);
    if (it->is_regular_file(ec) && is_pdf_name(it->path()))
      found.push_back(it->path().lexically_relative(in_dir).generic_string());
  }
  std::sort(found.begin(), found.end());
  return found;
}

BatchResult run_batch(const BatchOptions& options, const BatchProgress& progress) {
  auto started = Clock::now();
  normalize("\uFF21");  // build ICU's tables once here, so every forked worker inherits them
  std::vector<std::string> rels = find_pdfs(options.in_dir);
  fs::path out_dir = options.out_dir;
  fs::path scratch;  // JSON Lines mode: children's records, printed in order, then removed
  if (options.jsonl) {
    char tmpl[] = "/tmp/kreport-batch-XXXXXX";
    if (!::mkdtemp(tmpl))
      throw Error(Errc::output,
                  std::string("cannot create a temporary folder: ") + std::strerror(errno));
    scratch = tmpl;
  }

  BatchResult result;
  result.files.resize(rels.size());
  std::vector<Job> jobs(rels.size());
  std::vector<bool> done(rels.size(), false);
  std::map<std::string, size_t> claimed;  // output path -> first input claiming it
  for (size_t i = 0; i < rels.size(); ++i) {
    fs::path rel = rels[i];
    jobs[i].rel = rels[i];
    jobs[i].input = (fs::path(options.in_dir) / rel).string();
    jobs[i].target = options.jsonl ? (scratch / (std::to_string(i) + ".json")).string()
                                   : (out_dir / rel.replace_extension(".json")).string();
  }

  std::error_code root_ec;
  fs::path out_root = options.jsonl ? fs::path() : fs::weakly_canonical(out_dir, root_ec);
  size_t next = 0, emitted = 0, finished = 0;
  long long pages = 0;
  std::map<pid_t, Child> running;
  auto record = [&](size_t i, FileResult r) {
    if (r.status == "converted")
      ++result.converted, pages += r.pages;
    else if (r.status == "skipped")
      ++result.skipped;
    else
      ++result.failed;
    result.files[i] = std::move(r);
    done[i] = true;
    ++finished;
    if (progress)
      progress(result.files[i], finished, rels.size(), pages,
               std::chrono::duration<double>(Clock::now() - started).count());
    while (options.jsonl && emitted < done.size() && done[emitted]) {
      if (result.files[emitted].status == "converted") {
        copy_to_stdout(jobs[emitted].target);
        fs::remove(jobs[emitted].target);
      }
      ++emitted;
    }
  };

  while (next < jobs.size() || !running.empty()) {
    while (running.size() < static_cast<size_t>(std::max(1, options.jobs)) && next < jobs.size()) {
      size_t i = next++;
      Job& job = jobs[i];
      FileResult planned;
      planned.input = job.input;
      if (!options.jsonl) {
        auto [it, fresh] = claimed.emplace(job.target, i);
        if (!fresh) {
          planned.status = "failed";
          planned.error = errc_name(Errc::output);
          planned.message =
              "output " + job.target + " is already claimed by " + jobs[it->second].input;
          record(i, planned);
          continue;
        }
        if (!options.force && up_to_date(job.input, job.target)) {
          planned.status = "skipped";
          planned.output = job.target;
          record(i, planned);
          continue;
        }
        if (escapes(out_root, job.target)) {
          planned.status = "failed";
          planned.error = errc_name(Errc::output);
          planned.message = "output " + job.target + " would be written outside " +
                            options.out_dir + " (through a symbolic link)";
          record(i, planned);
          continue;
        }
        std::error_code ec;
        fs::create_directories(fs::path(job.target).parent_path(), ec);
        if (ec)
          throw Error(Errc::output, "cannot create folder: " + ec.message(),
                      fs::path(job.target).parent_path().string());
      }
      int fds[2];
      if (::pipe(fds) != 0)
        throw Error(Errc::internal, std::string("pipe: ") + std::strerror(errno));
      std::fflush(nullptr);  // the child must not inherit and re-flush our buffered output
      pid_t pid = ::fork();
      if (pid < 0) throw Error(Errc::internal, std::string("fork: ") + std::strerror(errno));
      if (pid == 0) {
        ::close(fds[0]);
        convert_in_child(job, options, fds[1]);
      }
      ::close(fds[1]);
      running[pid] = Child{i, fds[0], "", Clock::now()};
    }
    if (running.empty()) continue;

    std::vector<pollfd> fds;
    std::vector<pid_t> pids;
    for (auto& [pid, child] : running) {
      fds.push_back({child.fd, POLLIN, 0});
      pids.push_back(pid);
    }
    int wait_ms = -1;
    if (options.timeout_seconds > 0) {
      // Wake up for the earliest deadline; a child past its deadline is killed, and its
      // pipe then reaches end of file like any other child's.
      auto now = Clock::now();
      for (auto& [pid, child] : running) {
        double left =
            options.timeout_seconds - std::chrono::duration<double>(now - child.started).count();
        if (left <= 0 && !child.timed_out) {
          child.timed_out = true;
          ::kill(pid, SIGKILL);
        }
        int ms = std::max(0, static_cast<int>(left * 1000) + 1);
        if (!child.timed_out && (wait_ms < 0 || ms < wait_ms)) wait_ms = ms;
      }
    }
    if (::poll(fds.data(), fds.size(), wait_ms) < 0 && errno != EINTR)
      throw Error(Errc::internal, std::string("poll: ") + std::strerror(errno));
    for (size_t k = 0; k < fds.size(); ++k) {
      if (!fds[k].revents) continue;
      Child& child = running[pids[k]];
      char buf[4096];
      ssize_t n = ::read(child.fd, buf, sizeof buf);
      if (n > 0) {
        child.status.append(buf, static_cast<size_t>(n));
        continue;
      }
      if (n < 0 && errno == EINTR) continue;
      ::close(child.fd);  // end of file: the child is done
      int status = 0;
      ::waitpid(pids[k], &status, 0);
      FileResult r = finish(jobs[child.job], child, status, options.jsonl);
      if (r.status == "failed") {
        // A child killed or crashed while writing leaves its temporary file: remove it.
        std::error_code ec;
        fs::remove(jobs[child.job].target + ".tmp" + std::to_string(pids[k]), ec);
      }
      size_t i = child.job;
      running.erase(pids[k]);
      record(i, std::move(r));
    }
  }
  if (!scratch.empty()) fs::remove_all(scratch);

  result.pages = pages;
  result.seconds = std::chrono::duration<double>(Clock::now() - started).count();
  std::string summary = options.summary_path;
  if (summary.empty() && !options.jsonl) summary = (out_dir / "_summary.json").string();
  if (!summary.empty()) write_file_atomic(summary, summary_json(result));
  return result;
}

std::string summary_json(const BatchResult& r) {
  nlohmann::ordered_json files = nlohmann::ordered_json::array();
  for (const FileResult& f : r.files) {
    nlohmann::ordered_json j{
        {"input", f.input},
        {"output", f.output.empty() ? nlohmann::ordered_json() : nlohmann::ordered_json(f.output)},
        {"status", f.status},
        {"pages", f.pages},
        {"warnings", f.warnings},
        {"seconds", std::round(f.seconds * 1000) / 1000}};
    if (f.status == "failed") j["error"] = {{"code", f.error}, {"message", f.message}};
    files.push_back(std::move(j));
  }
  nlohmann::ordered_json j{{"schema", "kreport.batch_summary"},
                           {"schema_version", "1.0"},
                           {"kreport_version", std::string(KREPORT_VERSION)},
                           {"inputs", r.files.size()},
                           {"converted", r.converted},
                           {"skipped", r.skipped},
                           {"failed", r.failed},
                           {"pages", r.pages},
                           {"seconds", std::round(r.seconds * 1000) / 1000},
                           {"files", files}};
  return j.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

}  // namespace kreport
