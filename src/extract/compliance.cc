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
// (`Buy(매수) 시장대비 +20% 이상 주가 상승 예상`); the distribution is the run
// `매수 95.2% 중립 4.8% 매도 0.0%` with its `기준일` (or the end of its period).
#include <algorithm>
#include <cmath>
#include <regex>

#include "kreport/extract.h"
#include "rules.h"

namespace kreport::extract {
namespace {

// Phrases of the notice, squashed (no spaces): what marks a page as the notice.
constexpr std::string_view kNoticePhrases[] = {"사전제공", "부당한압력", "1%이상",
                                               "재산적이해관계"};

// The sentence around `at` in squashed text: up to the next `다.`/`다` end or 90 bytes.
std::string sentence_after(const std::string& text, size_t at) {
  size_t end = text.find("다", at);
  end = end == std::string::npos ? text.size() : std::min(end + 3, text.size());
  return text.substr(at, std::min(end - at, size_t{90}));
}

std::optional<bool> negatable(const std::string& text, std::string_view phrase, bool affirmed) {
  size_t at = text.find(phrase);
  if (at == std::string::npos) return std::nullopt;
  std::string s = sentence_after(text, at);
  bool negated = contains(s, "없") || contains(s, "않");
  return negated ? !affirmed : affirmed;
}

struct DefWord {
  const char* word;   // lowercase
  const char* scope;  // "stock", "industry" or "" (either: decided by the column)
};
constexpr DefWord kDefWords[] = {
    {"strong buy", "stock"},
    {"trading buy", "stock"},
    {"buy", "stock"},
    {"outperform", "stock"},
    {"marketperform", "stock"},
    {"underperform", "stock"},
    {"hold", "stock"},
    {"reduce", "stock"},
    {"sell", "stock"},
    {"not rated", "stock"},
    {"매수", "stock"},
    {"매도", "stock"},
    {"overweight", "industry"},
    {"underweight", "industry"},
    {"positive", "industry"},
    {"negative", "industry"},
    {"비중확대", "industry"},
    {"비중축소", "industry"},
    {"neutral", ""},
    {"중립", ""},
};

const DefWord* def_word(std::string_view text, std::string* printed) {
  std::string lower = lower_ascii(trim(text));
  for (std::string_view p : {"- ", "▪ ", "• ", "_ "})
    if (lower.starts_with(p)) lower = lower.substr(p.size());
  for (const DefWord& d : kDefWords)
    if (lower.starts_with(d.word)) {
      *printed =
          trim(text).substr(trim(text).size() - lower.size(), std::string_view(d.word).size());
      return &d;
    }
  return nullptr;
}

std::vector<RatingDefinition> parse_definitions(const PageLayout& page) {
  std::vector<RatingDefinition> out;
  std::vector<std::pair<const Line*, const DefWord*>> seen;
  for (const Line& l : page.lines) {
    std::string printed;
    const DefWord* d = def_word(l.text, &printed);
    if (!d) continue;
    std::string rule = l.text;
    if (!contains(rule, "%"))
      for (const Line* n : right_neighbours(page, l))
        if (contains(n->text, "%")) {
          rule = n->text;
          break;
        }
    if (!contains(rule, "%") || utf8::decode(rule).size() > 80) continue;
    std::string scope = d->scope;
    if (scope.empty()) {  // Neutral: the scope of the column it stands in
      scope = "stock";
      for (const auto& [ol, od] : seen)
        if (*od->scope && std::abs(ol->bbox.x0 - l.bbox.x0) < 5) scope = od->scope;
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
std::vector<RatingDefinition> prose_definitions(const std::string& text) {
  static const std::regex prose(
      R"(([-+]?[0-9]+(?:\.[0-9]+)? ?(?:~ ?[-+]?[0-9]+(?:\.[0-9]+)?)? ?%(?: ?(?:이상|이하|미만|초과))?)[^%.]{0,120}?(Strong Buy|Trading Buy|Buy|Hold|Sell|Outperform|Underperform|Overweight|Underweight|Positive|Neutral|Negative) ?\()");
  std::vector<RatingDefinition> out;
  for (std::sregex_iterator it(text.begin(), text.end(), prose), end; it != end; ++it) {
    std::string word = (*it)[2];
    std::string printed;
    const DefWord* d = def_word(word, &printed);
    out.push_back({d && std::string_view(d->scope) == "industry" ? "industry" : "stock", word,
                   trim((*it)[1].str())});
  }
  return out;
}

std::optional<std::string> first_date(const std::string& s) {
  static const std::regex d(
      R"((20[0-9]{2}) ?(?:[./-]|년) ?([0-9]{1,2}) ?(?:[./-]|월) ?([0-9]{1,2}))");
  std::smatch m;
  if (!std::regex_search(s, m, d)) return std::nullopt;
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", std::stoi(m[1]), std::stoi(m[2]),
                std::stoi(m[3]));
  return std::string(buf);
}

OptString distribution_date(const std::string& text, size_t at) {
  size_t from = at > 400 ? at - 400 : 0;
  std::string window = text.substr(from, 800);
  if (size_t k = window.find("기준일"); k != std::string::npos)
    if (auto d = first_date(window.substr(k))) return d;
  // A period `(2023/10/01~2024/09/30)`: its end.
  static const std::regex period(
      R"([0-9]{4} ?[./-] ?[0-9]{1,2} ?[./-] ?[0-9]{1,2} ?~ ?([0-9]{4} ?[./-] ?[0-9]{1,2} ?[./-] ?[0-9]{1,2}))");
  std::smatch p;
  if (std::regex_search(window, p, period)) return first_date(p[1]);
  static const std::regex before_basis(
      R"((20[0-9]{2}) ?(?:[./-]|년) ?([0-9]{1,2}) ?(?:[./-]|월) ?([0-9]{1,2}) ?(?:일)? ?기준)");
  std::smatch m;
  if (std::regex_search(window, m, before_basis)) return first_date(m[0]);
  return std::nullopt;
}

// The percentage printed under a header cell (`매수` over `95.2%`), in the next row.
OptNumber value_under(const PageLayout& page, const Line& head) {
  static const std::regex pct(R"(^([0-9]+(?:\.[0-9]+)?) ?%$)");
  double cx = (head.bbox.x0 + head.bbox.x1) / 2;
  const Line* best = nullptr;
  for (const Line& l : page.lines) {
    bool below = l.bbox.y0 > head.bbox.y1 - 1 && l.bbox.y0 - head.bbox.y1 < 40;
    if (below && l.bbox.x0 - 15 < cx && l.bbox.x1 + 15 > cx && std::regex_match(l.text, pct) &&
        (!best || l.bbox.y0 < best->bbox.y0))
      best = &l;
  }
  if (!best) return std::nullopt;
  return std::stod(best->text);
}

// A distribution printed as a table: a header row `매수 중립 매도` and the percentages under
// it (Hanwha's `[ 당사 조사분석자료의 투자등급 부여 비중 ]`).
std::optional<RatingDistribution> table_distribution(const PageLayout& page,
                                                     const std::string& text) {
  for (const Line& buy : page.lines) {
    if (buy.text != "매수" && buy.text != "Buy" && buy.text != "BUY") continue;
    RatingDistribution d;
    d.buy = value_under(page, buy);
    for (const Line& o : page.lines) {
      if (!same_baseline(o, buy)) continue;
      if (o.text == "중립" || o.text == "Hold" || o.text == "Neutral")
        d.hold = value_under(page, o);
      if (o.text == "매도" || o.text == "Sell") d.sell = value_under(page, o);
    }
    if (d.buy && d.hold && d.sell) {
      if (size_t k = text.find("기준일"); k != std::string::npos)
        d.as_of = first_date(text.substr(k));
      return d;
    }
  }
  return std::nullopt;
}

std::string page_text_from(const PageLayout& page, size_t first) {
  std::string text;
  double top = page.lines[first].bbox.y0 - 1;
  for (size_t i = first; i < page.lines.size(); ++i)
    if (page.lines[i].bbox.y0 >= top) text += (text.empty() ? "" : "\n") + page.lines[i].text;
  return text;
}

}  // namespace

Statements parse_statements(std::string_view text) {
  std::string s = squash(text);
  for (size_t at; (at = s.find('\n')) != std::string::npos;) s.erase(at, 1);
  Statements st;
  // `사전 제공한 사실이 없습니다`, `사전에 제공한 사실이 없습니다` (Hanwha).
  st.no_prior_distribution = negatable(s, "사전제공", false);
  if (!st.no_prior_distribution) st.no_prior_distribution = negatable(s, "사전에제공", false);
  st.analyst_independence =
      contains(s, "부당한압력") || contains(s, "간섭없이") ? std::optional(true) : std::nullopt;
  // `발행주식을 1% 이상 보유하고 있지 않습니다`: `보유` may stand before or after `1% 이상`,
  // the negation ends the sentence.
  if (size_t at = s.find("1%이상"); at != std::string::npos) {
    size_t start = at > 60 ? at - 60 : 0;
    std::string after = sentence_after(s, at);
    if (contains(s.substr(start, at - start) + after, "보유"))
      st.holds_1pct_or_more = !(contains(after, "않") || contains(after, "없"));
  }
  st.analyst_conflict = negatable(s, "재산적이해관계", true);
  return st;
}

std::optional<RatingDistribution> parse_distribution(std::string_view text) {
  std::string s(text);
  for (char& c : s)
    if (c == '\n') c = ' ';
  static const std::string num = R"(([0-9]+(?:\.[0-9]+)?) ?%)";
  static const std::regex ko("매수[^0-9%]{0,16}?" + num + "[^0-9]{0,24}?중립[^0-9%]{0,16}?" + num +
                             "[^0-9]{0,24}?매도[^0-9%]{0,16}?" + num);
  static const std::regex en(R"((?:Buy|BUY)[^0-9%]{0,16}?)" + num +
                             R"([^0-9]{0,24}?(?:Hold|HOLD|Neutral|NEUTRAL)[^0-9%]{0,16}?)" + num +
                             R"([^0-9]{0,24}?(?:Sell|SELL)[^0-9%]{0,16}?)" + num);
  std::smatch m;
  if (!std::regex_search(s, m, ko) && !std::regex_search(s, m, en)) return std::nullopt;
  RatingDistribution d;
  d.buy = std::stod(m[1]);
  d.hold = std::stod(m[2]);
  d.sell = std::stod(m[3]);
  d.as_of = distribution_date(s, static_cast<size_t>(m.position(0)));
  return d;
}

std::optional<NoticeSpan> find_notice(const std::vector<PageLayout>& pages) {
  for (size_t p = 0; p < pages.size(); ++p)
    for (size_t i = 0; i < pages[p].lines.size(); ++i)
      if (contains(lower_ascii(squash(pages[p].lines[i].text)), "compliancenotice"))
        return NoticeSpan{static_cast<int>(p), i};
  for (size_t p = pages.size(); p-- > 0;) {
    int hits = 0;
    std::optional<size_t> first;
    for (size_t i = 0; i < pages[p].lines.size(); ++i) {
      std::string s = squash(pages[p].lines[i].text);
      for (std::string_view ph : kNoticePhrases)
        if (contains(s, ph)) {
          ++hits;
          if (!first || pages[p].lines[i].bbox.y0 < pages[p].lines[*first].bbox.y0) first = i;
        }
    }
    if (hits >= 2) return NoticeSpan{static_cast<int>(p), *first};
  }
  return std::nullopt;
}

std::vector<std::string> notice_authors(const std::vector<PageLayout>& pages) {
  std::vector<std::string> out;
  for (const PageLayout& page : pages)
    for (const Line& l : page.lines) {
      std::u32string u = utf8::decode(l.text);
      std::u32string key = U"작성자";
      for (size_t at = u.find(key); at != std::u32string::npos; at = u.find(key, at + 1)) {
        size_t i = at + key.size();
        while (i < u.size() && (u[i] == U' ' || u[i] == U'(' || u[i] == U':')) ++i;
        while (i < u.size()) {
          size_t b = i;
          while (i < u.size() && is_hangul(u[i])) ++i;
          std::string name = utf8::encode(u.substr(b, i - b));
          if (!is_person_name(name) || name == "관리자" || name == "본인") break;
          if (std::find(out.begin(), out.end(), name) == out.end()) out.push_back(name);
          while (i < u.size() && (u[i] == U',' || u[i] == U' ')) ++i;
        }
      }
    }
  return out;
}

}  // namespace kreport::extract

namespace kreport {

std::optional<Compliance> extract_compliance(const std::vector<PageLayout>& pages, Diagnostics&) {
  using namespace extract;
  auto span = find_notice(pages);
  if (!span) return std::nullopt;
  const PageLayout& page = pages[span->page_index];
  Compliance c;
  c.page = page.number;
  c.text = page_text_from(page, span->first_line);
  std::string wide = c.text;
  if (static_cast<size_t>(span->page_index) + 1 < pages.size())
    for (const Line& l : pages[span->page_index + 1].lines) wide += "\n" + l.text;
  c.statements = parse_statements(c.text);
  c.rating_definitions = parse_definitions(page);
  if (c.rating_definitions.empty() && static_cast<size_t>(span->page_index) + 1 < pages.size())
    c.rating_definitions = parse_definitions(pages[span->page_index + 1]);
  if (c.rating_definitions.empty()) {
    std::string flat = c.text;
    std::replace(flat.begin(), flat.end(), '\n', ' ');
    c.rating_definitions = prose_definitions(flat);
  }
  c.rating_distribution = parse_distribution(wide);
  if (!c.rating_distribution) c.rating_distribution = table_distribution(page, c.text);
  return c;
}

}  // namespace kreport
