// Small helpers the rule files share: the Hangul-name test, and the page
// geometry the rules lean on. Lines arrive normalized (NFC, ASCII digits, single spaces) but
// in poppler's order, so "the value beside a label" is found by baseline, never by index: a
// sidebar row `목표주가(12M)` and its value `95,000원` are two lines on one baseline.
#include <algorithm>
#include <cmath>

#include "extract_parts.h"
#include "params.h"

namespace kreport::extract {

bool is_person_name(std::string_view s) {
  std::u32string u = utf8::decode(s);
  if (u.size() < 2 || u.size() > 4) return false;
  // A family name, then a given name: `게임`, `중반`, `의견`, `적자를` open with none.
  const vocab::Surname* family = vocab::surname_of(s);
  return std::all_of(u.begin(), u.end(), utf8::is_hangul) && family &&
         s.size() > std::string_view(family->name).size();
}

bool is_not_a_name(std::string_view word) {
  static const std::vector<const char*> words = vocab::cover_words(vocab::CoverKind::not_a_name);
  return std::any_of(words.begin(), words.end(), [&](const char* w) { return word == w; });
}

std::string squash(std::string_view s) {
  std::string out;
  for (char c : s)
    if (c != ' ') out += c;
  return out;
}

std::string lower_ascii(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

std::string trim(std::string_view s) {
  size_t b = s.find_first_not_of(' ');
  if (b == std::string_view::npos) return {};
  size_t e = s.find_last_not_of(' ');
  return std::string(s.substr(b, e - b + 1));
}

bool contains(std::string_view hay, std::string_view needle) {
  return hay.find(needle) != std::string_view::npos;
}

bool starts_with_source(std::string_view line) {
  vocab::LineLabel label = vocab::label_of(line);
  return label == vocab::LineLabel::source || label == vocab::LineLabel::note;
}

bool same_baseline(const Line& a, const Line& b) {
  double h = std::min(a.bbox.height(), b.bbox.height());
  return std::abs(a.bbox.center_y() - b.bbox.center_y()) <=
         std::max(kExtract.same_baseline_pt, h * kExtract.same_baseline_share);
}

const PageLayout* cover_page(const std::vector<PageLayout>& pages) {
  for (const PageLayout& p : pages)
    if (p.lines.size() >= kExtract.min_cover_lines) return &p;
  return pages.empty() ? nullptr : &pages.front();
}

std::vector<const Line*> right_neighbours(const PageLayout& page, const Line& line) {
  std::vector<const Line*> out;
  for (const Line& l : page.lines)
    if (&l != &line && l.bbox.x0 >= line.bbox.x1 - 1 && same_baseline(l, line)) out.push_back(&l);
  std::sort(out.begin(), out.end(),
            [](const Line* a, const Line* b) { return a->bbox.x0 < b->bbox.x0; });
  return out;
}

}  // namespace kreport::extract
