// The company report's rating box: ticker, company, rating, target and current price.
//   - Ticker: the cover's largest-font line with a KRX code in any printed form (`(005930)`,
//     `005930/KS`, `035420.KS`, `247540. KQ`, `[005930]`, `A005930`, `(365340,KQ)`, or the
//     bare `에코프로비엠 247540` in a title font). Small print only counts when it is the one
//     code on the cover; a cover listing several codes in small print is an industry report.
//     When the box is a picture, the running header of later pages gives it
//     (`기업분석 / 카카오(035720)` on two or more pages).
//   - Rating: lines that *are* a rating (`BUY(유지)`, `투자의견 매수(유지)`, `Not Rated`),
//     largest font first, then topmost: the box's rating is printed larger than the rating
//     history's (`투자의견 BUY BUY`) and above it. Only where no line is a rating does a
//     sentence count: `투자의견 Buy, 목표주가 120,000원으로 하향` (a box the rules miss).
//   - Target price: a label line with its value (`목표주가(12M) 36,000원(하향)`), else the label's
//     value beside it on its baseline (`6개월 목표주가` … `66,000`) or right under it; `-`
//     means none. Labels of other prices (`직전 목표주가`, `목표주가 추이`) are skipped. When
//     the box is a picture, the cover's text gives it: `목표주가는 120,000원에서 100,000원으로`.
#include <algorithm>
#include <cctype>
#include <cmath>
#include <regex>
#include <set>

#include "extract_parts.h"
#include "kreport/regex.h"
#include "kreport/tables.h"
#include "params.h"

