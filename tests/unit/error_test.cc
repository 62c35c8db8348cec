#include "kreport/error.h"

#include <gtest/gtest.h>

#include <cctype>
#include <fstream>
#include <set>
#include <string>

using namespace kreport;

TEST(Error, DescribeNamesFileAndPage) {
  EXPECT_EQ(describe(Error(Errc::not_pdf, "not a PDF (no %PDF- header)", "a.pdf")),
            "a.pdf: not a PDF (no %PDF- header)");
  EXPECT_EQ(describe(Error(Errc::damaged, "bad xref", "r.pdf", 3)), "r.pdf (page 3): bad xref");
  EXPECT_EQ(describe(Error(Errc::io, "cannot read standard input")), "cannot read standard input");
}

TEST(Error, InFileKeepsCodeAndPage) {
  Error e = Error(Errc::encrypted, "needs a password", "", 2).in_file("x.pdf");
  EXPECT_EQ(e.code(), Errc::encrypted);
  EXPECT_EQ(e.page(), 2);
  EXPECT_EQ(e.file(), "x.pdf");
}

TEST(Error, ExitCodesAreTheDocumentedOnes) {
  EXPECT_EQ(exit_code(Errc::usage), 1);
  for (Errc c : {Errc::io, Errc::empty, Errc::not_pdf, Errc::damaged, Errc::encrypted,
                 Errc::bad_password, Errc::no_pages, Errc::no_text, Errc::too_large, Errc::timeout,
                 Errc::memory, Errc::resource})
    EXPECT_EQ(exit_code(c), 2) << errc_name(c);
  EXPECT_EQ(exit_code(Errc::output), 4);
  EXPECT_EQ(exit_code(Errc::internal), 5);
}

TEST(Error, MemoryHasItsOwnName) {
  EXPECT_STREQ(errc_name(Errc::memory), "memory");
}

TEST(Error, ControlCharactersInNamesAreEscaped) {
  EXPECT_EQ(one_line("a\nb\tc\rd\x1b.pdf"), "a\\nb\\tc\\rd\\x1b.pdf");
  EXPECT_EQ(one_line("보고서 (1).pdf"), "보고서 (1).pdf");
  EXPECT_EQ(describe(Error(Errc::io, "cannot open", "x\ny.pdf")), "x\\ny.pdf: cannot open");
}

TEST(Error, EveryKindHasOneRowOfTheTable) {
  const Errc last = Errc::internal;
  std::set<std::string> names;
  for (int c = 0; c <= static_cast<int>(last); ++c) {
    auto code = static_cast<Errc>(c);
    int rows = 0;
    for (const ErrcInfo& k : error_kinds()) rows += k.code == code;
    EXPECT_EQ(rows, 1) << "Errc " << c;
    EXPECT_EQ(exit_code(code), [&] {
      for (const ErrcInfo& k : error_kinds())
        if (k.code == code) return k.exit;
      return -1;
    }());
    names.insert(errc_name(code));
  }
  EXPECT_EQ(names.size(), error_kinds().size());
  EXPECT_EQ(exit_code(Errc::invalid), 2);
}

// The --help footer is made from the table: every code, every kind's meaning, 79 columns.
TEST(Error, HelpFooterListsEveryCodeAndKind) {
  std::string help = exit_codes_help();
  for (const char* code : {"\n  0  success", "\n  1  usage error: a bad option or argument",
                           "\n  2  input rejected: missing or unreadable, empty, not a PDF",
                           "\n  3  some inputs failed", "\n  4  the output could not be written",
                           "\n  5  internal error", "\n  129, 130, 143  batch stopped"})
    EXPECT_NE(help.find(code), std::string::npos) << code;
  for (const ErrcInfo& k : error_kinds()) {
    // A meaning may be wrapped: compare with runs of spaces and newlines made one space.
    std::string flat;
    for (char c : help)
      if (!(std::isspace(static_cast<unsigned char>(c)) && !flat.empty() && flat.back() == ' '))
        flat += std::isspace(static_cast<unsigned char>(c)) ? ' ' : c;
    EXPECT_NE(flat.find(k.means), std::string::npos) << k.name;
  }
  size_t start = 0;
  for (size_t end; (end = help.find('\n', start)) != std::string::npos; start = end + 1)
    EXPECT_LE(end - start, 79u) << help.substr(start, end - start);
}

// README's table of exit codes has the codes --help lists, in the same order.
TEST(Error, ReadmeListsTheSameExitCodes) {
  std::ifstream in(std::string(KREPORT_SOURCE_DIR) + "/README.md");
  std::string line, readme_codes, help_codes;
  bool table = false;
  while (std::getline(in, line)) {
    if (line == "### Exit codes")
      table = true;
    else if (table && line.rfind("| ", 0) == 0 && line.find(" | ") != std::string::npos &&
             std::isdigit(static_cast<unsigned char>(line[2])))
      readme_codes += line.substr(2, line.find(" | ") - 2) + ";";
    else if (table && line.rfind("###", 0) == 0)
      break;
  }
  std::string help = exit_codes_help();
  for (size_t at = 0; (at = help.find("\n  ", at)) != std::string::npos; ++at)
    if (std::isdigit(static_cast<unsigned char>(help[at + 3])))
      help_codes += help.substr(at + 3, help.find("  ", at + 3) - at - 3) + ";";
  EXPECT_EQ(readme_codes, help_codes);
  EXPECT_EQ(help_codes, "0;1;2;3;4;5;129, 130, 143;");
}
