// The compliance notice. It starts at a `Compliance Notice` heading (`[Compliance Notice]`,
// `[ Compliance Notice ]`, `Compliance notice`) or, where a firm prints the boilerplate
// without one (recent SK reports: `작성자(박제민)는 … 확인합니다`), at the first of its
// sentences on the last page that has two of them. Its text runs to the end of that page.
// Statements are read from the sentences, and negation decides:
//   `발행주식을 1% 이상 보유하고 있지 않습니다` -> holds_1pct_or_more = false;
//   `제3자에게 사전 제공한 사실이 없습니다` -> no_prior_distribution = true;
//   `재산적 이해관계가 없습니다` -> analyst_conflict = false;
//   `외부의 부당한 압력이나 간섭 없이` -> analyst_independence = true.
// Rating definitions are lines that start with a rating word and state a threshold
// (`Buy(매수) 시장대비 +20% 이상 주가 상승 예상`). The distribution (`매수 95.2% 중립 4.8%
// 매도 0.0%`) is the tables step's: a table of kind rating_distribution, dated by its heading's
// `기준일` (or the end of its period), else by the notice's.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <regex>

#include "extract_parts.h"
#include "kreport/extract.h"
#include "kreport/regex.h"
#include "kreport/tables.h"
#include "params.h"