namespace kreport::extract {
namespace {

// The label words of the box, from the cover-word table.
const std::vector<const char*>& target_labels() {
  static const std::vector<const char*> w = vocab::cover_words(vocab::CoverKind::target_label);
  return w;
}
const std::vector<const char*>& other_prices() {
  static const std::vector<const char*> w = vocab::cover_words(vocab::CoverKind::other_price);
  return w;
}
const std::vector<const char*>& current_labels() {
  static const std::vector<const char*> w = vocab::cover_words(vocab::CoverKind::current_label);
  return w;
}

std::string strip_label(std::string s) {
  s = trim(s);
  if (s.starts_with("투자의견")) {
    s = trim(s.substr(std::string_view("투자의견").size()));
    if (s.starts_with("(")) s = trim(s.substr(std::min(s.size(), s.find(')') + 1)));
    if (s.starts_with(":")) s = trim(s.substr(1));
  }
  return s;
}

std::optional<double> value_on(const PageLayout& page, const Line& label, bool* dash,
                               const Line** from = nullptr) {
  for (const Line* n : right_neighbours(page, label)) {
    std::string t = squash(n->text);
    if (t == "-" || t == "-원") return *dash = true, std::nullopt;
    if (auto v = parse_won(n->text)) {
      if (from) *from = n;
      return v;
    }
  }
  for (const Line& o : page.lines) {  // the value right under its label (Eugene's box)
    bool under = o.bbox.y0 >= label.bbox.y1 - 1 &&
                 o.bbox.y0 - label.bbox.y1 < kExtract.value_under_gap &&
                 o.bbox.x0 < label.bbox.x1 && o.bbox.x1 > label.bbox.x0;
    // A value, not the sentence of a column beside the box (`…기존의 71,000원에서 60,000원으로`).
    if (under && utf8::length(o.text) <= kExtract.max_value_chars) {
      if (from) *from = &o;
      return parse_won(o.text);
    }
  }
  return std::nullopt;
}

struct TargetResult {
  std::optional<double> value;
  bool found = false;  // a box entry was seen, even if it is `-`
  Why why;
};

// The rating box's target: its label with the value beside or under it. A sidebar holds the
// box where the page has one, so its lines are read first: the body's sentences name other
// targets (`목표주가 640,000원에서 상향`).
TargetResult box_target(const PageLayout& page) {
  std::vector<const Line*> lines;
  for (bool sidebar : {true, false})
    for (size_t i = 0; i < page.lines.size(); ++i)
      if ((page.region_of(i) == RegionKind::sidebar) == sidebar) lines.push_back(&page.lines[i]);
  for (const Line* line : lines) {
    const Line& l = *line;
    if (contains(l.text, "|")) {  // SK's header: `(018260/KS|매수(유지)|T.P 200,000 원(하향))`
      for (size_t b = 0, e; b < l.text.size(); b = e + 1) {
        e = std::min(l.text.find('|', b), l.text.size());
        std::string part = l.text.substr(b, e - b);
        if (is_target_label(part))
          if (auto v = parse_target_price(part)) return {v, true, {"target_in_header", l.text}};
      }
      continue;
    }
    if (!is_target_label(l.text)) continue;
    if (auto v = parse_target_price(l.text)) return {v, true, {"target_label_line", l.text}};
    bool dash = false;
    const Line* from = nullptr;
    if (auto v = value_on(page, l, &dash, &from))
      return {v, true, {"target_by_label", l.text + " | " + from->text}};
    if (dash) return {std::nullopt, true, {"target_dash", l.text}};
  }
  return {};
}

std::optional<double> text_target(const PageLayout& page, std::string* said) {
  std::string all;
  for (const Line& l : page.lines) all += l.text + ' ';
  // `목표주가는 … 58만원에서 54만원으로`: the label may stand a sentence's clause before the
  // change (up to 240 bytes, ~80 Hangul syllables, without a full stop in between).
  static const Regex change(
      R"((?:목표주가|적정주가)[^.]{0,240}?([0-9][0-9,.]* ?(?:만)? ?원)에서 ?([0-9][0-9,.]* ?(?:만)? ?원)으로)");
  static const Regex plain(R"((?:목표주가|적정주가)[^0-9.]{0,20}([0-9][0-9,.]* ?(?:만)? ?원))");
  std::smatch m;
  if (std::regex_search(all, m, change) || std::regex_search(all, m, plain)) {
    *said = m[0].str();
    return parse_won(m[m.size() - 1].str());
  }
  return std::nullopt;
}

// A rating named in the cover's sentences, for a box the rules do not know or that is a
// picture: `투자의견 Buy, 목표주가 120,000원으로 하향`, `투자의견을 매수로 상향`. The rating
// word follows the label within a particle, a colon or a quote.
std::optional<RatingHit> text_rating(const PageLayout& page, std::string* said) {
  static const Regex label(R"(투자의견\s*(?:은|는|을|를|:)?\s*['‘"“]?\s*)");
  for (const Line& l : page.lines) {
    std::string text = l.text;
    for (RegexIterator it(text.begin(), text.end(), label), end; it != end; ++it) {
      std::string rest = text.substr(it->position() + it->length());
      std::string lower = lower_ascii(rest);
      for (const vocab::RatingWord& r : vocab::rating_words()) {
        std::string_view w = r.printed;
        if (!*r.rating || std::string_view(r.scope) == "industry" || !lower.starts_with(w))
          continue;
        unsigned char next = lower.size() > w.size() ? lower[w.size()] : ' ';
        if (std::isalpha(next)) continue;  // "Buying", not "Buy"
        *said = l.text;
        return RatingHit{r.rating, rest.substr(0, w.size())};
      }
    }
  }
  return std::nullopt;
}

std::optional<double> current_price(const PageLayout& page) {
  for (const Line& l : page.lines) {
    if (std::none_of(current_labels().begin(), current_labels().end(),
                     [&](const char* w) { return l.text.starts_with(w); }))
      continue;
    if (utf8::decode(l.text).size() > kExtract.max_price_line_chars) continue;
    std::string rest = l.text.substr(l.text.find(')') == std::string::npos ? 0 : l.text.find(')'));
    if (auto v = parse_won(rest); v && rest.find_first_of("0123456789") != std::string::npos)
      return v;
    bool dash = false;
    if (auto v = value_on(page, l, &dash)) return v;
  }
  return std::nullopt;
}

struct TickerLine {
  TickerHit hit;
  const Line* line = nullptr;
};

std::optional<TickerLine> cover_ticker(const PageLayout& cover) {
  std::vector<TickerLine> hits;
  static const Regex bare(R"((?:^|[^0-9])([0-9]{6})$)");
  for (const Line& l : cover.lines) {
    auto t = parse_ticker(l.text);
    std::smatch m;
    if (!t && l.size >= kExtract.bare_ticker_size && std::regex_search(l.text, m, bare))
      t = TickerHit{m[1], {}};
    if (t) hits.push_back({*t, &l});
  }
  if (hits.empty()) return std::nullopt;
  auto big = std::max_element(hits.begin(), hits.end(), [](const auto& a, const auto& b) {
    return a.line->size < b.line->size;
  });
  if (big->line->size >= kExtract.title_ticker_size) return *big;
  bool one_code = std::all_of(hits.begin(), hits.end(),
                              [&](const auto& h) { return h.hit.code == hits[0].hit.code; });
  return one_code ? std::optional(hits[0]) : std::nullopt;
}

// The code in the running header of later pages, when two or more pages repeat it.
std::optional<TickerLine> header_ticker(const std::vector<PageLayout>& pages) {
  std::vector<TickerLine> hits;
  for (size_t i = 1; i < pages.size() && i < kExtract.header_ticker_pages; ++i)
    for (const Line& l : pages[i].lines)
      if (l.running)
        if (auto t = parse_ticker(l.text)) hits.push_back({*t, &l});
  for (const auto& h : hits)
    if (std::count_if(hits.begin(), hits.end(),
                      [&](const auto& o) { return o.hit.code == h.hit.code; }) >= 2)
      return h;
  return std::nullopt;
}

OptString company_before(std::string_view text, std::string_view code) {
  std::string s(text);
  size_t at = s.find(code);
  if (at == std::string::npos) return std::nullopt;
  std::string before = s.substr(0, at);
  if (size_t slash = before.rfind('/'); slash != std::string::npos)
    before = before.substr(slash + 1);
  while (!before.empty() && std::string_view("([A ").find(before.back()) != std::string_view::npos)
    before.pop_back();
  before = trim(before);
  if (before.empty() || utf8::decode(before).size() > kExtract.max_company_chars)
    return std::nullopt;
  return before;
}

// Where the code stands without a name (`(005930)`, `377300 · 기타금융`), the name printed
// next to it, as large: just before it on its baseline, right above it (`삼성전자` over
// `(005930)` in Eugene's and Daishin's banners), else right under it (Mirae's `카카오페이`
// under its small `377300`).
OptString company_by(const PageLayout& page, const Line& code) {
  const Line* best = nullptr;
  int best_rank = 3;
  for (const Line& l : page.lines) {
    if (&l == &code || l.size < kExtract.company_size_share * code.size) continue;
    bool across = l.bbox.x0 < code.bbox.x1 && l.bbox.x1 > code.bbox.x0;
    bool before = same_baseline(l, code) && l.bbox.x1 <= code.bbox.x0 + 1 &&
                  code.bbox.x0 - l.bbox.x1 < kExtract.company_before_gap_em * code.size;
    bool above = across && l.bbox.y1 <= code.bbox.y0 + 1 &&
                 code.bbox.y0 - l.bbox.y1 < kExtract.company_near_gap_em * code.size;
    bool under = across && l.bbox.y0 >= code.bbox.y1 - 1 &&
                 l.bbox.y0 - code.bbox.y1 < kExtract.company_near_gap_em * code.size;
    int rank = before ? 0 : above ? 1 : under ? 2 : 3;
    if (rank < best_rank) best = &l, best_rank = rank;
  }
  if (!best || parse_ticker(best->text)) return std::nullopt;
  std::string name = trim(best->text);
  if (name.empty() || utf8::decode(name).size() > kExtract.max_company_chars ||
      std::isdigit(static_cast<unsigned char>(name[0])))
    return std::nullopt;
  return name;
}

}  // namespace

