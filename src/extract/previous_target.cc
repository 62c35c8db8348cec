// The target price before this report's, from the cover, in the order a reader trusts it:
//   1. printed as such: a box of current and prior figures (`목표주가 | 75,000 | 82,000` under
//      `현재 | 직전`, `New | Old`, `신규 | 기존`), or a label `직전 목표주가 80,000원`;
//   2. a change in a sentence: `목표주가는 182,000원에서 150,000원으로`, `78,000원(기존
//      80,000원)으로 하향`, where the new figure is the report's target;
//   3. kept: the target's label or value says so (`목표주가(유지)`, `56,000 원(유지)`,
//      `107,000원 (M)`), or a sentence keeps the target (`목표주가 100,000원 유지`,
//      `투자의견과 목표주가를 그대로 유지한다`): the previous is the current one.
// A changed target printed without the old figure (`목표주가(하향) 71,000원`) gives none, and
// so does a kept rating (`BUY(유지)`, `Buy (Maintain)`): that is the opinion, not the price.
#include <regex>

#include "estimates_parts.h"
#include "extract_parts.h"
#include "kreport/regex.h"
#include "params.h"

namespace kreport::extract {
namespace {

// The target's name in a sentence; `TP` as a word of its own, never the `TP` of `TPU`.
constexpr const char* kLabel = "(?:목표주가|적정주가|(?:^|[^A-Za-z])T\\.?P(?![A-Za-z]))";

std::string cover_text(const PageLayout& cover) {
  std::string all;
  for (const Line& l : cover.lines) all += l.text + ' ';
  return all;
}

bool is_new_target(std::optional<double> v, std::optional<double> target) {
  return v && (!target || *v == *target);
}

std::optional<double> labelled_prior(const PageLayout& cover) {
  static const Regex label(R"(^(?:직전|이전|기존|종전) ?(?:목표주가|적정주가|목표가|TP|T\.P))");
  for (const Line& l : cover.lines) {
    if (!std::regex_search(l.text, label)) continue;
    std::string rest = l.text.substr(l.text.find_first_of("0123456789-") == std::string::npos
                                         ? l.text.size()
                                         : l.text.find_first_of("0123456789-"));
    if (auto v = parse_won(rest)) return v;
    for (const Line* n : right_neighbours(cover, l)) return parse_won(n->text);
  }
  return std::nullopt;
}

std::optional<double> changed_from(const std::string& text, std::optional<double> target) {
  static const std::string won = R"(([0-9][0-9,.]* ?(?:만)? ?원))";
  static const Regex from_to(std::string(kLabel) + "[^.]{0,240}?" + won + "에서 ?" + won + "으로");
  static const Regex was(std::string(kLabel) + "[^.]{0,60}?" + won + "[^.(]{0,30}?\\(기존 ?" + won +
                         "\\)");
  for (RegexIterator it(text.begin(), text.end(), from_to), end; it != end; ++it)
    if (is_new_target(parse_won((*it)[2].str()), target)) return parse_won((*it)[1].str());
  for (RegexIterator it(text.begin(), text.end(), was), end; it != end; ++it)
    if (is_new_target(parse_won((*it)[1].str()), target)) return parse_won((*it)[2].str());
  return std::nullopt;
}

bool kept(const PageLayout& cover, const std::string& text) {
  // The label or its value says so: `목표주가(유지)`, `56,000 원(유지)`, `107,000원 (M)`.
  static const Regex marked(R"((?:\(유지\)|\( ?M ?\)|\(Maintain\)))");
  for (const Line& l : cover.lines) {
    if (!is_target_label(l.text)) continue;
    std::vector<const Line*> beside = {&l};
    for (const Line* n : right_neighbours(cover, l)) beside.push_back(n);
    for (size_t i = 0; i < beside.size() && i < 3; ++i)
      if (std::regex_search(beside[i]->text, marked)) return true;
  }
  // A sentence that keeps it: the label, then 유지 with no change word in between.
  static const Regex label(kLabel);
  static const Regex change(R"(하향|상향|조정|변경|제시|신규|으로|로 )");
  for (RegexIterator it(text.begin(), text.end(), label), end; it != end; ++it) {
    size_t from = it->position() + it->length();
    std::string after = text.substr(from, kExtract.kept_reach_bytes);
    size_t stop = after.find_first_of(".\n");
    if (stop != std::string::npos && stop + 1 < after.size() &&
        !std::isdigit(static_cast<unsigned char>(after[stop + 1])))
      after = after.substr(0, stop);
    size_t keep = after.find("유지");
    if (keep == std::string::npos) continue;
    if (!std::regex_search(after.substr(0, keep), change)) return true;
  }
  return false;
}

}  // namespace

std::optional<double> previous_target(const PageLayout& cover, std::optional<double> target) {
  for (const PeriodFigure& f : box_figures(cover))
    if (f.metric == "target_price" && f.previous && is_new_target(f.value, target))
      return f.previous;
  if (auto v = labelled_prior(cover)) return v;
  std::string text = cover_text(cover);
  if (auto v = changed_from(text, target)) return v;
  if (target && kept(cover, text)) return target;
  return std::nullopt;
}

}  // namespace kreport::extract
