// Blocks from lines, and the Korean line-joining rules.
//
// A block continues while the next body line sits right under the previous one (gap under
// about one line), overlaps it horizontally, has the same size and weight class, and the
// previous line ran to the block's right edge; a bullet marker or a heading starts a block.
//
// Joining: word processors wrap Korean in the middle of a word, and the PDF keeps no space
// at a line end to tell. The evidence used, in order:
//   1. "Chat-" + "GPT": a hyphen after a Latin letter stays, no space;
//   2. the next line opens with a particle or ending standing alone as a token ("은", "를",
//      "에서", "으로") -> no space: "애플" + "은 자체 설계" -> "애플은 자체 설계";
//   3. the two halves make a word the document uses elsewhere ("가" + "장 큰" -> "가장",
//      seen as "가장" inside other lines) -> no space;
//   4. on a page whose breaks show rule 2 at work (the typesetter wraps inside words, as
//      Word and browsers do with Korean), a break between two Hangul syllables is inside a
//      word unless the halves look like words: both used on their own elsewhere in the
//      document, or the first ending the way a word ends ("사람은", "입력된"), or one used
//      on its own and the second ending like a word ("다음" + "계층으로", "상수이기" +
//      "때문에"). So "입력" + "되어" -> "입력되어", "비슷" + "한" -> "비슷한";
//   5. otherwise one space.
#include <algorithm>
#include <cmath>
#include <map>
#include <sstream>
#include <unordered_set>

#include "kreport/layout.h"
#include "kreport/utf8.h"
#include "kreport/vocab.h"
#include "params.h"