bool is_target_label(std::string_view text) {
  if (utf8::decode(text).size() > kExtract.max_target_label_chars) return false;
  for (std::string_view o : other_prices())
    if (contains(text, o)) return false;
  // A label followed by a particle is a sentence's subject or object, not a box's label:
  // `목표주가를 하향하나 투자의견은 상향` (a headline beside the box).
  for (std::string_view l : target_labels())
    for (size_t at = text.find(l); at != std::string_view::npos; at = text.find(l, at + 1)) {
      if (!is_hangul(utf8::first(text.substr(at + l.size())))) return true;
    }
  return false;
}

std::optional<TickerHit> parse_ticker(std::string_view line) {
  static const Regex forms[] = {
      Regex(R"(([0-9]{6}) ?[./,] ?(KS|KQ)(?:[^A-Za-z]|$))"),
      Regex(R"(\(([0-9]{6})(?:\)|/))"),  // `(005930)`, `(005930/매수/TP 90,000원)`
      Regex(R"(^([0-9]{6}) ?[·|])"),     // Mirae's cover: `377300 · 기타금융`
      Regex(R"(\[([0-9]{6})\])"),
      Regex(R"((?:^|[^A-Za-z0-9])A([0-9]{6})(?:[^0-9]|$))"),
  };
  // Every form holds six digits in a row: most lines have none, and skip the regexes.
  size_t run = 0, longest = 0;
  for (char c : line) longest = std::max(longest, run = (c >= '0' && c <= '9') ? run + 1 : 0);
  if (longest < 6) return std::nullopt;
  std::string s(line);
  std::smatch m;
  for (const Regex& r : forms)
    if (std::regex_search(s, m, r))
      return TickerHit{m[1], m.size() > 2 && m[2].matched ? OptString(m[2]) : std::nullopt};
  return std::nullopt;
}

