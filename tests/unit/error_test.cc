#include "kreport/error.h"

#include <gtest/gtest.h>

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
