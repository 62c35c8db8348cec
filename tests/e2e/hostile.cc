#include "hostile.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <chrono>
#include <fstream>
#include <thread>

namespace fs = std::filesystem;

namespace kreport::hostile {

fs::path shared_dir() {
  if (const char* env = std::getenv("KREPORT_HOSTILE_DIR")) return env;
  return test::source_dir().parent_path() / "shared" / "hostile";
}

fs::path scratch_dir(const std::string& prefix) {
  const auto* info = testing::UnitTest::GetInstance()->current_test_info();
  std::string name = std::string(info->test_suite_name()) + "-" + info->name();
  for (char& c : name)
    if (!std::isalnum(static_cast<unsigned char>(c))) c = '-';
  fs::path dir = fs::temp_directory_path() /
                 ("kreport-" + prefix + "-" + std::to_string(::getpid()) + "-" + name);
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

void remove_scratch(const fs::path& dir) {
  std::error_code ec;
  if (!dir.empty()) fs::remove_all(dir, ec);
}

bool memory_limit_applies() {
#if defined(__SANITIZE_ADDRESS__)
  return false;
#else
  return true;
#endif
}

test::Run run_measured(const std::string& args, const fs::path& scratch, long& peak_kib) {
  fs::path measured = scratch / "time.txt";
  test::Run r = test::run_kreport(
      "/usr/bin/time -f %M -o '" + measured.string() + "' '" KREPORT_BIN "' " + args, "", true);
  std::ifstream(measured) >> peak_kib;
  return r;
}

nlohmann::json summary(const fs::path& out) {
  return nlohmann::json::parse(test::read_file(out / "_summary.json"));
}

bool wait_until_gone(const fs::path& path) {
  for (int tries = 0; tries < 20; ++tries) {
    bool found = false;
    for (const auto& e : fs::directory_iterator("/proc")) {
      std::string cmdline = test::read_file(e.path() / "cmdline");
      if (cmdline.find(path.string()) != std::string::npos &&
          cmdline.find("sh\0-c", 0, 5) == std::string::npos)
        found = true;
    }
    if (!found) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  return false;
}

int temporary_files(const fs::path& dir) {
  int n = 0;
  std::error_code ec;
  for (fs::recursive_directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec))
    if (it->path().filename().string().find(".tmp") != std::string::npos) ++n;
  return n;
}

}  // namespace kreport::hostile