std::optional<RatingHit> parse_rating(std::string_view line) {
  const vocab::RatingWord* r = vocab::stated_rating(line);
  if (!r) return std::nullopt;
  return RatingHit{r->rating, strip_label(std::string(line))};
}

std::optional<double> parse_won(std::string_view text) {
  static const Regex man(R"(([0-9]+(?:\.[0-9]+)?) ?만 ?원)");
  static const Regex won(
      R"((?:^|[^0-9.,])([0-9]{1,3}(?:,[0-9]{3})+|[0-9]{3,})(?: ?원|[^0-9.,%]|$))");
  std::string s(text);
  std::smatch m;
  if (std::regex_search(s, m, man)) return std::stod(m[1]) * 10000;
  if (std::regex_search(s, m, won)) {
    std::string digits;
    for (char c : m[1].str())
      if (c != ',') digits += c;
    return std::stod(digits);
  }
  return std::nullopt;
}

std::optional<double> parse_target_price(std::string_view line) {
  std::string s(line);
  for (std::string_view l : target_labels()) {
    size_t at = s.find(l);
    if (at == std::string::npos) continue;
    std::string rest = s.substr(at + l.size());
    // Skip the label's own parentheses: `목표주가(12M)`, `적정주가 (12 개월)`.
    if (size_t open = rest.find('(');
        open != std::string::npos && open < kExtract.label_paren_bytes)
      rest = rest.substr(std::min(rest.size(), rest.find(')') + 1));
    if (rest.find_first_of("0123456789") == std::string::npos) return std::nullopt;
    return parse_won(rest);
  }
  return std::nullopt;
}

namespace {

struct RatingLine {
  RatingHit hit;
  const Line* line = nullptr;
};

// The box's rating: the largest line that is a rating, the topmost of equals.
std::optional<RatingLine> box_rating(const PageLayout& page) {
  std::optional<RatingLine> best;
  for (const Line& l : page.lines) {
    std::vector<std::string> parts;
    for (size_t b = 0, e; b <= l.text.size(); b = e + 1) {
      e = std::min(l.text.find('|', b), l.text.size());
      parts.push_back(l.text.substr(b, e - b));
    }
    for (const std::string& p : parts) {
      auto r = parse_rating(p);
      if (!r) continue;
      const Line* b = best ? best->line : nullptr;
      if (!b || l.size > b->size + kExtract.rating_size_step ||
          (std::abs(l.size - b->size) <= kExtract.rating_size_step && l.bbox.y0 < b->bbox.y0))
        best = RatingLine{*r, &l};
    }
  }
  return best;
}

// A deck whose page 1 is a picture (a 44-slide issue report): where the document names one
// stock code only, the company's box stands on the first page that prints the code and a
// rating line (its 기업분석 slide: `NAVER(035420/매수/목표주가 560,000원)` over `매수 (유지)`).
const PageLayout* deck_box_page(const std::vector<PageLayout>& pages) {
  std::set<std::string> codes;
  for (const PageLayout& p : pages)
    for (const Line& l : p.lines)
      if (auto t = parse_ticker(l.text)) codes.insert(t->code);
  if (codes.size() != 1) return nullptr;
  for (const PageLayout& p : pages)
    if (cover_ticker(p) && box_rating(p)) return &p;
  return nullptr;
}

}  // namespace

