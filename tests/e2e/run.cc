#include "run.h"

#include <gtest/gtest.h>

#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <sstream>

namespace kreport::test {

std::filesystem::path source_dir() {
  return KREPORT_SOURCE_DIR;
}

std::string read_file(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

namespace {

Run run_in(const std::filesystem::path& cwd, const std::string& args, const std::string& stdin_path,
           bool raw) {
  static int counter = 0;
  auto dir = std::filesystem::temp_directory_path() /
             ("kreport-e2e-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
  std::filesystem::create_directories(dir);
  auto out = dir / "out", err = dir / "err";
  std::string program = raw ? "" : "'" KREPORT_BIN "' ";
  std::string cmd = "cd '" + cwd.string() + "' && " + program + args + " <" +
                    (stdin_path.empty() ? std::string("/dev/null") : "'" + stdin_path + "'") +
                    " >'" + out.string() + "' 2>'" + err.string() + "'";
  int status = std::system(cmd.c_str());
  Run r;
  r.code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  r.out = read_file(out);
  r.err = read_file(err);
  std::filesystem::remove_all(dir);
  return r;
}

}  // namespace

Run run_kreport(const std::string& args, const std::string& stdin_path, bool raw) {
  return run_in(source_dir(), args, stdin_path, raw);
}

nlohmann::json extract_record(const std::string& args) {
  Run r = run_kreport("extract -q " + args);
  EXPECT_EQ(r.code, 0) << r.err;
  return r.code == 0 ? nlohmann::json::parse(r.out) : nlohmann::json::object();
}

Run run_kreport_in(const std::filesystem::path& cwd, const std::string& args) {
  return run_in(cwd, args, "", false);
}

Run run_kreport_into_closed_pipe(const std::string& args) {
  auto err = std::filesystem::temp_directory_path() /
             ("kreport-e2e-pipe-" + std::to_string(::getpid()) + ".err");
  std::string cmd = "cd '" + source_dir().string() + "' && exec '" KREPORT_BIN "' " + args +
                    " </dev/null 2>'" + err.string() + "'";
  int fds[2];
  Run r;
  if (::pipe(fds) != 0) return r;
  ::close(fds[0]);
  pid_t pid = ::fork();
  if (pid == 0) {
    ::dup2(fds[1], STDOUT_FILENO);
    ::execl("/bin/sh", "sh", "-c", cmd.c_str(), static_cast<char*>(nullptr));
    ::_exit(127);
  }
  ::close(fds[1]);
  int status = 0;
  ::waitpid(pid, &status, 0);
  r.code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  r.err = read_file(err);
  std::filesystem::remove(err);
  return r;
}

}  // namespace kreport::test
