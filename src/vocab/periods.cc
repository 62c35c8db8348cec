// Fiscal years and quarters as column headers print them. A header is one of these forms as a
// whole, never a part of a longer text: "2025F" is a year, "1Q25" a quarter, "2025F 지배주주
// EPS" neither. Years 1990-2099; two-digit years are 20xx and need a letter, "FY" or a quarter
// ("25" alone is a number). A quarter printed without its year (`2QF` under a row of years)
// reads as year 0: the column's other header line gives it.
#include <regex>

#include "kreport/regex.h"
#include "kreport/vocab.h"

namespace kreport::vocab {
namespace {

const PeriodForm kPeriodForms[] = {
    {"year_letter", R"(((?:19|20)\d{2}) ?\(?([AFEPafep])\)?)", "2025F", 2025, "forecast"},
    {"year", R"(((?:19|20)\d{2}))", "2024", 2024, "actual"},
    {"year_month", R"(((?:19|20)\d{2})\.(0?[1-9]|1[0-2]) ?([AFEPafep])?)", "2025.12E", 2025,
     "forecast", 1, 3, 2},
    {"month_year", R"((0?[1-9]|1[0-2])/(\d{2})([AFEPafep]))", "12/25F", 2025, "forecast", 2, 3, 1},
    {"fy", R"(FY ?((?:19|20)?\d{2})([AFEPafep])?)", "FY25", 2025, "actual"},
    {"short_year", R"((\d{2})([AFEPafep]))", "23A", 2023, "actual"},
};

const QuarterForm kQuarterForms[] = {
    {"quarter_year", R"(([1-4]) ?Q ?'?((?:19|20)?\d{2}) ?\(?([AFEPafep])?\)?)", 2, 1, 3, "2Q25F",
     2025, 2, "forecast"},
    {"year_quarter", R"(((?:19|20)\d{2}) ?[./]? ?([1-4]) ?Q ?\(?([AFEPafep])?\)?)", 1, 2, 3,
     "2024 4Q", 2024, 4, "actual"},
    {"korean", R"(((?:19|20)?\d{2}) ?년 ?([1-4]) ?분기 ?\(?([AFEPafep])?\)?)", 1, 2, 3,
     "2024년 4분기", 2024, 4, "actual"},
    {"quarter_only", R"(([1-4]) ?Q ?\(?([AFEPafep])?\)?)", 0, 1, 2, "2QF", 0, 2, "forecast"},
};

template <typename Form, size_t N>
const Regex& pattern(const Form (&forms)[N], size_t form) {
  static const std::vector<Regex> patterns = [&] {
    std::vector<Regex> out;
    for (const Form& f : forms) out.emplace_back(f.pattern);
    return out;
  }();
  return patterns[form];
}

std::string kind_of_letter(std::string_view letter) {
  if (letter.empty()) return "actual";
  switch (letter[0]) {
    case 'F':
    case 'f':
    case 'E':
    case 'e':
      return "forecast";
    case 'P':
    case 'p':
      return "preliminary";
    default:
      return "actual";
  }
}

// The header without its outer spaces, or "" when it is too long to be one or has no digit:
// every form has one (the tables' examples in rules_test show it), and most cells a table
// asks about are words, which need not go through every pattern to be told no.
std::string header_text(std::string_view header) {
  size_t b = header.find_first_not_of(' '), e = header.find_last_not_of(' ');
  if (b == std::string_view::npos || e - b > 16) return "";
  std::string_view h = header.substr(b, e - b + 1);
  if (h.find_first_of("0123456789") == std::string_view::npos) return "";
  return std::string(h);
}

std::string group(const std::smatch& m, int g) {
  return g > 0 && static_cast<size_t>(g) < m.size() ? m[g].str() : "";
}

int year_of(const std::string& digits) {
  if (digits.empty()) return 0;
  int year = std::stoi(digits);
  return year < 100 ? year + 2000 : year;
}

}  // namespace

std::span<const PeriodForm> period_forms() {
  return kPeriodForms;
}

std::span<const QuarterForm> quarter_forms() {
  return kQuarterForms;
}

std::optional<FiscalPeriod> fiscal_period(std::string_view header) {
  std::string h = header_text(header);
  if (h.empty()) return std::nullopt;
  std::smatch m;
  for (size_t i = 0; i < std::size(kPeriodForms); ++i) {
    const PeriodForm& f = kPeriodForms[i];
    if (!std::regex_match(h, m, pattern(kPeriodForms, i))) continue;
    std::string month = group(m, f.month_group);
    return FiscalPeriod{year_of(group(m, f.year_group)), 0, month.empty() ? 0 : std::stoi(month),
                        kind_of_letter(group(m, f.letter_group)), &f};
  }
  return std::nullopt;
}

std::optional<FiscalPeriod> fiscal_quarter(std::string_view header) {
  std::string h = header_text(header);
  if (h.empty()) return std::nullopt;
  std::smatch m;
  for (size_t i = 0; i < std::size(kQuarterForms); ++i) {
    const QuarterForm& f = kQuarterForms[i];
    if (!std::regex_match(h, m, pattern(kQuarterForms, i))) continue;
    FiscalPeriod p{year_of(group(m, f.year_group)), std::stoi(group(m, f.quarter_group)), 0,
                   kind_of_letter(group(m, f.letter_group))};
    p.quarter_form = &f;
    return p;
  }
  return std::nullopt;
}

}  // namespace kreport::vocab
