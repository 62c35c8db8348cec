// Dates, however printed. Each form is a regular expression; every form is searched and the
// hits are kept left to right without overlaps, the earlier form winning a tie (a full
// `2021/10/05` before the `10/05` inside it). Month 1-12, day 1-31, years 1990-2100 (two-digit
// years are 20xx): anything else is not a date (`12.5.37`, `4/33`).
#include <algorithm>
#include <cstdio>
#include <regex>

#include "kreport/regex.h"
#include "kreport/vocab.h"

namespace kreport::vocab {
namespace {

const DateForm kDateForms[] = {
    {"ymd", "2024. 11.14, 2023년 2월 27일, 2021/10/05, 2025-08-19", "(공표일: 2023년 2월 27일)",
     "2023-02-27"},
    {"yy_md", "21.10.29, 24/3/7 (two-digit year)", "21.10.29", "2021-10-29"},
    {"mdy_en", "Feb 03, 2025", "Feb 03, 2025", "2025-02-03"},
    {"dmy_en", "3 February 2025", "3 February 2025", "2025-02-03"},
    {"md", "2/9, 01-28 (no year)", "현재주가(11/13)", "--11-13"},
};

// Groups: year, month, day (or month, day for md; month name for the English forms).
const Regex& pattern(size_t form) {
  static const Regex patterns[] = {
      Regex(
          R"((?:^|[^0-9])((?:19|20)[0-9]{2}) ?(?:[./-]|년) ?([0-9]{1,2}) ?(?:[./-]|월) ?([0-9]{1,2})(?: ?일)?(?=[^0-9]|$))"),
      Regex(R"((?:^|[^0-9./-])([0-9]{2})([./-])([0-9]{1,2})\2([0-9]{1,2})(?=[^0-9./-]|$))"),
      Regex(
          R"((?:^|[^A-Za-z])(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.? ([0-9]{1,2}),? ((?:19|20)[0-9]{2})(?=[^0-9]|$))"),
      Regex(
          R"((?:^|[^0-9])([0-9]{1,2}) (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?,? ((?:19|20)[0-9]{2})(?=[^0-9]|$))"),
      Regex(R"((?:^|[^0-9./-])([0-9]{1,2})[/-]([0-9]{1,2})(?=[^0-9./-]|$))"),
  };
  return patterns[form];
}

const DateContext kDateContexts[] = {
    {"종가", false, "종가(2021/10/28) 71,500"},
    {"주가", false, "주가(2024/11/13) 72,300원"},
    {"기준", false, "주: 2025.07.25 종가 기준"},
    {"~", false, "(2020/10/27~2021/10/27)"},
    {"ETA", false, "ETA 2025.03.10"},
    {"현재", false, "2024.11.13 현재"},
    {"공표일", true, "(공표일: 2023년 2월 27일)"},
    {"발간일", true, "(발간일: 2024.11.14)"},
    {"작성일", true, "(작성일: 2024.11.14)"},
    {"Date", true, "(Date: 2024.11.14)"},
};

int month_number(const std::string& name) {
  static const char* kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                  "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  for (int m = 0; m < 12; ++m)
    if (name == kMonths[m]) return m + 1;
  return 0;
}

bool plausible(const DateHit& d) {
  return d.month >= 1 && d.month <= 12 && d.day >= 1 && d.day <= 31 &&
         (d.year == 0 || (d.year >= 1990 && d.year <= 2100));
}

DateHit hit_of(size_t form, const std::smatch& m) {
  DateHit d;
  d.form = &kDateForms[form];
  // The match may start with the character before the date: the date starts at group 1.
  d.pos = static_cast<size_t>(m.position(1));
  d.len = static_cast<size_t>(m.position(0) + m.length(0)) - d.pos;
  switch (form) {
    case 0:
      d.year = std::stoi(m[1]), d.month = std::stoi(m[2]), d.day = std::stoi(m[3]);
      break;
    case 1:
      d.year = 2000 + std::stoi(m[1]), d.month = std::stoi(m[3]), d.day = std::stoi(m[4]);
      d.two_digit_year = true;
      break;
    case 2:
      d.month = month_number(m[1]), d.day = std::stoi(m[2]), d.year = std::stoi(m[3]);
      break;
    case 3:
      d.day = std::stoi(m[1]), d.month = month_number(m[2]), d.year = std::stoi(m[3]);
      break;
    default:
      d.month = std::stoi(m[1]), d.day = std::stoi(m[2]);
  }
  return d;
}

// Cheap tests before the regular expressions, which cost most of the time on lines
// without dates: the separators or month names a form needs.
bool worth_searching(size_t form, std::string_view s) {
  auto has = [&](std::string_view chars) { return s.find_first_of(chars) != s.npos; };
  switch (form) {
    case 0:
      return has("./-") || s.find("년") != s.npos;
    case 1:
      return has("./-");
    case 2:
    case 3:
      return has("JFMASOND") && s.find_first_of("abceglnoprtuvy") != s.npos;
    default:
      return has("/-");
  }
}

}  // namespace

std::span<const DateForm> date_forms() {
  return kDateForms;
}

std::span<const DateContext> date_contexts() {
  return kDateContexts;
}

std::string DateHit::iso() const {
  char buf[40];
  if (year > 0)
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
  else
    std::snprintf(buf, sizeof buf, "--%02d-%02d", month, day);
  return buf;
}

std::vector<DateHit> find_dates(std::string_view text) {
  // Most text has no digits near a separator: nothing to search.
  if (text.find_first_of("0123456789") == std::string_view::npos) return {};
  std::string s(text);
  std::vector<DateHit> all;
  for (size_t f = 0; f < std::size(kDateForms); ++f) {
    if (!worth_searching(f, text)) continue;
    for (RegexIterator it(s.begin(), s.end(), pattern(f)), end; it != end; ++it) {
      DateHit d = hit_of(f, *it);
      if (plausible(d)) all.push_back(d);
    }
  }
  std::stable_sort(all.begin(), all.end(), [](const DateHit& a, const DateHit& b) {
    return a.pos != b.pos ? a.pos < b.pos : a.form < b.form;
  });
  std::vector<DateHit> out;
  for (const DateHit& d : all) {
    bool overlaps = std::any_of(out.begin(), out.end(), [&](const DateHit& o) {
      return d.pos < o.pos + o.len && o.pos < d.pos + d.len;
    });
    if (!overlaps) out.push_back(d);
  }
  return out;
}

}  // namespace kreport::vocab
