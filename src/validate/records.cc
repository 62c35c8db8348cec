// Record inputs, read in chunks with the memory they may take bounded: a line (or a
// one-record input) is kept only up to kMaxRecordBytes; past that its bytes are counted and
// dropped until its end, and it is reported once, as skipped. The first non-blank line
// decides the format: JSON Lines when it is a whole value on its own. A file's first line is
// held back until a second shows there is more than one (then the first must parse, else the
// file is one indented record), so that a file's only record is named after the file.
// Standard input is never held back (index writes each record as it arrives): its first
// line is judged at once, by the same test (it parses), so that a file and the same bytes on
// standard input give the same records (a line of balanced brackets that does not parse once
// made standard input JSON Lines, each line an invalid record, where the file was one).
#include "kreport/records.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <nlohmann/json.hpp>
#include <optional>

#include "kreport/validate.h"

namespace kreport {
namespace {

constexpr size_t kChunk = 1 << 16;

std::string mib(long long bytes) {
  if (bytes >= (1ll << 30) && bytes % (1ll << 30) == 0) return std::to_string(bytes >> 30) + " GiB";
  return std::to_string(bytes >> 20) + " MiB";
}

bool blank(std::string_view line) {
  return line.find_first_not_of(" \t\r") == std::string_view::npos;
}

std::string over_limit(const std::string& then) {
  return "record over the limit of " + mib(static_cast<long long>(kMaxRecordBytes)) + " (" + then +
         ")";
}

class Reader {
 public:
  Reader(std::string name, const RecordSource& source, bool streaming,
         const std::function<void(RecordInput&&)>& each)
      : name_(std::move(name)), source_(source), streaming_(streaming), each_(each) {}

  void run() {
    char chunk[kChunk];
    for (;;) {
      ssize_t n = source_(chunk, sizeof chunk);
      if (n < 0 && errno == EINTR) continue;
      if (n < 0) {
        std::string what = name_ == "-" ? "cannot read standard input: " : "cannot read: ";
        return fail(what + std::strerror(errno));
      }
      if (n == 0) break;
      if (!take(std::string_view(chunk, static_cast<size_t>(n)))) return;
    }
    finish();
  }

 private:
  enum class Mode { unknown, lines, whole };

  // Adds bytes; false when the rest of the input is not to be read.
  bool take(std::string_view bytes) {
    while (!bytes.empty()) {
      if (skipping_) {
        size_t nl = bytes.find('\n');
        size_t drop = nl == std::string_view::npos ? bytes.size() : nl + 1;
        skipped_ += static_cast<long long>(drop);
        bytes.remove_prefix(drop);
        if (nl != std::string_view::npos) {
          skipping_ = false;
          item({line_name(line_no_), "", over_limit("skipped"), true});
        } else if (skipped_ > kMaxSkipBytes) {
          item({line_name(line_no_), "",
                over_limit("no end of its line within " + mib(kMaxSkipBytes) +
                           ": the rest is not read"),
                true});
          release_held(true);
          return false;
        }
        continue;
      }
      if (mode_ == Mode::whole) {
        if (buf_.size() + bytes.size() > kMaxRecordBytes) {
          fail(over_limit("not read"), true);
          return false;
        }
        buf_.append(bytes);
        return true;
      }
      size_t nl = bytes.find('\n');
      std::string_view part = nl == std::string_view::npos ? bytes : bytes.substr(0, nl);
      if (buf_.size() + part.size() > kMaxRecordBytes) {
        // A line too long to keep: dropped up to its end, then reported.
        ++line_no_;
        buf_.clear();
        if (mode_ == Mode::unknown) mode_ = Mode::lines;
        skipping_ = true;
        skipped_ = 0;
        continue;
      }
      buf_.append(part);
      if (nl == std::string_view::npos) return true;
      bytes.remove_prefix(nl + 1);
      line_ended();  // in whole mode from here, the loop keeps the rest of `bytes` too
    }
    return true;
  }

