// Numbers OCR read, checked before they are data: OCR misreads digits silently (`2,801` as
// `2.801`, a comma as a dot, a digit dropped), and a table passes its cells on as numbers.
// What fails a check a misread would fail is left null, with a warning naming what was read;
// what passes keeps `origin: ocr` on its cell box, and a warning says how many such cells a
// table holds.
#include <regex>

#include "kreport/regex.h"

#include "kreport/tables.h"
#include "kreport/vocab.h"
#include "table_parts.h"

namespace kreport {
namespace {

// A run of digits and commas inside a number: `12,345`, `12,34,000`.
const Regex kDigitRun(R"([0-9][0-9,]*[0-9])");
// Thousands grouping: one to three digits, then groups of exactly three.
const Regex kGrouped(R"([0-9]{1,3}(,[0-9]{3})+)");
// A stock code as a table prints it (`005930`, `A005930`, `(005930)`): a leading zero and
// digits only. Korea's tickers are six digits; four to eight is a code with a digit lost or
// doubled.
const Regex kCode(R"(\(?A?0[0-9]{3,7}\)?)");
const Regex kSixDigits(R"(\(?A?[0-9]{6}\)?)");
// A header that reads like a year (`2024`, `2O25E`, `20245`): it starts as one (19.., 20..,
// FY; OCR reads 0 as O and 1 as l or I) and holds three digits or more.
const Regex kYearLike(R"((?:[1lI]9|2[0Oo]|FY)[0-9A-Za-z.']*)");

size_t digits(const std::string& s) {
  size_t n = 0;
  for (char c : s) n += c >= '0' && c <= '9';
  return n;
}

std::string quoted(const std::string& s) {
  return "'" + s + "'";
}

}  // namespace

std::string ocr_number_problem(const std::string& text) {
  for (auto it = RegexIterator(text.begin(), text.end(), kDigitRun); it != RegexIterator(); ++it) {
    std::string run = it->str();
    if (run.find(',') != std::string::npos && !std::regex_match(run, kGrouped))
      return "the wrong digit grouping";
  }
  if (std::regex_match(text, kCode) && !std::regex_match(text, kSixDigits))
    return "a stock code that is not six digits";
  return "";
}

std::string ocr_header_problem(const std::string& text) {
  if (!std::regex_match(text, kYearLike) || digits(text) < 3) return "";
  if (tables::is_year_header(text, tables::parse_number(text)) || vocab::fiscal_period(text) ||
      vocab::fiscal_quarter(text))
    return "";
  return "not a year's form";
}

namespace tables {

std::vector<Warning> ocr_warnings(const std::vector<Table>& tables) {
  std::vector<Warning> out;
  for (const Table& t : tables) {
    size_t read = 0;
    for (const Column& c : t.columns)
      if (!c.ocr_dropped.empty())
        out.push_back({"OCR_NUMBER_DROPPED", t.page,
                       "table " + t.id + ": the column header " + quoted(c.ocr_dropped) +
                           " read by OCR is " + ocr_header_problem(c.ocr_dropped) +
                           ": its label is left empty"});
    for (size_t r = 0; r < t.boxes.size(); ++r)
      for (size_t k = 0; k < t.boxes[r].size(); ++k) {
        const std::optional<CellBox>& b = t.boxes[r][k];
        if (!b || !b->ocr) continue;
        ++read;
        if (b->ocr_dropped.empty()) continue;
        std::string column = k < t.columns.size() ? t.columns[k].label : "";
        out.push_back({"OCR_NUMBER_DROPPED", b->page,
                       "table " + t.id + " row " + std::to_string(r + 1) + " column " +
                           quoted(column) + ": " + quoted(b->ocr_dropped) + " read by OCR has " +
                           ocr_number_problem(b->ocr_dropped) + ": left null"});
      }
    if (read > 0)
      out.push_back({"OCR_CELLS", t.page,
                     "table " + t.id + ": " + std::to_string(read) +
                         " cell(s) read by OCR (origin \"ocr\" in cell_boxes): check them"});
  }
  return out;
}

}  // namespace tables
}  // namespace kreport
