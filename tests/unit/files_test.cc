// Listing folders for batch and index (issue 40, D9: an unreadable sub-folder was left out
// without a word) and the names of temporary files (D11).
#include "kreport/files.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <fstream>

#include "kreport/error.h"

namespace fs = std::filesystem;
using namespace kreport;

namespace {

class Folder : public testing::Test {
 protected:
  void SetUp() override {
    dir_ =
        fs::temp_directory_path() / ("kreport-folder-" + std::to_string(::getpid()) + "-" +
                                     testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_ / "a/b");
    fs::create_directories(dir_ / "x.pdf");  // a folder with a PDF's name is a folder
    for (const char* f : {"1.pdf", "a/2.PDF", "a/b/3.pdf", "a/notes.txt"})
      std::ofstream(dir_ / f) << "x";
    fs::create_symlink("missing.pdf", dir_ / "dangling.pdf");
    fs::create_directory_symlink("a", dir_ / "link_to_a");  // not walked: a loop otherwise
  }
  void TearDown() override {
    fs::permissions(dir_ / "a/b", fs::perms::owner_all, fs::perm_options::add);
    fs::remove_all(dir_);
  }
  static bool pdf(const fs::path& p) {
    std::string ext = p.extension().string();
    return ext == ".pdf" || ext == ".PDF";
  }
  fs::path dir_;
};

TEST_F(Folder, ListsWhatIsWantedSortedFoldersWalkedNotFollowed) {
  FolderListing l = list_folder(dir_.string(), pdf);
  EXPECT_EQ(l.files, (std::vector<std::string>{"1.pdf", "a/2.PDF", "a/b/3.pdf", "dangling.pdf"}));
  EXPECT_TRUE(l.unreadable.empty());
}

TEST_F(Folder, Regression_UnreadableSubFolderIsListedAsSuch) {
  if (::geteuid() == 0) GTEST_SKIP() << "root reads any folder (tests/e2e/faults_test.cc drops it)";
  fs::permissions(dir_ / "a/b", fs::perms::none);
  FolderListing l = list_folder(dir_.string(), pdf);
  EXPECT_EQ(l.files, (std::vector<std::string>{"1.pdf", "a/2.PDF", "dangling.pdf"}));
  ASSERT_EQ(l.unreadable.size(), 1u);
  EXPECT_EQ(l.unreadable[0].first, "a/b");
  EXPECT_EQ(l.unreadable[0].second, "Permission denied");
}

TEST_F(Folder, TooManyEntriesIsAnErrorNotAListing) {
  try {
    list_folder(dir_.string(), pdf, 5);
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), Errc::too_large);
    EXPECT_EQ(describe(e), dir_.string() +
                               ": more than 5 entries in the folder and its sub-folders (the "
                               "limit): not read");
  }
  EXPECT_EQ(list_folder(dir_.string(), pdf, 9).files.size(), 4u);  // exactly 9 entries
}

TEST(TempNames, LongestNamesFitNameMax) {
  std::string dir = fs::temp_directory_path() / ("kreport-temp-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  std::string name(NAME_MAX - 5, 'r');
  std::string path = dir + "/" + name + ".json";  // 255 bytes
  write_file_atomic(path, "{}");
  EXPECT_TRUE(fs::is_regular_file(path));
  std::string temp = atomic_temp_path(path, 2147483647);
  EXPECT_LE(fs::path(temp).filename().string().size(), static_cast<size_t>(NAME_MAX));
  EXPECT_EQ(temp.substr(temp.size() - 14), ".tmp2147483647");
  // Cut at a character's start: Hangul is three bytes a syllable.
  std::string hangul;
  for (int i = 0; i < 84; ++i) hangul += "가";
  std::string cut = fs::path(atomic_temp_path(dir + "/" + hangul, 1)).filename().string();
  EXPECT_EQ((cut.size() - 5) % 3, 0u) << cut;
  fs::remove_all(dir);
}

}  // namespace
