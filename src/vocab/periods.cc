// Fiscal years as column headers print them. A header is one of these forms as a whole, never
// a part of a longer text: "2025F" is a year, "1Q25" and "2025F 지배주주 EPS" are not. Years
// 1990-2099; two-digit years are 20xx and need a letter or "FY" (a bare "25" is a number).
#include <regex>

#include "kreport/vocab.h"

namespace kreport::vocab {
namespace {

const PeriodForm kForms[] = {
    {"year_letter", R"(((?:19|20)\d{2}) ?\(?([AFEPafep])\)?)", "2025F", 2025, "forecast"},
    {"year", R"(((?:19|20)\d{2}))", "2024", 2024, "actual"},
    {"year_month", R"(((?:19|20)\d{2})\.(?:0?[1-9]|1[0-2]) ?([AFEPafep])?)", "2025.12E", 2025,
     "forecast"},
    {"month_year", R"((?:0?[1-9]|1[0-2])/(\d{2})([AFEPafep]))", "12/25F", 2025, "forecast"},
    {"fy", R"(FY ?((?:19|20)?\d{2})([AFEPafep])?)", "FY25", 2025, "actual"},
    {"short_year", R"((\d{2})([AFEPafep]))", "23A", 2023, "actual"},
};

const std::regex& pattern(size_t form) {
  static const std::vector<std::regex> patterns = [] {
    std::vector<std::regex> out;
    for (const PeriodForm& f : kForms) out.emplace_back(f.pattern);
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

}  // namespace

std::span<const PeriodForm> period_forms() {
  return kForms;
}

std::optional<FiscalPeriod> fiscal_period(std::string_view header) {
  size_t b = header.find_first_not_of(' '), e = header.find_last_not_of(' ');
  if (b == std::string_view::npos || e - b > 16) return std::nullopt;
  std::string h(header.substr(b, e - b + 1));
  std::smatch m;
  for (size_t i = 0; i < std::size(kForms); ++i) {
    if (!std::regex_match(h, m, pattern(i))) continue;
    int year = std::stoi(m[1].str());
    if (year < 100) year += 2000;
    return FiscalPeriod{year, kind_of_letter(m.size() > 2 ? m[2].str() : ""), &kForms[i]};
  }
  return std::nullopt;
}

}  // namespace kreport::vocab
