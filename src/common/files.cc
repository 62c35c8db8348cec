// File input and output through the system calls themselves, so that every failure is
// reported with the errno of the call that failed (read before any clean-up can change it).
// Input: what the path is decides how it is read. A folder is refused; a regular file is
// checked against --max-size by its size before a byte is read; anything else (standard
// input, a pipe, /dev/zero) is read in chunks with the limit checked as it grows, since
// its size is known only at its end. Reading it all into memory is what lets `cat r.pdf |
// kreport extract -` hand poppler the same bytes the path form would.
// Output: symbolic links are resolved first (the record replaces the link's target, not the
// link). A regular file is replaced atomically (temporary file, then rename(2)); a device
// or FIFO is written in place, since renaming over it would replace /dev/null itself.
#include "kreport/files.h"

#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <climits>
#include <cstring>
#include <filesystem>

#include "kreport/error.h"

namespace kreport {
namespace {

// Linux's own limit on links followed in one path (ELOOP beyond it).
constexpr int kMaxLinkHops = 40;

std::string errno_text(int err) {
  return std::strerror(err);
}

Error too_large(const std::string& path, long long max_bytes) {
  return Error(Errc::too_large,
               "input is over the limit of " + std::to_string(max_bytes) + " bytes (--max-size)",
               path);
}

// Appends what is left of `fd` to `data`; `path` names it in errors.
void read_all(int fd, const std::string& path, long long max_bytes, std::string& data) {
  char buf[1 << 16];
  for (;;) {
    ssize_t n = ::read(fd, buf, sizeof buf);
    if (n == 0) return;
    if (n < 0) {
      if (errno == EINTR) continue;
      int err = errno;
      if (path == "-") throw Error(Errc::io, "cannot read standard input: " + errno_text(err), "-");
      throw Error(Errc::io, "cannot read: " + errno_text(err), path);
    }
    if (max_bytes > 0 && static_cast<long long>(data.size()) + n > max_bytes)
      throw too_large(path, max_bytes);
    data.append(buf, static_cast<size_t>(n));
  }
}

class Fd {
 public:
  explicit Fd(int fd) : fd_(fd) {}
  Fd(const Fd&) = delete;
  Fd& operator=(const Fd&) = delete;
  ~Fd() {
    if (fd_ >= 0) ::close(fd_);
  }
  int get() const { return fd_; }

 private:
  int fd_;
};

// The path a write to `path` really lands on: symbolic links followed, also a dangling one
// (whose target is then created).
std::string resolve_links(const std::string& path) {
  namespace fs = std::filesystem;
  fs::path p = path;
  for (int hop = 0; hop < kMaxLinkHops; ++hop) {
    std::error_code ec;
    if (!fs::is_symlink(fs::symlink_status(p, ec))) return p.string();
    fs::path target = fs::read_symlink(p, ec);
    if (ec) return p.string();
    p = target.is_absolute() ? target : p.parent_path() / target;
  }
  throw Error(Errc::output, "cannot write: " + errno_text(ELOOP), path);
}

void write_fd(int fd, const std::string& data, const std::string& path) {
  size_t done = 0;
  while (done < data.size()) {
    ssize_t n = ::write(fd, data.data() + done, data.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) throw Error(Errc::output, "cannot write: " + errno_text(errno), path);
    done += static_cast<size_t>(n);
  }
}

void write_in_place(const std::string& real, const std::string& data, const std::string& path) {
  Fd fd(::open(real.c_str(), O_WRONLY | O_CLOEXEC));
  if (fd.get() < 0) throw Error(Errc::output, "cannot write: " + errno_text(errno), path);
  write_fd(fd.get(), data, path);
}

// NAME.tmpPID beside the file. A NAME so long that this would pass NAME_MAX (255 bytes, as
// a 251-byte record name does) is cut, at a character's start, so that it fits (D11).
std::string temp_name(const std::string& real, int pid) {
  std::string suffix = ".tmp" + std::to_string(pid);
  size_t start = real.rfind('/') == std::string::npos ? 0 : real.rfind('/') + 1;
  std::string name = real.substr(start);
  // Room for any pid (10 digits), so that the name is cut the same for every process.
  size_t room = NAME_MAX - std::string(".tmp2147483647").size();
  if (name.size() > room) {
    size_t cut = room;
    while (cut > 0 && (static_cast<unsigned char>(name[cut]) & 0xC0) == 0x80) --cut;
    name.resize(cut);
  }
  return real.substr(0, start) + name + suffix;
}

void write_replacing(const std::string& real, const std::string& data, const std::string& path) {
  std::string tmp = temp_name(real, ::getpid());
  ::unlink(tmp.c_str());  // a leftover of a killed process that had our pid
  int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
  if (fd < 0) throw Error(Errc::output, "cannot write: " + errno_text(errno), path);
  try {
    write_fd(fd, data, path);
  } catch (const Error&) {
    ::close(fd);
    ::unlink(tmp.c_str());
    throw;
  }
  if (::close(fd) != 0) {
    int err = errno;
    ::unlink(tmp.c_str());
    throw Error(Errc::output, "cannot write: " + errno_text(err), path);
  }
  if (::rename(tmp.c_str(), real.c_str()) != 0) {
    int err = errno;
    ::unlink(tmp.c_str());
    throw Error(Errc::output, "cannot rename into place: " + errno_text(err), path);
  }
}

}  // namespace

std::string read_input(const std::string& path, long long max_bytes) {
  if (path == "-") {
    struct stat st {};
    if (::fstat(STDIN_FILENO, &st) != 0)
      throw Error(Errc::io, "cannot read standard input: " + errno_text(errno), "-");
    std::string data;
    read_all(STDIN_FILENO, path, max_bytes, data);
    return data;
  }
  Fd fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC));
  if (fd.get() < 0) throw Error(Errc::io, "cannot open: " + errno_text(errno), path);
  struct stat st {};
  if (::fstat(fd.get(), &st) != 0) throw Error(Errc::io, "cannot read: " + errno_text(errno), path);
  if (S_ISDIR(st.st_mode)) throw Error(Errc::io, "cannot read: " + errno_text(EISDIR), path);
  if (S_ISREG(st.st_mode) && max_bytes > 0 && st.st_size > max_bytes)
    throw too_large(path, max_bytes);
  std::string data;
  if (S_ISREG(st.st_mode)) data.reserve(static_cast<size_t>(st.st_size));
  read_all(fd.get(), path, max_bytes, data);
  return data;
}