namespace kreport::extract {
namespace {

// The sentence around `at` in squashed text: up to the next `다.`/`다` end or 90 bytes.
std::string sentence_after(const std::string& text, size_t at) {
  size_t end = text.find("다", at);
  end = end == std::string::npos ? text.size() : std::min(end + 3, text.size());
  return text.substr(at, std::min(end - at, kExtract.statement_bytes));
}

bool negated(const std::string& sentence) {
  return contains(sentence, "없") || contains(sentence, "않");
}

// The rating word a definition line opens with (after a list marker), and how it is printed.
const vocab::RatingWord* def_word(std::string_view text, std::string* printed) {
  std::string t = trim(text);
  for (std::string_view p : {"- ", "▪ ", "• ", "_ "})
    if (std::string_view(t).starts_with(p)) t = t.substr(p.size());
  const vocab::RatingWord* d = vocab::rating_word_at(t);
  if (d) *printed = t.substr(0, std::string_view(d->printed).size());
  return d;
}

std::vector<RatingDefinition> parse_definitions(const PageLayout& page) {
  std::vector<RatingDefinition> out;
  std::vector<std::pair<const Line*, const vocab::RatingWord*>> seen;
  for (const Line& l : page.lines) {
    std::string printed;
    const vocab::RatingWord* d = def_word(l.text, &printed);
    if (!d) continue;
    std::string rule = l.text;
    if (!contains(rule, "%"))
      for (const Line* n : right_neighbours(page, l))
        if (contains(n->text, "%")) {
          rule = n->text;
          break;
        }
    if (!contains(rule, "%") || utf8::decode(rule).size() > kExtract.max_definition_chars) continue;
    std::string scope = d->scope;
    if (scope.empty()) {  // Neutral: the scope of the column it stands in
      scope = "stock";
      for (const auto& [ol, od] : seen)
        if (*od->scope && std::abs(ol->bbox.x0 - l.bbox.x0) < kExtract.definition_column_x)
          scope = od->scope;
    }
    seen.push_back({&l, d});
    std::string capital = printed;
    if (!capital.empty() && capital[0] >= 'a' && capital[0] <= 'z') capital[0] -= 32;
    out.push_back({scope, capital, trim(rule)});
  }
  return out;
}

// Definitions written as prose (Hanwha): `+15% 이상의 절대수익률이 기대되는 종목에 대해
// Buy(매수) 의견을 제시합니다`.
// "trading buy" -> "Trading Buy": how definitions written as prose print a rating word.
std::string capitalized(std::string_view word) {
  std::string out(word);
  for (size_t i = 0; i < out.size(); ++i)
    if ((i == 0 || out[i - 1] == ' ') && out[i] >= 'a' && out[i] <= 'z') out[i] -= 'a' - 'A';
  return out;
}

std::vector<RatingDefinition> prose_definitions(const std::string& text) {
  static const Regex prose = [] {
    std::string words;
    for (const vocab::RatingWord& r : vocab::rating_words())
      if (static_cast<unsigned char>(r.printed[0]) < 0x80 && !contains(r.printed, "/"))
        words += (words.empty() ? "" : "|") + capitalized(r.printed);
    return Regex(
        R"(([-+]?[0-9]+(?:\.[0-9]+)? ?(?:~ ?[-+]?[0-9]+(?:\.[0-9]+)?)? ?%(?: ?(?:이상|이하|미만|초과))?)[^%.]{0,120}?()" +
        words + R"() ?\()");
  }();
  std::vector<RatingDefinition> out;
  for (RegexIterator it(text.begin(), text.end(), prose), end; it != end; ++it) {
    std::string word = (*it)[2];
    const vocab::RatingWord* d = vocab::rating_word_at(word);
    out.push_back({d && std::string_view(d->scope) == "industry" ? "industry" : "stock", word,
                   trim((*it)[1].str())});
  }
  return out;
}

// The first date with its year printed.
std::optional<std::string> first_date(const std::string& s) {
  for (const vocab::DateHit& d : vocab::find_dates(s))
    if (d.year > 0 && !d.two_digit_year) return d.iso();
  return std::nullopt;
}

// The day a distribution counts to: a `기준일` date, else the end of a period
// `(2023/10/01~2024/09/30)`, else a date followed by `기준`.
// A `기준일` at `k` that is the report's written date (`작성 기준일`), not a distribution's.
bool written_date_label(const std::string& text, size_t k) {
  for (const char* w : vocab::cover_words(vocab::CoverKind::notice_written_label)) {
    std::string_view label = w;
    size_t end = k + std::string_view("기준일").size();
    if (end >= label.size() && std::string_view(text).substr(0, end).ends_with(label)) return true;
  }
  return false;
}

OptString distribution_date(const std::string& text, size_t at) {
  const size_t half = kExtract.distribution_window_bytes;
  size_t from = at > half ? at - half : 0;
  std::string window = text.substr(from, 2 * half);
  // The `기준일` nearest the percentages: a notice may also print its own date of record
  // (`작성 기준일: 2025년 5월 14일`) a few lines before the distribution.
  std::optional<std::string> nearest;
  size_t best = std::string::npos;
  for (size_t k = window.find("기준일"); k != std::string::npos; k = window.find("기준일", k + 1))
    if (auto d = first_date(window.substr(k)); d && !written_date_label(window, k)) {
      size_t distance = k > at - from ? k - (at - from) : (at - from) - k;
      if (distance < best) nearest = d, best = distance;
    }
  if (nearest) return nearest;
  std::vector<vocab::DateHit> dates = vocab::find_dates(window);
  auto between = [&](size_t i) {
    return trim(std::string_view(window).substr(dates[i].pos + dates[i].len,
                                                dates[i + 1].pos - dates[i].pos - dates[i].len));
  };
  for (size_t i = 0; i + 1 < dates.size(); ++i)
    if (dates[i + 1].year > 0 && between(i) == "~") return dates[i + 1].iso();
  for (const vocab::DateHit& d : dates) {
    std::string after = trim(std::string_view(window).substr(d.pos + d.len));
    if (d.year > 0 && (after.starts_with("기준") || after.starts_with("일 기준"))) return d.iso();
  }
  return std::nullopt;
}

// A table in the notice's text: its header and rows, a line each, cells apart by a space.
std::string table_text(const Table& t) {
  std::string text, header;
  for (const Column& c : t.columns)
    if (!c.label.empty()) header += (header.empty() ? "" : " ") + c.label;
  text = header;
  for (const auto& row : t.rows) {
    std::string line;
    for (const Cell& c : row) {
      std::string cell;
      if (const std::string* str = std::get_if<std::string>(&c)) cell = *str;
      if (const double* d = std::get_if<double>(&c)) {
        char buf[32];
        std::snprintf(buf, sizeof buf, "%g", *d);
        cell = buf;
      }
      if (!cell.empty()) line += (line.empty() ? "" : " ") + cell;
    }
    if (!line.empty()) text += (text.empty() ? "" : "\n") + line;
  }
  return text;
}

// The notice's text: its section's blocks on the page it starts on (the notice runs to the
// end of that page), a table among them as its header and rows.
std::string notice_text(const Section& notice, const std::vector<Table>& tables) {
  std::string text;
  int page = notice.blocks.front().page;
  for (const Block& b : notice.blocks) {
    if (b.page != page) continue;
    std::string piece = b.text;
    if (b.table)
      for (const Table& t : tables)
        if (t.id == *b.table) piece = table_text(t);
    if (b.bullet) piece = *b.bullet + " " + piece;
    if (!piece.empty()) text += (text.empty() ? "" : "\n") + piece;
  }
  return text;
}

// A share of a distribution, added up (`83.98 + 6.63`) without the binary fraction's tail.
double rounded(double v) {
  return std::round(v * 1e6) / 1e6;
}

}  // namespace

Statements parse_statements(std::string_view text) {
  std::string s = squash(text);
  std::erase(s, '\n');
  Statements st;
  auto field = [&](std::string_view name) -> std::optional<bool>& {
    if (name == "no_prior_distribution") return st.no_prior_distribution;
    if (name == "analyst_independence") return st.analyst_independence;
    if (name == "holds_1pct_or_more") return st.holds_1pct_or_more;
    return st.analyst_conflict;
  };
  // The first phrase of a statement that the notice prints decides it.
  for (const vocab::NoticePhrase& p : vocab::notice_phrases()) {
    std::optional<bool>& value = field(p.statement);
    size_t at = s.find(p.phrase);
    if (value || at == std::string::npos) continue;
    std::string after = sentence_after(s, at);
    size_t start = at > kExtract.near_before_bytes ? at - kExtract.near_before_bytes : 0;
    if (*p.near && !contains(s.substr(start, at - start) + after, p.near)) continue;
    bool flips = p.reading == vocab::Reading::negation_flips && negated(after);
    value = flips ? !p.affirmed : p.affirmed;
  }
  return st;
}

std::optional<RatingDistribution> distribution_of(const Table& t, std::string_view notice) {
  std::vector<RatingShare> shares = rating_shares(t);
  if (shares.empty()) return std::nullopt;
  RatingDistribution d;
  for (const RatingShare& s : shares) {
    OptNumber* to = s.rating == "buy"    ? &d.buy
                    : s.rating == "hold" ? &d.hold
                    : s.rating == "sell" ? &d.sell
                                         : nullptr;
    if (to) *to = rounded(to->value_or(0) + s.percent);
  }
  // The day it counts to: its heading's (`(기준일: 2023 년 12 월 31 일)`, `(2024/07/01~
  // 2025/06/30)`, `2023.12.31 기준`), else the notice's `기준일` that is not its written date.
  for (const OptString& label : {t.title, t.source})
    if (label && !d.as_of) d.as_of = distribution_date(*label, 0);
  std::string text(notice);
  for (size_t k = text.find("기준일"); k != std::string::npos && !d.as_of;
       k = text.find("기준일", k + 1))
    if (!written_date_label(text, k))
      d.as_of = first_date(text.substr(k, kExtract.as_of_label_bytes));
  return d;
}

std::vector<std::string> notice_authors(const std::vector<PageLayout>& pages) {
  std::vector<std::string> out;
  for (const PageLayout& page : pages)
    for (const Line& l : page.lines) {
      std::u32string u = utf8::decode(l.text);
      for (const char* label : vocab::notice_words("author")) {
        std::u32string key = utf8::decode(label);
        for (size_t at = u.find(key); at != std::u32string::npos; at = u.find(key, at + 1)) {
          // Names stand in the label's parentheses or after its colon (`작성자(최민재)는`,
          // `(작성자: 이시우)`); `작성자는 본인의 의견을` is a sentence, not a list.
          size_t i = at + key.size();
          while (i < u.size() && u[i] == U' ') ++i;
          if (i >= u.size() || (u[i] != U'(' && u[i] != U':')) continue;
          while (i < u.size() && (u[i] == U' ' || u[i] == U'(' || u[i] == U':')) ++i;
          while (i < u.size()) {
            size_t b = i;
            while (i < u.size() && is_hangul(u[i])) ++i;
            std::string name = utf8::encode(u.substr(b, i - b));
            if (!is_person_name(name) || is_not_a_name(name)) break;
            if (std::find(out.begin(), out.end(), name) == out.end()) out.push_back(name);
            while (i < u.size() && (u[i] == U',' || u[i] == U' ')) ++i;
          }
        }
      }
    }
  return out;
}

}  // namespace kreport::extract

