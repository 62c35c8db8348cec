// Title, series and issue, report type and language, from the cover.
//   - Title: the cover's largest-font line that is not a running banner (top/bottom margin),
//     a company-and-ticker line (`삼성전자 (005930)`), a rating, a date or a firm's name;
//     a title set on two lines of the same size is joined.
//   - Series: a line naming a recurring publication (`AI Weekly, 특이점이 온다 #39`,
//     `AI WEEKLY`, `China AI Weekly`); the issue is its `#39`.
//   - Report type, from evidence: a weekly series -> weekly; a company's ticker (with or
//     without a rating box) -> company; `산업분석`, `Industry`, a sector opinion
//     (`인터넷/SW (Positive)`, `반도체/디스플레이 (Overweight)`) or several stock codes ->
//     industry; `투자전략`/`Strategy` -> strategy; `경제`/`Economy` -> economy; else other.
#include <algorithm>
#include <cmath>
#include <regex>
#include <set>

#include "extract_parts.h"
#include "kreport/regex.h"
#include "params.h"

namespace kreport::extract {
namespace {

bool is_series_line(std::string_view text) {
  return vocab::report_type_word(text, "weekly") != nullptr;
}

// `삼성전자 005930`: a name and a bare code, the company's line of a cover.
bool names_a_code(const std::string& t) {
  static const Regex code(R"((^|[ (\[])[0-9]{6}([ )\]]|$))");
  return std::regex_search(t, code);
}

bool title_candidate(const Line& l, const OptString& company) {
  std::string t = trim(l.text);
  if (utf8::length(t) < kExtract.min_title_chars || l.running || is_masthead(t)) return false;
  if (t.find_first_not_of("0123456789.,%-+() ") == std::string::npos) return false;
  if (company && squash(t) == squash(*company)) return false;
  // `인터넷/SW (Positive)`: a sector and its opinion head an industry report's cover.
  if (vocab::report_type_word(lower_ascii(t), "industry")) return false;
  return !parse_ticker(t) && !names_a_code(t) && !parse_rating(t) && !parse_date(t) &&
         !broker_in_line(t) && find_emails(t).empty() && !starts_with_source(t);
}

bool read_by_ocr(const PageLayout& page) {
  return !page.lines.empty() && std::all_of(page.lines.begin(), page.lines.end(),
                                            [](const Line& l) { return l.origin == Origin::ocr; });
}

// The page the headline is read from: the cover, unless the cover is a picture read by OCR
// while a later page has a text layer (a slide deck's image cover: OCR read its 38 pt title
// as `2 &y 16(<투자증권`); then the first page the text layer prints. A misread headline is
// worse than the deck's own title slide; a scan read by OCR throughout keeps its cover.
const PageLayout* headline_page(const std::vector<PageLayout>& pages) {
  const PageLayout* cover = cover_page(pages);
  if (!cover || !read_by_ocr(*cover)) return cover;
  for (const PageLayout& p : pages)
    if (p.number > cover->number && p.lines.size() >= kExtract.min_cover_lines && !read_by_ocr(p))
      return &p;
  return cover;
}

}  // namespace

bool is_masthead(const std::string& text) {
  static const std::vector<const char*> words = vocab::cover_words(vocab::CoverKind::masthead);
  std::string lower = lower_ascii(text);
  return std::any_of(words.begin(), words.end(),
                     [&](const char* w) { return lower == lower_ascii(w); });
}

TitleInfo split_series(std::string_view line) {
  TitleInfo out;
  std::string t = trim(line);
  static const Regex issue(R"(^(.*?)[ ,]*(#\s?[0-9]+|No\.\s?[0-9]+|제\s?[0-9]+\s?호)$)");
  std::smatch m;
  if (std::regex_match(t, m, issue)) {
    out.series = trim(m[1].str());
    out.issue = squash(m[2].str());
  } else if (is_series_line(t)) {
    out.series = t;
  }
  return out;
}

TitleInfo find_title(const std::vector<PageLayout>& pages, const OptString& company) {
  TitleInfo out;
  const PageLayout* cover = headline_page(pages);
  if (!cover) return out;
  // The largest candidate line and the lines of the same title under it; a masthead set on
  // two lines (`COMPANY` / `UPDATE`) is left out and the next largest tried. The sidebar's
  // lines (a company banner, the rating box) head no report.
  std::vector<const Line*> skipped;
  for (size_t i = 0; i < cover->lines.size(); ++i)
    if (cover->region_of(i) == RegionKind::sidebar) skipped.push_back(&cover->lines[i]);
  auto skip = [&](const Line& l) {
    return std::find(skipped.begin(), skipped.end(), &l) != skipped.end();
  };
  auto candidate = [&](const Line& l) { return !skip(l) && title_candidate(l, company); };
  for (;;) {
    const Line* best = nullptr;
    for (const Line& l : cover->lines)
      if (candidate(l) && (!best || l.size > best->size + kExtract.title_size_step)) best = &l;
    if (!best) break;
    std::string title = trim(best->text);
    std::vector<const Line*> used = {best};
    for (const Line& l : cover->lines) {  // a second line of the same title
      const Line* last = used.back();
      bool below = l.bbox.y0 > last->bbox.y0 &&
                   l.bbox.y0 - last->bbox.y1 < last->size * kExtract.title_next_gap_em;
      if (&l != last && below && std::abs(l.size - best->size) < kExtract.title_same_size &&
          std::abs(l.bbox.x0 - best->bbox.x0) < kExtract.title_same_x && candidate(l))
        title += " " + trim(l.text), used.push_back(&l);
    }
    if (!is_masthead(title)) {
      out.title = title;
      out.why = {"largest_cover_line", best->text, cover->number};
      break;
    }
    skipped.insert(skipped.end(), used.begin(), used.end());
  }
  // The series: a line with an issue number beats a bare banner.
  for (const Line& l : cover->lines) {
    if (!is_series_line(l.text) || utf8::decode(l.text).size() > kExtract.max_series_chars)
      continue;
    TitleInfo s = split_series(l.text);
    if (s.series && (!out.series || (s.issue && !out.issue)))
      out.series = s.series, out.issue = s.issue;
  }
  return out;
}

std::string classify_report(const std::vector<PageLayout>& pages, const TitleInfo& title,
                            const std::optional<Recommendation>& rec) {
  if (title.series && is_series_line(*title.series)) return "weekly";
  if (rec && rec->ticker) return "company";
  const PageLayout* cover = cover_page(pages);
  std::string text;
  if (cover)
    for (const Line& l : cover->lines) text += lower_ascii(l.text) + '\n';
  if (vocab::report_type_word(text, "industry")) return "industry";
  std::set<std::string> codes;
  for (size_t i = 0; i < pages.size(); ++i)
    for (const Line& l : pages[i].lines)
      if (auto t = parse_ticker(l.text)) codes.insert(t->code);
  if (codes.size() >= kExtract.industry_codes) return "industry";
  if (vocab::report_type_word(text, "strategy")) return "strategy";
  if (vocab::report_type_word(text, "economy")) return "economy";
  // A slide deck about one company prints its code on one slide of forty, not on the cover.
  if (codes.size() == 1) return "company";
  return "other";
}

std::string detect_language(const std::vector<PageLayout>& pages) {
  long hangul = 0, latin = 0;
  for (const PageLayout& p : pages)
    for (const Line& l : p.lines)
      for (char32_t c : utf8::decode(l.text)) {
        if (is_hangul(c))
          ++hangul;
        else if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))
          ++latin;
      }
  return hangul * kExtract.hangul_latin_weight >= latin || hangul + latin == 0 ? "ko" : "en";
}

}  // namespace kreport::extract