namespace kreport {
namespace {

// Korean particles and endings that attach to the word before them (vocab::particles).
bool is_particle(const std::string& token) {
  static const std::unordered_set<std::string> set = [] {
    std::unordered_set<std::string> out;
    for (const vocab::Particle& p : vocab::particles()) out.insert(p.text);
    return out;
  }();
  return set.count(token) > 0;
}

// Characters that open a bullet item; numbered forms are matched separately.
const std::vector<std::string> kBulletMarks = {"▪", "•", "◦",  "·", "▶", "►", "▷", "■",
                                               "□", "●", "○",  "◆", "◇", "☞", "※", "-",
                                               "*", "–", "ㆍ", "✓", "➢", "❍"};

using utf8::is_hangul;
using utf8::is_latin;

bool is_word_char(char32_t c) {
  return is_hangul(c) || is_latin(c) || (c >= '0' && c <= '9');
}

// Punctuation trimmed from token ends for vocabulary look-ups.
std::string bare(const std::string& token) {
  static const std::string trim = "()[]{},.:;!?'\"%";
  size_t b = 0, e = token.size();
  while (b < e && trim.find(token[b]) != std::string::npos) ++b;
  while (e > b && trim.find(token[e - 1]) != std::string::npos) --e;
  std::string t = token.substr(b, e - b);
  for (const char* q : {"‘", "’", "“", "”", "·", "…"}) {
    std::string qs(q);
    while (t.size() >= qs.size() && t.compare(0, qs.size(), qs) == 0) t.erase(0, qs.size());
    while (t.size() >= qs.size() && t.compare(t.size() - qs.size(), qs.size(), qs) == 0)
      t.erase(t.size() - qs.size());
  }
  return t;
}

std::string first_token(const std::string& s) {
  return s.substr(0, s.find(' '));
}
std::string last_token(const std::string& s) {
  size_t sp = s.rfind(' ');
  return sp == std::string::npos ? s : s.substr(sp + 1);
}

bool is_bold(const std::string& font) {
  for (const char* w : {"Bold", "bold", "Black", "Heavy", "ExtraBold", "Semibold", "SemiBold"})
    if (font.find(w) != std::string::npos) return true;
  return false;
}

// The bullet marker a line opens with ("▪", "①", "1)", "(1)", "가."), or "".
std::string bullet_marker(const std::string& text) {
  for (const std::string& m : kBulletMarks)
    if (text.size() > m.size() && text.compare(0, m.size(), m) == 0 && text[m.size()] == ' ')
      return m;
  size_t len = 0;
  char32_t c = utf8::first(text, &len);
  if (((c >= 0x2460 && c <= 0x2473) || (c >= 0x2776 && c <= 0x277F)) && text.size() > len)
    return text.substr(0, len);  // ①..⑳, ❶..❿
  std::string tok = first_token(text);
  if (tok.size() < text.size() && tok.size() <= 4) {
    bool digits = tok.size() >= 2 && std::all_of(tok.begin(), tok.end() - 1, ::isdigit);
    if (digits && (tok.back() == ')' || tok.back() == '.')) return tok;  // "1)", "2."
    if (tok.size() >= 3 && tok.front() == '(' && tok.back() == ')' &&
        std::all_of(tok.begin() + 1, tok.end() - 1, ::isdigit))
      return tok;  // "(1)"
  }
  return "";
}

// The body font size of the page: the size carrying the most characters.
double body_size(const std::vector<const Line*>& lines) {
  std::map<double, size_t> chars;
  for (const Line* l : lines) chars[std::round(l->size * 2) / 2] += l->text.size();
  double best = 10;
  size_t most = 0;
  for (auto& [size, n] : chars)
    if (n > most) most = n, best = size;
  return best;
}

// A larger font makes a heading; a bold one only when the line stands alone on its baseline
// (bold cells of a table header row, "일 월 화", are not headings).
bool is_heading(const Line& l, double body, bool alone) {
  if (l.size >= kLayout.heading_scale * body) return true;
  return alone && is_bold(l.font) && l.text.size() <= kLayout.max_bold_heading_bytes &&
         utf8::last(l.text) != '.';
}

// Neither neighbour in reading order shares the line's baseline: it is not a table cell.
bool alone_on_baseline(const std::vector<const Line*>& lines, size_t i) {
  auto shares = [&](size_t j) {
    return std::fabs(lines[j]->bbox.center_y() - lines[i]->bbox.center_y()) <
           kLayout.same_row_em * lines[i]->size;
  };
  return !(i > 0 && shares(i - 1)) && !(i + 1 < lines.size() && shares(i + 1));
}

Bbox extent(const std::vector<const Line*>& lines) {
  Bbox b = lines.front()->bbox;
  for (const Line* l : lines) b = b.united(l->bbox);
  return b;
}

bool continues_block(const Bbox& block, const Line& prev, bool prev_heading, const Line& line,
                     bool heading) {
  double gap = line.bbox.y0 - prev.bbox.y1;
  double lead = std::max(prev.size, line.size);
  bool below =
      gap > -kLayout.block_overlap_lines * lead && gap < kLayout.paragraph_gap_lines * lead;
  bool overlaps = line.bbox.x0 < prev.bbox.x1 && prev.bbox.x0 < line.bbox.x1;
  bool same_size =
      std::fabs(line.size - prev.size) <= kLayout.same_size_share * std::max(prev.size, line.size);
  // The previous line ran to the right edge of the text (the block's, or this line's when
  // it reaches further): otherwise it ended its paragraph, or was a bullet's title.
  bool prev_full =
      prev.bbox.x1 >= std::max(block.x1, line.bbox.x1) - kLayout.full_line_slack_em * prev.size;
  bool same_class = prev_heading == heading;
  return below && overlaps && same_size && same_class && prev_full &&
         bullet_marker(line.text).empty() && vocab::label_of(line.text) == vocab::LineLabel::none;
}

}  // namespace

Vocabulary collect_vocabulary(const std::vector<PageLines>& pages) {
  Vocabulary words;
  for (const PageLines& p : pages)
    for (const Line& l : p.lines) {
      if (l.running) continue;
      std::istringstream in(l.text);
      std::vector<std::string> tokens;
      for (std::string t; in >> t;) tokens.push_back(t);
      // A line's first and last tokens may be halves of a wrapped word: not evidence.
      for (size_t i = 1; i + 1 < tokens.size(); ++i) words.insert(bare(tokens[i]));
    }
  return words;
}

namespace {

// Rules 1-3: the break is certainly inside a word.
bool surely_inside_word(const std::string& first, const std::string& next,
                        const Vocabulary& vocabulary) {
  char32_t a = utf8::last(first), b = utf8::first(next);
  if (a == '-' && first.size() >= 2 && is_latin(utf8::last(first.substr(0, first.size() - 1))) &&
      is_latin(b))
    return true;
  if (!(is_word_char(a) || a == ')' || a == '\'' || a == 0x2019 /* ’ */)) return false;
  std::string head = bare(first_token(next));
  if (is_particle(head) && is_hangul(utf8::first(head))) return true;
  return is_hangul(a) && is_hangul(b) &&
         vocabulary.count(bare(last_token(first)) + bare(first_token(next)));
}

// "사람은", "입력된": two syllables or more closed by a particle or ending are a whole word.
bool ends_like_a_word(const std::string& token) {
  static const std::u32string kFinal = U"은는을를의에와과도된한던인고며면서게지로";
  size_t syllables = 0;
  for (size_t i = 0; i < token.size();) {
    size_t len = 1;
    syllables += is_hangul(utf8::first(token.substr(i), &len));
    i += len;
  }
  return syllables >= 2 && kFinal.find(utf8::last(token)) != std::u32string::npos;
}

bool is_particle_break(const std::string& next) {
  std::string head = bare(first_token(next));
  return is_particle(head);
}

}  // namespace

std::string join_lines(const std::string& first, const std::string& next,
                       const Vocabulary& vocabulary, bool wraps_inside_words,
                       std::optional<bool> drawn_space) {
  if (first.empty()) return next;
  if (next.empty()) return first;
  if (drawn_space && *drawn_space) return first + " " + next;
  // No space drawn: inside a word where letters of one script meet ("부"+"담은",
  // "Intellige"+"nce"); where a word meets a number or a sign, the rules below decide.
  char32_t a = utf8::last(first), b = utf8::first(next);
  if (drawn_space && ((is_hangul(a) && is_hangul(b)) || (is_latin(a) && is_latin(b))))
    return first + next;
  if (surely_inside_word(first, next, vocabulary)) return first + next;
  if (wraps_inside_words && is_hangul(utf8::last(first)) && is_hangul(utf8::first(next))) {
    std::string tail = bare(last_token(first)), head = bare(first_token(next));
    bool tail_word = vocabulary.count(tail) > 0, head_word = vocabulary.count(head) > 0;
    bool boundary = (tail_word && head_word) || ends_like_a_word(tail) ||
                    ((tail_word || head_word) && ends_like_a_word(head));
    if (!boundary) return first + next;
  }
  return first + " " + next;
}

namespace {

// A text-layer line's last word, whose drawn space (or none) is evidence; OCR and
// /ActualText lines carry none.
const Span* line_end(const Line& l) {
  return l.origin == Origin::text && !l.spans.empty() ? &l.spans.back() : nullptr;
}

}  // namespace

bool draws_line_end_spaces(const std::vector<PageLayout>& pages) {
  size_t lines = 0, drawn = 0;
  for (const PageLayout& p : pages)
    for (const Line& l : p.lines)
      if (const Span* s = l.running ? nullptr : line_end(l)) {
        ++lines;
        drawn += s->space_drawn_after;
      }
  return drawn >= kLayout.min_drawn_line_ends && drawn >= kLayout.drawn_line_end_lines * lines;
}

PageBlocks build_blocks(const PageLayout& page, const Vocabulary& vocabulary,
                        bool document_draws_line_ends) {
  PageBlocks out{page.number, {}};
  std::vector<const Line*> body;
  std::vector<std::pair<size_t, std::string>> tables;  // (blocks before it, table id)
  for (size_t i = 0; i < page.lines.size(); ++i) {
    const Line& l = page.lines[i];
    std::string_view table = page.table_of(i);
    if (l.running) continue;
    if (table.empty())
      body.push_back(&l);
    else if (std::none_of(tables.begin(), tables.end(), [&](auto& t) { return t.second == table; }))
      tables.push_back({body.size(), std::string(table)});  // where the table starts, once
  }
  if (body.empty() && tables.empty()) return out;
  double size = body.empty() ? 10 : body_size(body);

  // First the blocks' lines, then the page's wrapping habit, then the joined texts.
  std::vector<bool> heading(body.size());
  for (size_t i = 0; i < body.size(); ++i)
    heading[i] = is_heading(*body[i], size, alone_on_baseline(body, i));
  std::vector<std::vector<const Line*>> groups;
  std::vector<bool> group_heading;
  for (size_t i = 0; i < body.size(); ++i) {
    if (!groups.empty() && continues_block(extent(groups.back()), *body[i - 1], heading[i - 1],
                                           *body[i], heading[i])) {
      groups.back().push_back(body[i]);
    } else {
      groups.push_back({body[i]});
      group_heading.push_back(heading[i]);
    }
  }
  int breaks = 0, particle_breaks = 0;
  for (const auto& g : groups)
    for (size_t i = 1; i < g.size(); ++i)
      if (is_hangul(utf8::last(g[i - 1]->text)) && is_hangul(utf8::first(g[i]->text))) {
        ++breaks;
        particle_breaks += is_particle_break(g[i]->text);
      }
  bool wraps_inside_words = particle_breaks >= 1 && particle_breaks * 20 >= breaks;
  // Whether the page's text layer draws its line-end spaces: then they say where words end.
  int ends = 0, drawn = 0;
  for (const auto& g : groups)
    for (size_t i = 1; i < g.size(); ++i)
      if (const Span* s = line_end(*g[i - 1])) {
        ++ends;
        drawn += s->space_drawn_after;
      }
  // Too few breaks on the page to tell (a cover of bullets): what the document's lines show.
  bool draws_line_ends = ends >= kLayout.min_drawn_line_ends
                             ? drawn >= kLayout.drawn_line_end_share * ends
                             : document_draws_line_ends;

  size_t next_table = 0, lines_done = 0;
  auto emit_tables = [&](size_t upto) {
    for (; next_table < tables.size() && tables[next_table].first <= upto; ++next_table) {
      TextBlock t;
      t.type = "table_ref";
      t.text = tables[next_table].second;
      bool first = true;  // where the table stands on this page: its lines' box
      for (size_t i = 0; i < page.lines.size(); ++i)
        if (page.table_of(i) == t.text) {
          t.bbox = first ? page.lines[i].bbox : t.bbox.united(page.lines[i].bbox);
          first = false;
        }
      out.blocks.push_back(std::move(t));
    }
  };
  for (size_t k = 0; k < groups.size(); ++k) {
    const auto& g = groups[k];
    emit_tables(lines_done);
    lines_done += g.size();
    TextBlock b;
    const Line& head = *g.front();
    b.bullet = bullet_marker(head.text);
    b.type = !b.bullet.empty() ? "bullet" : group_heading[k] ? "heading" : "paragraph";
    b.text = b.bullet.empty() ? head.text : head.text.substr(b.bullet.size());
    if (!b.bullet.empty() && !b.text.empty() && b.text.front() == ' ') b.text.erase(0, 1);
    b.bbox = extent(g);
    b.size = head.size;
    std::map<Origin, size_t> origins;
    for (const Line* l : g) origins[l->origin] += l->text.size();
    b.origin = std::max_element(origins.begin(), origins.end(), [](auto& a, auto& c) {
                 return a.second < c.second;
               })->first;
    for (size_t i = 1; i < g.size(); ++i) {
      const Span* end = draws_line_ends ? line_end(*g[i - 1]) : nullptr;
      b.text = join_lines(b.text, g[i]->text, vocabulary, wraps_inside_words,
                          end ? std::optional(end->space_drawn_after) : std::nullopt);
    }
    out.blocks.push_back(std::move(b));
  }
  emit_tables(body.size());
  return out;
}

}  // namespace kreport