namespace kreport {

std::optional<Compliance> extract_compliance(const std::vector<PageLayout>& pages,
                                             const std::vector<Section>& sections,
                                             const std::vector<Table>& tables, Diagnostics&) {
  using namespace extract;
  // Where the notice starts is the sections step's decision: its compliance section.
  auto notice = std::find_if(sections.begin(), sections.end(), [](const Section& s) {
    return s.kind == "compliance" && !s.blocks.empty();
  });
  if (notice == sections.end()) return std::nullopt;
  int first = notice->blocks.front().page;
  auto at = std::find_if(pages.begin(), pages.end(),
                         [&](const PageLayout& p) { return p.number == first; });
  if (at == pages.end() || at->lines.empty()) return std::nullopt;
  const PageLayout& page = *at;
  const PageLayout* next = at + 1 != pages.end() ? &*(at + 1) : nullptr;
  Compliance c;
  c.page = first;
  c.text = notice_text(*notice, tables);
  c.statements = parse_statements(c.text);
  c.rating_definitions = parse_definitions(page);
  if (c.rating_definitions.empty() && next) c.rating_definitions = parse_definitions(*next);
  if (c.rating_definitions.empty()) {
    std::string flat = c.text;
    std::replace(flat.begin(), flat.end(), '\n', ' ');
    c.rating_definitions = prose_definitions(flat);
  }
  // The distribution the tables step found: the first at or after the notice's page, else
  // the last before it. (A table typed by its words alone, `매수` over a cover's target
  // price, prints no shares.)
  const Table* shares = nullptr;
  for (const Table& t : tables)
    if (t.kind == "rating_distribution" && !rating_shares(t).empty() &&
        (!shares || shares->page < first))
      shares = &t;
  if (shares) c.rating_distribution = distribution_of(*shares, c.text);
  return c;
}

}  // namespace kreport