  // A whole line is in buf_.
  void line_ended() {
    ++line_no_;
    if (mode_ == Mode::unknown) {
      if (blank(buf_)) return buf_.clear();
      // A file's first line is looked at only once a second follows (item(): most files hold
      // one compact record, which is one record either way); standard input's must be now.
      if (streaming_ && !nlohmann::json::accept(buf_)) {
        mode_ = Mode::whole;  // an indented record: everything from here on is one
        buf_ += '\n';
        return;
      }
      mode_ = Mode::lines;
    }
    std::string text = std::move(buf_);
    buf_.clear();
    if (!blank(text)) item({line_name(line_no_), std::move(text), "", false});
  }

  void finish() {
    if (skipping_) {
      item({line_name(line_no_), "", over_limit("skipped"), true});
    } else if (mode_ != Mode::whole && !blank(buf_)) {
      if (mode_ == Mode::unknown && streaming_ && !json_nesting(buf_).closed) {
        mode_ = Mode::whole;
      } else {
        std::string text = std::move(buf_);
        buf_.clear();
        item({line_name(++line_no_), std::move(text), "", false});
      }
    }
    if (mode_ == Mode::whole) return emit({name_, std::move(buf_), "", false});
    if (!held_ && !emitted_ && !streaming_)
      return emit({name_, "", "no record (empty file)", false});
    release_held(!more_than_one_);
  }

  // A record line, or a line over the limit. A file's first one is held back until a second
  // shows it is not the only one.
  void item(RecordInput&& r) {
    if (streaming_ || more_than_one_) return emit(std::move(r));
    if (!held_) {
      held_ = std::move(r);
      return;
    }
    // A second line: the first must be a whole value for this to be JSON Lines; else the
    // file is one (broken) document, reported once rather than line by line.
    if (held_->problem.empty() && !r.text.empty() && !nlohmann::json::accept(held_->text)) {
      mode_ = Mode::whole;
      buf_ = std::move(held_->text) + "\n" + r.text + "\n";
      held_.reset();
      return;
    }
    more_than_one_ = true;
    release_held(false);
    emit(std::move(r));
  }

  // The held first line, named after the file when it is `only`.
  void release_held(bool only) {
    if (!held_) return;
    RecordInput r = std::move(*held_);
    held_.reset();
    if (only) r.name = name_;
    emit(std::move(r));
  }

  // What ends the input: reported after what came before it, named after the input.
  void fail(const std::string& message, bool limit = false) {
    more_than_one_ = true;
    release_held(false);
    emit({name_, "", message, limit});
  }

  std::string line_name(size_t number) const { return name_ + ":" + std::to_string(number); }

  void emit(RecordInput&& r) {
    emitted_ = true;
    each_(std::move(r));
  }

  std::string name_;
  const RecordSource& source_;
  bool streaming_;
  const std::function<void(RecordInput&&)>& each_;
  Mode mode_ = Mode::unknown;
  std::string buf_;
  size_t line_no_ = 0;
  bool skipping_ = false;
  long long skipped_ = 0;
  std::optional<RecordInput> held_;
  bool more_than_one_ = false;  // more than one line: every line is named FILE:LINE
  bool emitted_ = false;
};

}  // namespace

void read_records(const std::string& name, const RecordSource& source, bool streaming,
                  const std::function<void(RecordInput&&)>& each) {
  Reader(name, source, streaming, each).run();
}

void read_records(const std::string& path, const std::function<void(RecordInput&&)>& each) {
  auto report = [&](const std::string& message) { each({path, "", message, false}); };
  if (path == "-") {
    RecordSource in = [](char* buf, size_t size) { return ::read(STDIN_FILENO, buf, size); };
    return read_records(path, in, true, each);
  }
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return report(std::string("cannot open: ") + std::strerror(errno));
  struct stat st {};
  if (::fstat(fd, &st) == 0 && S_ISDIR(st.st_mode)) {
    ::close(fd);
    return report(std::string("cannot read: ") + std::strerror(EISDIR));
  }
  RecordSource in = [fd](char* buf, size_t size) { return ::read(fd, buf, size); };
  try {
    read_records(path, in, false, each);
  } catch (...) {
    ::close(fd);
    throw;
  }
  ::close(fd);
}

}  // namespace kreport
