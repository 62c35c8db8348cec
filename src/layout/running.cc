// Running headers and footers: a line whose text (digits folded, so page numbers match)
// stands at the same height on at least half of the pages, in the top or bottom band of the
// page, is furniture, not body: the broker banner ("AI WEEKLY SK증권 해외주식 박제민"), an SK
// company header ("삼성전자 (005930/KS｜매수(유지)｜T.P 90,000원(하향))"), "Compliance Notice"
// footers, page numbers. A lone page number in those bands is furniture on any page.
#include <algorithm>
#include <cmath>
#include <map>

#include "kreport/layout.h"
#include "kreport/utf8.h"
#include "params.h"

namespace kreport {
namespace {

std::string fold_digits(const std::string& text) {
  std::string out;
  for (char c : text) {
    if (c >= '0' && c <= '9') {
      if (out.empty() || out.back() != '#') out += '#';
    } else if (c != ' ') {
      out += c;
    }
  }
  return out;
}

// "3", "- 3 -", "3 / 12", "Page 3", "p. 3": nothing but a page number.
bool is_page_number(const std::string& folded) {
  static const char* forms[] = {"#", "-#-", "#/#", "Page#", "page#", "p.#", "|#|", "–#–", "#|"};
  return std::find(std::begin(forms), std::end(forms), folded) != std::end(forms);
}

}  // namespace

bool is_running_text(const Line& line, double page_width) {
  return utf8::length(line.text) >= kLayout.running_text_chars &&
         line.bbox.width() >= kLayout.running_text_share * page_width;
}

std::vector<bool> paragraph_ends(const PageLines& page) {
  auto running_text = [&](const Line& l) { return is_running_text(l, page.width); };
  // The lines of running text by their bottoms, each tested once: a line's candidates
  // above are a range of them, not every line of the page.
  std::vector<const Line*> full;
  double tallest = 0;
  for (const Line& l : page.lines)
    if (!l.running && running_text(l)) full.push_back(&l), tallest = std::max(tallest, l.size);
  std::sort(full.begin(), full.end(),
            [](const Line* a, const Line* b) { return a->bbox.y1 < b->bbox.y1; });
  std::vector<bool> out(page.lines.size(), false);
  for (size_t i = 0; i < page.lines.size(); ++i) {
    const Line& l = page.lines[i];
    if (l.running || running_text(l)) continue;
    double lowest = l.bbox.y0 - kLayout.next_line_gap_lines * tallest;  // bottoms above it
    auto it = std::lower_bound(full.begin(), full.end(), lowest,
                               [](const Line* a, double y) { return a->bbox.y1 < y; });
    for (; it != full.end() && (*it)->bbox.y1 <= l.bbox.y0 + 1 && !out[i]; ++it) {
      const Line& above = **it;
      double gap = l.bbox.y0 - above.bbox.y1;
      out[i] = gap >= -1 && gap < kLayout.next_line_gap_lines * above.size &&
               std::fabs(above.bbox.x0 - l.bbox.x0) < kLayout.same_left_pt &&
               l.bbox.x1 <= above.bbox.x1 + kLayout.same_left_pt;
    }
  }
  return out;
}

bool in_margin_band(const Line& l, double page_height) {
  return l.bbox.y1 <= kLayout.margin_band * page_height ||
         l.bbox.y0 >= (1 - kLayout.margin_band) * page_height;
}

std::vector<PageLines> mark_running_lines(std::vector<PageLines> pages) {
  struct Seen {
    int page;
    double y;
    Line* line;
  };
  std::map<std::string, std::vector<Seen>> by_text;
  int with_text = 0;
  for (PageLines& p : pages) {
    if (!p.lines.empty()) ++with_text;
    for (Line& l : p.lines) {
      if (!in_margin_band(l, p.height)) continue;
      std::string key = fold_digits(l.text);
      if (is_page_number(key))
        l.running = true;
      else
        by_text[key].push_back({p.number, l.bbox.y0, &l});
    }
  }
  size_t needed =
      std::max<size_t>(2, static_cast<size_t>(kLayout.running_min_share * with_text + 0.999));
  for (auto& [text, seen] : by_text) {
    if (seen.size() < needed) continue;
    std::sort(seen.begin(), seen.end(), [](auto& a, auto& b) { return a.y < b.y; });
    // Clusters of lines at (nearly) the same height; a cluster on enough pages is running.
    for (size_t i = 0; i < seen.size();) {
      size_t j = i + 1;
      while (j < seen.size() && seen[j].y - seen[j - 1].y <= kLayout.same_height_pt) ++j;
      std::vector<int> on_pages;
      for (size_t k = i; k < j; ++k) on_pages.push_back(seen[k].page);
      std::sort(on_pages.begin(), on_pages.end());
      size_t distinct = std::unique(on_pages.begin(), on_pages.end()) - on_pages.begin();
      if (distinct >= needed)
        for (size_t k = i; k < j; ++k) seen[k].line->running = true;
      i = j;
    }
  }
  return pages;
}

}  // namespace kreport