void write_file_atomic(const std::string& path, const std::string& data) {
  std::string real = resolve_links(path);
  struct stat st {};
  if (::stat(real.c_str(), &st) != 0) {
    if (errno != ENOENT) throw Error(Errc::output, "cannot write: " + errno_text(errno), path);
    return write_replacing(real, data, path);
  }
  if (S_ISDIR(st.st_mode)) throw Error(Errc::output, "cannot write: " + errno_text(EISDIR), path);
  if (S_ISBLK(st.st_mode))
    throw Error(Errc::output, "cannot write: a block device, not a file (refused)", path);
  if (!S_ISREG(st.st_mode)) return write_in_place(real, data, path);
  write_replacing(real, data, path);
}

void write_stdout(std::string_view data) {
  struct stat st {};
  off_t start = -1;
  if (::fstat(STDOUT_FILENO, &st) == 0 && S_ISREG(st.st_mode)) start = st.st_size;
  size_t done = 0;
  while (done < data.size()) {
    ssize_t n = ::write(STDOUT_FILENO, data.data() + done, data.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      int err = n < 0 ? errno : ENOSPC;
      if (start >= 0 && done > 0 && ::ftruncate(STDOUT_FILENO, start) == 0)
        ::lseek(STDOUT_FILENO, start, SEEK_SET);
      throw Error(Errc::output, "cannot write to standard output: " + errno_text(err), "-");
    }
    done += static_cast<size_t>(n);
  }
}

void occupy_closed_std_fds() {
  const int modes[] = {O_WRONLY, O_RDONLY, O_WRONLY};  // stdin, stdout, stderr
  for (int fd = 0; fd <= 2; ++fd) {
    if (::fcntl(fd, F_GETFD) != -1 || errno != EBADF) continue;
    int opened = ::open("/dev/null", modes[fd] | O_CLOEXEC);
    if (opened < 0) continue;
    if (opened != fd) {
      ::dup2(opened, fd);  // dup2 clears O_CLOEXEC: the descriptor stays closed-like in children
      ::close(opened);
    } else {
      ::fcntl(fd, F_SETFD, 0);
    }
  }
}

