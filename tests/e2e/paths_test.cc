// Every path the command line takes (an input, -o, --db, --dump-stage, a folder) behaves the
// same spelled relative or absolute, existing or not yet, with a trailing slash or without
// (issue 29: `kreport batch reports/ -o records/` into a new relative folder converted only
// its first document). Each test runs kreport in a fresh working directory of its own, as a
// user types the command, with three small documents under reports/.
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <nlohmann/json.hpp>

#include "archive.h"
#include "run.h"

namespace fs = std::filesystem;
using kreport::test::read_file;
using kreport::test::run_kreport_in;
using kreport::test::source_dir;

namespace {

// How a folder (or file) argument is spelled and what is there before the command runs.
struct Shape {
  bool absolute = false;
  bool exists = false;
  bool slash = false;  // a trailing slash (folders only)
};

std::string describe(const Shape& s, bool folder = true) {
  return std::string(s.absolute ? "Absolute" : "Relative") + (s.exists ? "Existing" : "New") +
         (folder ? (s.slash ? "Slash" : "NoSlash") : "");
}

std::vector<Shape> shapes(bool folder) {
  std::vector<Shape> out;
  for (bool a : {false, true})
    for (bool e : {false, true})
      for (bool s : {false, true})
        if (folder || !s) out.push_back({a, e, s});
  return out;
}

class PathsBase : public testing::Test {
 protected:
  void SetUp() override {
    std::string name = testing::UnitTest::GetInstance()->current_test_info()->name();
    for (char& c : name)
      if (c == '/') c = '_';
    cwd_ = fs::temp_directory_path() / ("kreport-paths-" + std::to_string(::getpid()) + "-" + name);
    fs::remove_all(cwd_);
    fs::create_directories(cwd_ / "reports/sub");
    // Three small documents of different bytes (an archive keeps one report per SHA-256).
    fs::path hostile = source_dir() / "fixtures/hostile";
    fs::copy_file(hostile / "good.pdf", cwd_ / "reports/a.pdf");
    fs::copy_file(hostile / "header_after_2KiB.pdf", cwd_ / "reports/b.pdf");
    fs::copy_file(hostile / "trailing_garbage_4KiB.pdf", cwd_ / "reports/sub/c.pdf");
  }
  void TearDown() override { fs::remove_all(cwd_); }

  // `name` (a folder or a file under the working directory) spelled as `s` says. A folder
  // is made first when `s.exists`; a file's folder always is (an output file's folder is
  // never created, NewFolderOfAFileIsAnError), and the file too when `s.exists`.
  std::string spell(const std::string& name, const Shape& s, bool folder) {
    if (folder && s.exists) fs::create_directories(cwd_ / name);
    if (!folder) fs::create_directories((cwd_ / name).parent_path());
    if (!folder && s.exists) std::ofstream(cwd_ / name) << "old";
    std::string path = s.absolute ? (cwd_ / name).string() : name;
    return "'" + path + (folder && s.slash ? "/" : "") + "'";
  }

  int reports_in(const fs::path& db) {
    return static_cast<int>(kreport::test::archive_count(db, "reports"));
  }