std::optional<Recommendation> find_recommendation(const std::vector<PageLayout>& pages,
                                                  RecommendationWhy* why) {
  const PageLayout* cover = cover_page(pages);
  if (!cover) return std::nullopt;
  RecommendationWhy whys;
  auto ticker = cover_ticker(*cover);
  if (ticker) whys.ticker = {"cover_ticker", ticker->line->text, cover->number};
  if (!ticker)
    if (const PageLayout* box = deck_box_page(pages)) {
      cover = box;
      ticker = cover_ticker(*box);
      whys.ticker = {"deck_box_page", ticker->line->text, box->number};
    }
  if (!ticker) {
    ticker = header_ticker(pages);
    if (ticker) whys.ticker = {"running_header_ticker", ticker->line->text, 0};
  }
  if (!ticker) return std::nullopt;
  Recommendation rec;
  rec.ticker = ticker->hit.code;
  rec.market = ticker->hit.market;
  // The title line often prints the bare code (`삼성전자 (005930)`) and the box the market
  // (`005930/KS`): take the market from any cover line with the same code.
  for (const Line& l : cover->lines) {
    if (rec.market) break;
    if (auto hit = parse_ticker(l.text); hit && hit->code == ticker->hit.code)
      rec.market = hit->market;
  }
  rec.company = company_before(ticker->line->text, ticker->hit.code);
  if (!rec.company) rec.company = company_by(*cover, *ticker->line);
  std::optional<RatingHit> rating;
  if (auto box = box_rating(*cover)) {
    rating = box->hit;
    whys.rating = {"rating_line", box->line->text, cover->number};
  } else if (std::string said; (rating = text_rating(*cover, &said))) {
    whys.rating = {"rating_in_sentence", said, cover->number};
  }
  if (rating) rec.rating = rating->rating, rec.rating_text = rating->text;
  if (rec.rating != "not_rated" && rec.rating) {
    TargetResult tp = box_target(*cover);
    std::optional<double> v = tp.value;
    whys.target = tp.why;
    if (std::string said; !tp.found && (v = text_target(*cover, &said)))
      whys.target = {"target_in_sentence", said, 0};
    whys.target.page = cover->number;
    if (v) rec.target_price = Money{*v, "KRW", false};
    std::optional<double> current;
    if (rec.target_price) current = rec.target_price->value;
    if (auto p = previous_target(*cover, current)) rec.previous_target = Money{*p, "KRW", false};
  } else if (rec.rating) {
    whys.target = {"not_rated_has_no_target", rec.rating_text.value_or(""), cover->number};
  }
  if (auto c = current_price(*cover)) rec.current_price = Money{*c, "KRW", false};
  if (why) *why = std::move(whys);
  return rec;
}

bool ocr_target_disagrees(const std::vector<PageLayout>& pages, const Recommendation& rec) {
  const PageLayout* cover = cover_page(pages);
  if (!cover || !rec.target_price || !rec.current_price) return false;
  bool ocr = std::any_of(cover->lines.begin(), cover->lines.end(), [](const Line& l) {
    return l.origin == Origin::ocr && is_target_label(l.text);
  });
  if (!ocr) return false;
  static const Regex percent(R"((-?[0-9]+(?:\.[0-9]+)?) ?%)");
  for (const Line& l : cover->lines) {
    if (!l.text.starts_with("상승여력")) continue;
    std::vector<const Line*> candidates = {&l};
    for (const Line* n : right_neighbours(*cover, l)) candidates.push_back(n);
    for (const Line* c : candidates) {
      std::smatch m;
      if (!std::regex_search(c->text, m, percent)) continue;
      double expected = rec.current_price->value * (1 + std::stod(m[1]) / 100);
      return std::abs(expected - rec.target_price->value) >
             kExtract.upside_tolerance * rec.target_price->value;
    }
  }
  return false;
}

}  // namespace kreport::extract

namespace kreport::extract {

std::vector<const Line*> ocr_lines_read(const std::vector<PageLayout>& pages, const Why& why) {
  std::vector<const Line*> out;
  for (const PageLayout& p : pages)
    if (p.number == why.page)
      for (const Line& l : p.lines)
        if (l.origin == Origin::ocr && !l.text.empty() &&
            why.text.find(l.text) != std::string::npos)
          out.push_back(&l);
  return out;
}

void check_ocr_target(const std::vector<PageLayout>& pages, const Why& why, Recommendation& rec,
                      Diagnostics& diag) {
  if (rec.target_price) {
    if (ocr_lines_read(pages, why).empty()) return;
    rec.target_price->ocr = true;
    diag.warn("OCR_NUMBER", why.page,
              "the target price was read by OCR ('" + why.text + "'): check it");
    return;
  }
  // No target: an OCR'd target label, or the value OCR read beside it, may hold a number
  // no price reader takes (`12,34,000원`): say what was read rather than nothing.
  const PageLayout* cover = cover_page(pages);
  if (!cover) return;
  for (const Line& label : cover->lines) {
    if (label.origin != Origin::ocr || !is_target_label(label.text)) continue;
    std::vector<const Line*> read = {&label};
    for (const Line* n : right_neighbours(*cover, label)) read.push_back(n);
    for (const Line* l : read)
      if (std::string problem = ocr_number_problem(l->text);
          l->origin == Origin::ocr && !problem.empty()) {
        diag.warn(
            "OCR_NUMBER_DROPPED", cover->number,
            "the target price read by OCR ('" + l->text + "') has " + problem + ": left null");
        return;
      }
  }
}

}  // namespace kreport::extract