FolderListing list_folder(const std::string& dir,
                          const std::function<bool(const std::filesystem::path&)>& wanted,
                          size_t max_entries) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) throw Error(Errc::io, "not a folder", dir);
  FolderListing out;
  size_t seen = 0;
  // Folders still to read, relative to `dir` ("" is `dir` itself).
  std::vector<fs::path> pending{fs::path()};
  while (!pending.empty()) {
    fs::path rel = pending.back();
    pending.pop_back();
    fs::directory_iterator it(fs::path(dir) / rel, ec);
    if (ec) {
      if (rel.empty()) throw Error(Errc::io, "cannot read folder: " + ec.message(), dir);
      out.unreadable.push_back({rel.generic_string(), ec.message()});
      continue;
    }
    for (; it != fs::directory_iterator(); it.increment(ec)) {
      if (++seen > max_entries)
        throw Error(Errc::too_large,
                    "more than " + std::to_string(max_entries) +
                        " entries in the folder and its sub-folders (the limit): not read",
                    dir);
      fs::path entry = rel / it->path().filename();
      std::error_code type_ec;
      if (it->is_directory(type_ec)) {  // a link to a folder is neither walked nor a file
        if (!it->is_symlink(type_ec)) pending.push_back(entry);
      } else if (wanted(entry)) {
        out.files.push_back(entry.generic_string());
      }
    }
    if (ec) out.unreadable.push_back({rel.empty() ? "." : rel.generic_string(), ec.message()});
  }
  std::sort(out.files.begin(), out.files.end());
  std::sort(out.unreadable.begin(), out.unreadable.end());
  return out;
}

std::string folder_arg(std::string path) {
  while (path.size() > 1 && path.back() == '/') path.pop_back();
  return path;
}

std::filesystem::path real_location(const std::string& path) {
  namespace fs = std::filesystem;
  std::error_code ec;
  fs::path p = fs::absolute(path.empty() ? "." : path, ec);
  // weakly_canonical resolves the part that exists; on an absolute path the rest stays
  // absolute (on a relative one that does not exist at all it would stay relative).
  fs::path real = fs::weakly_canonical(p, ec);
  if (ec) real = p.lexically_normal();
  if (!real.has_filename() && real != real.root_path()) real = real.parent_path();
  return real;
}

bool is_within(const std::filesystem::path& root, const std::filesystem::path& location) {
  std::filesystem::path rel = location.lexically_relative(root);
  return !rel.empty() && *rel.begin() != "..";
}

void check_output_file(const std::string& path) {
  namespace fs = std::filesystem;
  if (!path.empty() && path.back() == '/')
    throw Error(Errc::output, "cannot write: the name ends in a slash (a folder, not a file)",
                path);
  fs::path folder = fs::path(path).parent_path();
  if (folder.empty()) return;
  struct stat st {};
  if (::stat(folder.c_str(), &st) != 0)
    throw Error(Errc::output, "cannot write: " + errno_text(errno), path);
  if (!S_ISDIR(st.st_mode)) throw Error(Errc::output, "cannot write: " + errno_text(ENOTDIR), path);
}

void make_folders(const std::string& path) {
  std::error_code ec;
  std::filesystem::create_directories(path, ec);
  if (ec) throw Error(Errc::output, "cannot create folder: " + ec.message(), path);
}

bool process_gone(long pid) {
  return pid > 0 && ::kill(static_cast<pid_t>(pid), 0) != 0 && errno == ESRCH;
}

// The pid of a temporary name NAME.tmpPID, or -1.
long temp_pid(const std::string& name) {
  size_t at = name.rfind(".tmp");
  if (at == std::string::npos || at + 4 == name.size()) return -1;
  long pid = 0;
  for (size_t i = at + 4; i < name.size(); ++i) {
    if (name[i] < '0' || name[i] > '9' || pid > 1L << 40) return -1;
    pid = pid * 10 + (name[i] - '0');
  }
  return pid;
}

bool is_stale_temp(const std::string& name) {
  size_t at = name.rfind(".tmp");
  if (at == std::string::npos) return false;
  std::string_view base = std::string_view(name).substr(0, at);
  auto ends = [&base](std::string_view ext) {
    return base.size() >= ext.size() && base.substr(base.size() - ext.size()) == ext;
  };
  // The forms batch writes: records (.json), Markdown (.md), chunks (.jsonl).
  return (ends(".json") || ends(".md") || ends(".jsonl")) && process_gone(temp_pid(name));
}

void remove_stale_temps(const std::string& path) {
  namespace fs = std::filesystem;
  std::string real = resolve_links(path);
  fs::path folder = fs::path(real).parent_path();
  std::string prefix = fs::path(temp_name(real, 0)).filename().string();
  prefix.pop_back();  // NAME.tmp (the name as cut to fit), any pid after it
  std::error_code ec;
  for (fs::directory_iterator it(folder.empty() ? "." : folder, ec), end; !ec && it != end;
       it.increment(ec)) {
    std::string name = it->path().filename().string();
    if (name.rfind(prefix, 0) == 0 && process_gone(temp_pid(name))) fs::remove(it->path(), ec);
  }
}

std::string atomic_temp_path(const std::string& path, int pid) {
  return temp_name(resolve_links(path), pid);
}

}  // namespace kreport