  fs::path cwd_;
};

// Folders: relative or absolute, new or existing, with a trailing slash or without.
class FolderPaths : public PathsBase, public testing::WithParamInterface<Shape> {};
// Files: relative or absolute, new or replaced.
class FilePaths : public PathsBase, public testing::WithParamInterface<Shape> {};

std::string folder_shape(const testing::TestParamInfo<Shape>& info) {
  return describe(info.param);
}

std::string file_shape(const testing::TestParamInfo<Shape>& info) {
  return describe(info.param, false);
}

// The output folder in each shape, the input folder in one of its four by turns.
TEST_P(FolderPaths, BatchConvertsEveryDocumentIntoTheOutputFolder) {
  const Shape& out = GetParam();
  Shape in{out.exists, true, out.slash != out.absolute};
  auto r = run_kreport_in(
      cwd_, "batch -q " + spell("reports", in, true) + " -o " + spell("new/records", out, true));
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(r.err, "");
  for (const char* name : {"a.json", "b.json", "sub/c.json", "_summary.json"})
    EXPECT_TRUE(fs::is_regular_file(cwd_ / "new/records" / name)) << name;
  auto summary = nlohmann::json::parse(read_file(cwd_ / "new/records/_summary.json"));
  EXPECT_EQ(summary["converted"], 3) << summary.dump();
  // The input's path is printed as typed, less the slash: the same with one or without.
  std::string prefix = in.absolute ? (cwd_ / "reports").string() : "reports";
  EXPECT_EQ(summary["files"][0]["input"], prefix + "/a.pdf");
  EXPECT_EQ(run_kreport_in(cwd_, "validate -q new/records/a.json new/records/_summary.json").code,
            0);
  // A rerun in the same spelling finds every record up to date.
  r = run_kreport_in(
      cwd_, "batch -q " + spell("reports", in, true) + " -o " + spell("new/records", out, true));
  EXPECT_EQ(r.code, 0) << r.err;
  summary = nlohmann::json::parse(read_file(cwd_ / "new/records/_summary.json"));
  EXPECT_EQ(summary["skipped"], 3);
}

TEST_P(FilePaths, ExtractWritesToTheFileNamed) {
  const Shape& s = GetParam();
  std::string out = spell("records/r.json", s, false);
  std::string in = s.exists ? "'" + (cwd_ / "reports/a.pdf").string() + "'" : "reports/a.pdf";
  auto r = run_kreport_in(cwd_, "extract -q " + in + " -o " + out);
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(run_kreport_in(cwd_, "validate -q records/r.json").code, 0);
  auto record = nlohmann::json::parse(read_file(cwd_ / "records/r.json"));
  // source.path is the input as typed.
  EXPECT_EQ(record["source"]["path"],
            s.exists ? (cwd_ / "reports/a.pdf").string() : "reports/a.pdf");
}

TEST_P(FolderPaths, DumpStageWritesIntoTheFolderNamed) {
  const Shape& s = GetParam();
  auto r = run_kreport_in(
      cwd_, "extract -q reports/a.pdf --dump-stage lines,blocks " + spell("dump/here", s, true));
  ASSERT_EQ(r.code, 0) << r.err;
  for (const char* name : {"lines.json", "blocks.json"}) {
    ASSERT_TRUE(fs::is_regular_file(cwd_ / "dump/here" / name)) << name;
    EXPECT_FALSE(nlohmann::json::parse(read_file(cwd_ / "dump/here" / name)).empty());
  }
}

TEST_P(FilePaths, IndexWritesTheArchiveNamedAndQueryReadsIt) {
  const Shape& s = GetParam();
  ASSERT_EQ(run_kreport_in(cwd_, "batch -q reports -o records").code, 0);
  Shape records{s.absolute, true, !s.exists};
  std::string db = spell("archive.sqlite", s, false);
  if (s.exists) {  // an archive already holding one of the three
    fs::remove(cwd_ / "archive.sqlite");
    ASSERT_EQ(run_kreport_in(cwd_, "index -q records/a.json --db " + db).code, 0);
  }
  auto r = run_kreport_in(cwd_, "index -q " + spell("records", records, true) + " --db " + db);
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(reports_in(cwd_ / "archive.sqlite"), 3);
  r = run_kreport_in(cwd_, "query " + db + " search Hostile --format jsonl");
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(std::count(r.out.begin(), r.out.end(), '\n'), 3) << r.out;
}

INSTANTIATE_TEST_SUITE_P(Shapes, FolderPaths, testing::ValuesIn(shapes(true)), folder_shape);
INSTANTIATE_TEST_SUITE_P(Shapes, FilePaths, testing::ValuesIn(shapes(false)), file_shape);

class PathErrors : public PathsBase {};

TEST_F(PathErrors, NameEndingInSlashIsAFolderNotAFile) {
  auto r = run_kreport_in(cwd_, "extract reports/a.pdf -o r.json/");
  EXPECT_EQ(r.code, 4);
  EXPECT_EQ(r.err,
            "kreport: r.json/: cannot write: the name ends in a slash (a folder, not a file)\n");
  EXPECT_FALSE(fs::exists(cwd_ / "r.json"));
  r = run_kreport_in(cwd_, "index reports --db archive.sqlite/");
  EXPECT_EQ(r.code, 4);
  EXPECT_NE(r.err.find("archive.sqlite/: cannot write: the name ends in a slash"),
            std::string::npos)
      << r.err;
}

// A file's folder is not made (as with cp, or a shell's >): the error comes before any work,
// the same for a relative or an absolute name.
TEST_F(PathErrors, NewFolderOfAFileIsAnError) {
  for (std::string folder : {std::string("new"), (cwd_ / "new").string()}) {
    auto r = run_kreport_in(cwd_, "extract reports/a.pdf -o '" + folder + "/r.json'");
    EXPECT_EQ(r.code, 4);
    EXPECT_EQ(r.err, "kreport: " + folder + "/r.json: cannot write: No such file or directory\n");
    r = run_kreport_in(cwd_, "index reports --db '" + folder + "/a.sqlite'");
    EXPECT_EQ(r.code, 4);
    EXPECT_EQ(r.err, "kreport: " + folder + "/a.sqlite: cannot write: No such file or directory\n");
    r = run_kreport_in(cwd_, "batch -q reports -o out --summary '" + folder + "/s.json'");
    EXPECT_EQ(r.code, 4);
    EXPECT_EQ(r.err, "kreport: " + folder + "/s.json: cannot write: No such file or directory\n");
    EXPECT_FALSE(fs::exists(cwd_ / "new"));
  }
  EXPECT_FALSE(fs::exists(cwd_ / "out/a.json"));
}

TEST_F(PathErrors, OutputFolderThatCannotBeMadeFailsBeforeAnyWork) {
  std::ofstream(cwd_ / "file") << "x";
  auto r = run_kreport_in(cwd_, "batch -q reports -o file/records");
  EXPECT_EQ(r.code, 4);
  EXPECT_EQ(r.err, "kreport: file/records: cannot create folder: Not a directory\n");
}

}  // namespace
