// Small builders the unit tests share: lines, pages and blocks in memory, no PDF needed.
#pragma once

#include <string>
#include <vector>

#include "kreport/layout.h"
#include "kreport/tables.h"

namespace kreport::test {

constexpr double kPageWidth = 595, kPageHeight = 842;  // A4 in points

/// A line of one run of text from (x0, y0) to x1, `size` high.
inline Line line(std::string text, double x0, double y0, double x1, double size = 10,
                 std::string font = "NanumGothic") {
  Line l;
  l.text = std::move(text);
  l.bbox = {x0, y0, x1, y0 + size};
  l.size = size;
  l.font = std::move(font);
  return l;
}

/// A word of a line: where it stands on the line.
struct WordAt {
  std::string text;
  double x0, x1;
};

/// One line made of words on baseline `y`; `spaced`: the PDF put a space after each.
inline Line line_of_words(double y, std::vector<WordAt> words, bool spaced, double size = 8) {
  Line l = line("", words.front().x0, y, words.back().x1, size);
  for (WordAt& w : words) {
    l.spans.push_back({w.text, {w.x0, y, w.x1, y + size}, spaced, !l.text.empty()});
    l.text += (l.text.empty() ? "" : " ") + w.text;
  }
  return l;
}

/// A page of lines in the order given (as the layout stage gives them).
inline PageLines page_lines(std::vector<Line> lines, int number = 1) {
  return PageLines{number, kPageWidth, kPageHeight, std::move(lines)};
}

/// A page laid out: the lines in the order given, none of them a table's.
inline PageLayout laid_out(std::vector<Line> lines, int number = 1) {
  PageLayout p{number, kPageWidth, kPageHeight, std::move(lines), {}};
  p.tables.resize(p.lines.size());
  return p;
}

/// The tables the tables stage finds.
inline std::vector<Table> tables_in(const std::vector<PageLines>& pages,
                                    const DocumentWords& vocabulary = {}) {
  return find_tables(pages, vocabulary).tables;
}

/// A block of text.
inline TextBlock block(std::string type, std::string text, Bbox box = {40, 100, 300, 112},
                       double size = 10) {
  TextBlock b;
  b.type = std::move(type);
  b.text = std::move(text);
  b.bbox = box;
  b.size = size;
  return b;
}

}  // namespace kreport::test
