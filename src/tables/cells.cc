// Cells of a table line, and the numbers in them.
#include <algorithm>
#include <cctype>
#include <cmath>
#include <regex>
#include <string_view>

#include "kreport/regex.h"
#include "kreport/tables.h"
#include "kreport/utf8.h"
#include "kreport/vocab.h"
#include "params.h"
#include "table_parts.h"

namespace kreport::tables {
namespace {

// A gap wider than this (in font sizes) may end a cell: PDF writers draw each cell on its
// own. Where the word before it carries a space (poppler also flags wide gaps as spaces),
// the gap must also be well over a plain space. A line whose spaces are all alike and
// mostly between words, not numbers, is justified text and is never cut. Measured: cell
// gaps 0.5-1.3 em, spaces 0.25-0.6 em (stretched evenly within a justified line).

const Regex kNumber(
    R"(^\(?([-+−–]?)\$?([0-9][0-9,]*(\.[0-9]+)?)\)?\s*(%|[A-Za-z/]+|배|원|조원|억원|십억원)?$)");

// A cell's words with the spaces the line's text has between them (the lines step normalized
// each word: no second pass here).
std::string join(const std::vector<Span>& spans, size_t begin, size_t end) {
  std::string s;
  for (size_t i = begin; i < end; ++i) {
    if (i > begin && spans[i].space_before) s += ' ';
    s += spans[i].text;
  }
  return s;
}

double median(std::vector<double> v) {
  if (v.empty()) return 0;
  std::nth_element(v.begin(), v.begin() + v.size() / 2, v.end());
  return v[v.size() / 2];
}

std::vector<double> space_gaps(const Line& line) {
  std::vector<double> gaps;
  double em = std::max(1.0, line.size);
  for (size_t i = 1; i < line.spans.size(); ++i)
    if (line.spans[i - 1].space_after)
      gaps.push_back((line.spans[i].bbox.x0 - line.spans[i - 1].bbox.x1) / em);
  return gaps;
}

}  // namespace

double usual_space(const std::vector<Line>& lines) {
  std::vector<double> all;
  for (const Line& l : lines)
    for (double g : space_gaps(l)) all.push_back(g);
  return all.empty() ? kTable.default_space_em : median(all);
}

std::vector<Piece> pieces_of(const Line& line, size_t index, double page_space) {
  Piece whole{line.text, line.bbox, line.size, index, true};
  if (line.spans.size() < 2) return {whole};
  double em = std::max(1.0, line.size);
  std::vector<double> spaces = space_gaps(line);
  // Each span parsed once; a fiscal year as a header prints it (`2024.12E`, `2025F`) stands
  // for a number too: a row of them one space apart is a row of cells.
  std::vector<bool> value(line.spans.size());
  for (size_t i = 0; i < line.spans.size(); ++i)
    value[i] = is_value(parse_number(line.spans[i].text)) ||
               vocab::fiscal_period(line.spans[i].text).has_value();
  size_t values = std::count(value.begin(), value.end(), true);
  // A wide gap without a space is where one run of text ended and another began: a cell's
  // edge ("52주 최고/최저" | "498,500 / 320,000원"), whatever the spaces look like.
  bool runs = false;
  for (size_t i = 1; i < line.spans.size(); ++i)
    runs |= !line.spans[i - 1].space_after &&
            line.spans[i].bbox.x0 - line.spans[i - 1].bbox.x1 >= kTable.cell_gap_em * em;
  if (!runs && spaces.size() >= kTable.justified_spaces && values * 2 < line.spans.size() &&
      *std::max_element(spaces.begin(), spaces.end()) <=
          kTable.even_spaces * *std::min_element(spaces.begin(), spaces.end()))
    return {whole};
  double space = page_space;
  for (double g : spaces) space = std::min(space, g);
  std::vector<size_t> cuts = {0};
  for (size_t i = 1; i < line.spans.size(); ++i) {
    double gap = (line.spans[i].bbox.x0 - line.spans[i - 1].bbox.x1) / em;
    bool numbers = gap >= kTable.number_space_em && value[i - 1] && value[i];
    if (numbers || (gap >= kTable.cell_gap_em &&
                    (!line.spans[i - 1].space_after || gap >= kTable.over_space * space)))
      cuts.push_back(i);
  }
  if (cuts.size() == 1) return {whole};
  cuts.push_back(line.spans.size());
  std::vector<Piece> pieces;
  for (size_t c = 0; c + 1 < cuts.size(); ++c) {
    Bbox box = line.spans[cuts[c]].bbox;
    for (size_t i = cuts[c]; i < cuts[c + 1]; ++i) box = box.united(line.spans[i].bbox);
    std::string text = join(line.spans, cuts[c], cuts[c + 1]);
    if (!text.empty()) pieces.push_back(Piece{text, box, line.size, index, false});
  }
  // A sentence drawn in two runs is still a sentence: a long line cut once, with no
  // numbers in it, stays whole.
  bool numbers = std::any_of(pieces.begin(), pieces.end(),
                             [](const Piece& p) { return is_value(parse_number(p.text)); });
  double cut_gap = (line.spans[cuts[1]].bbox.x0 - line.spans[cuts[1] - 1].bbox.x1) / em;
  if (!numbers && pieces.size() == 2 && utf8::length(line.text) >= kTable.prose_chars &&
      cut_gap < kTable.sentence_gap_em)
    return {whole};
  return pieces;
}

bool is_caption(const std::string& text) {
  return vocab::label_of(text) != vocab::LineLabel::none;
}

bool is_running_text(const Piece& p, double page_width) {
  if (p.paragraph_end) return true;
  return p.whole && utf8::length(p.text) >= kTable.prose_chars &&
         p.bbox.width() >= kTable.prose_share * page_width;
}

Parsed parse_number(const std::string& text) {
  // Most words are no numbers: only a digit, a sign, "(" or "$" may start one.
  if (text.empty() || !(std::isdigit(static_cast<unsigned char>(text[0])) ||
                        std::string_view("(-+$\xE2").find(text[0]) != std::string_view::npos))
    return {};
  std::smatch m;
  if (!std::regex_match(text, m, kNumber)) return {};
  if (vocab::is_market_code(m[4].str()) && text.find(' ') != std::string::npos) return {};
  // "005930", "(005930)": a code, not a quantity.
  if (m[2].length() >= 2 && m[2].str()[0] == '0' && m[2].str()[1] != '.') return {};
  // "4QF", "1H", "3QE": a period, not a quantity.
  std::string suffix = m[4].str();
  if (!suffix.empty() && (suffix[0] == 'Q' || suffix[0] == 'H') && suffix.size() <= 2) return {};
  std::string digits;
  for (char c : m[2].str())
    if (c != ',') digits += c;
  double v = std::stod(digits);
  bool negative = !m[1].str().empty() || (text.front() == '(' && text.back() == ')');
  // "$3M": dollars in millions, the unit "$M".
  if (text.find('$') != std::string::npos) suffix = "$" + suffix;
  return {true, negative ? -v : v, suffix};
}

bool is_value(const Parsed& p) {
  // One letter after a number is a period ("1W", "2024A"), except a ratio's "x" ("1.7x");
  // "$3M" carries "$M".
  return p.number && (p.suffix.empty() || p.suffix.size() >= 2 || p.suffix == "%" ||
                      p.suffix == "x" || p.suffix == "$");
}

// "13.8TB(HBM3E)": a measure with a note, a value all the same.
bool value_like(const std::string& text) {
  static const Regex measured(R"(^-?[0-9][0-9,]*\.[0-9]+\s*[A-Za-z%].*)");
  return !text.empty() && (std::isdigit(static_cast<unsigned char>(text[0])) || text[0] == '-') &&
         std::regex_match(text, measured);
}

// A column header that reads as a number: a bare year (`2024`), or a year and its closing
// month (`2023.12`, `2025.12E`: a December fiscal year).
bool is_year_header(const std::string& text, const Parsed& p) {
  if (is_value(p) && p.suffix.empty() && p.value >= 1990 && p.value <= 2100 &&
      text.find_first_of(".,") == std::string::npos)
    return true;
  std::optional<vocab::FiscalPeriod> f = vocab::fiscal_period(text);
  return f && std::string_view(f->form->id) == "year_month";
}

bool numeric_row(const std::vector<const Piece*>& cells) {
  size_t values = 0, years = 0;
  for (const Piece* c : cells) {
    Parsed p = parse_number(c->text);
    bool value = is_value(p) || value_like(c->text) || vocab::is_marks(c->text);
    values += value;
    years += value && is_year_header(c->text, p);
  }
  // Mostly values, or one among three cells or more (a ranking's score beside its names).
  return values >= 1 && (values * 2 >= cells.size() || cells.size() >= 3) && years < values;
}

}  // namespace kreport::tables

namespace kreport {

std::string cell_text(const Cell& c) {
  if (const std::string* s = std::get_if<std::string>(&c)) return *s;
  if (const double* d = std::get_if<double>(&c); d && *d == std::floor(*d) && std::abs(*d) < 1e4)
    return std::to_string(static_cast<int>(*d));
  return "";
}

}  // namespace kreport
