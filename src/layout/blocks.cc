// Blocks from lines, and the Korean line-joining rules.
//
// A block continues while the next body line sits right under the previous one (gap under
// about one line), overlaps it horizontally, has the same size and weight class, and the
// previous line ran to the block's right edge; a bullet marker or a heading starts a block.
//
// Joining: word processors wrap Korean in the middle of a word, and most PDFs keep no space
// at a line end to tell. The evidence used, in order (each with a real or fixture example):
//   1. a space glyph drawn at the line's end, where the page shows its typesetter draws them
//      (Word does): drawn -> a space; not drawn, between letters of one script -> none
//      ("고정비 부담" + "완화와" keeps its space, "원자재가 부" + "담은" joins: iM, Daishin);
//   2. "Chat-" + "GPT": a hyphen after a Latin letter stays, no space;
//   3. the line ended with room for the next line's first letter: a typesetter that breaks
//      inside words would have set that letter there, so the break is at a space ("북미" +
//      "전력망", ragged right: fixtures/layout_classes p2);
//   4. the next line opens with a particle or ending standing alone as a token ("애플" + "은
//      자체 설계"), the end of one split in two ("점에" + "서" -> "에서"), or the counter after
//      a number ("4,483" + "억원으로") -> no space;
//   5. the two halves make a word the document uses elsewhere ("가" + "장 큰" -> "가장",
//      seen as "가장" inside other lines) -> no space;
//   6. in a paragraph that wraps inside words (its ragged lines all end within a letter of
//      the edge) or on a page whose breaks show rule 4 at work (Word and browsers do this
//      with Korean), a break between two Hangul syllables is inside a word unless the halves
//      look like words: both used on their own elsewhere in the document, or the first
//      ending the way a word ends ("사람은", "입력된"), or one used on its own and the second
//      ending like a word ("다음" + "계층으로", "상수이기" + "때문에"). So "입력" + "되어" ->
//      "입력되어", "비슷" + "한" -> "비슷한";
//   7. otherwise one space.
// A paragraph whose ragged lines leave room for a letter (rule 3) wraps at words: rule 6 is
// not applied to it, whatever its page does elsewhere.
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
  auto shares = [&](size_t j) { return same_row(lines[j]->bbox, lines[i]->bbox, lines[i]->size); };
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

DocumentWords collect_document_words(const std::vector<PageLines>& pages) {
  DocumentWords words;
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

// Rule 2: "Chat-" + "GPT".
bool hyphenated(const std::string& first, const std::string& next) {
  return utf8::last(first) == '-' && first.size() >= 2 &&
         is_latin(utf8::last(first.substr(0, first.size() - 1))) && is_latin(utf8::first(next));
}

// "억원으로", "년", "배를": a counter or unit written straight after a number, with or
// without a particle after it.
bool is_counter_word(const std::string& token) {
  for (const vocab::Particle& c : vocab::counters()) {
    std::string_view t(c.text);
    if (token.compare(0, t.size(), t) == 0 &&
        (token.size() == t.size() || is_particle(token.substr(t.size()))))
      return true;
  }
  return false;
}

// Rules 4-5: the break is certainly inside a word.
bool surely_inside_word(const std::string& first, const std::string& next,
                        const DocumentWords& vocabulary) {
  char32_t a = utf8::last(first), b = utf8::first(next);
  if (!(is_word_char(a) || a == ')' || a == '\'' || a == 0x2019 /* ’ */)) return false;
  std::string head = bare(first_token(next));
  if (is_particle(head) && is_hangul(utf8::first(head))) return true;
  if (a >= '0' && a <= '9' && is_counter_word(head)) return true;
  if (!is_hangul(a) || !is_hangul(b)) return false;
  if (is_particle(utf8::encode(std::u32string(1, a)) + head)) return true;  // "점에" + "서"
  return vocabulary.count(bare(last_token(first)) + bare(first_token(next))) > 0;
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
  // Two-syllable nouns often end in these (고도, 정도, 속도, 제도): a particle after a noun
  // of two syllables or more makes three ("이익도", "실적도").
  static const std::u32string kNounFinal = U"도";
  char32_t last = utf8::last(token);
  size_t least = kNounFinal.find(last) != std::u32string::npos ? 3 : 2;
  return syllables >= least && kFinal.find(last) != std::u32string::npos;
}

bool is_particle_break(const std::string& next) {
  std::string head = bare(first_token(next));
  return is_particle(head);
}

}  // namespace

std::string join_lines(const std::string& first, const std::string& next,
                       const DocumentWords& vocabulary, const BreakEvidence& evidence) {
  if (first.empty()) return next;
  if (next.empty()) return first;
  const std::optional<bool>& drawn = evidence.drawn_space;
  if (drawn && *drawn) return first + " " + next;
  // No space drawn: inside a word where letters of one script meet ("부"+"담은",
  // "Intellige"+"nce"); where a word meets a number or a sign, the rules below decide.
  char32_t a = utf8::last(first), b = utf8::first(next);
  if (drawn && ((is_hangul(a) && is_hangul(b)) || (is_latin(a) && is_latin(b))))
    return first + next;
  if (hyphenated(first, next)) return first + next;
  if (evidence.room_for_next) return first + " " + next;
  if (surely_inside_word(first, next, vocabulary)) return first + next;
  if (evidence.breaks_latin_words && is_latin(a) && is_latin(b)) return first + next;
  if (evidence.wraps_inside_words && is_hangul(a) && is_hangul(b)) {
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

namespace {

// The width of a line's first letter, from its first word's box; none for lines without
// text-layer words (OCR, /ActualText, tests).
std::optional<double> first_letter_width(const Line& l) {
  if (l.origin != Origin::text || l.spans.empty()) return std::nullopt;
  const Span& s = l.spans.front();
  size_t letters = utf8::length(s.text);
  if (letters == 0) return std::nullopt;
  return s.bbox.width() / static_cast<double>(letters);
}

// How a paragraph's lines end. A typesetter that breaks inside words sets each line to within
// one letter of the right edge; one that breaks at spaces leaves room for the next word, often
// more than a letter. Justified lines all end at the edge and say nothing.
struct Wrapping {
  std::vector<bool> room_for_next;  // [i]: line i-1 ended with room for line i's first letter
  bool at_words = false;            // room was left before a syllable
  bool inside_words = false;        // ragged lines, and none left room before a syllable
  bool anywhere = false;            // ragged lines, and none left room for a letter
};

Wrapping wrapping_of(const std::vector<const Line*>& g) {
  Wrapping w;
  w.room_for_next.assign(g.size(), false);
  double right = extent(g).x1;
  int roomy = 0, before_syllable = 0, ragged = 0;
  for (size_t i = 1; i < g.size(); ++i) {
    std::optional<double> letter = first_letter_width(*g[i]);
    if (!letter || g[i - 1]->origin != Origin::text) continue;
    double room = right - g[i - 1]->bbox.x1, em = g[i - 1]->size;
    if (room >= *letter + kLayout.letter_room_slack_em * em) {
      w.room_for_next[i] = true;
      ++roomy;
      // Only a typesetter that breaks at spaces leaves room before a syllable; one that
      // breaks anywhere does before a Latin word or a number it keeps whole.
      before_syllable += is_hangul(utf8::first(g[i]->text));
    } else if (room >= kLayout.ragged_end_em * em) {
      ++ragged;
    }
  }
  w.at_words = before_syllable > 0;
  w.inside_words = !w.at_words && ragged >= kLayout.min_ragged_breaks;
  w.anywhere = w.inside_words && roomy == 0;
  return w;
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

PageBlocks build_blocks(const PageLayout& page, const DocumentWords& vocabulary,
                        bool document_draws_line_ends) {
  PageBlocks out{page.number, {}, page.figures};
  std::vector<const Line*> body;
  std::vector<int> body_region;  // the sidebar or box each body line lies in, -1 for none
  struct TableAt {
    size_t lines_before;  // body lines before it
    std::string id;
    int region;
  };
  std::vector<TableAt> tables;
  for (size_t i = 0; i < page.lines.size(); ++i) {
    const Line& l = page.lines[i];
    std::string_view table = page.table_of(i);
    int region = i < page.region.size() ? page.region[i] : -1;
    // A chart's words (axis labels, legends) are the figure's, not prose.
    if (l.running || page.region_of(i) == RegionKind::figure) continue;
    if (table.empty())
      body.push_back(&l), body_region.push_back(region);
    else if (std::none_of(tables.begin(), tables.end(), [&](auto& t) { return t.id == table; }))
      tables.push_back({body.size(), std::string(table), region});  // where it starts, once
  }
  if (body.empty() && tables.empty()) return out;
  auto kind_of = [&](int region) {
    return region < 0 ? RegionKind::column : page.regions[static_cast<size_t>(region)].kind;
  };
  // The body's font size, from the main flow: a sidebar's or banner's print does not set it.
  std::vector<const Line*> flow;
  for (size_t i = 0; i < body.size(); ++i)
    if (RegionKind k = kind_of(body_region[i]); k != RegionKind::sidebar && k != RegionKind::banner)
      flow.push_back(body[i]);
  double size = body.empty() ? 10 : body_size(flow.empty() ? body : flow);

  // First the blocks' lines, then the page's wrapping habit, then the joined texts.
  std::vector<bool> heading(body.size());
  for (size_t i = 0; i < body.size(); ++i)
    heading[i] = is_heading(*body[i], size, alone_on_baseline(body, i));
  std::vector<std::vector<const Line*>> groups;
  std::vector<bool> group_heading;
  std::vector<int> group_region;
  for (size_t i = 0; i < body.size(); ++i) {
    if (!groups.empty() && body_region[i] == body_region[i - 1] &&
        continues_block(extent(groups.back()), *body[i - 1], heading[i - 1], *body[i],
                        heading[i])) {
      groups.back().push_back(body[i]);
    } else {
      groups.push_back({body[i]});
      group_heading.push_back(heading[i]);
      group_region.push_back(body_region[i]);
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
    for (; next_table < tables.size() && tables[next_table].lines_before <= upto; ++next_table) {
      TextBlock t;
      t.type = "table_ref";
      t.text = tables[next_table].id;
      t.region = kind_of(tables[next_table].region);
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
    b.region = kind_of(group_region[k]);
    std::map<Origin, size_t> origins;
    for (const Line* l : g) origins[l->origin] += l->text.size();
    b.origin = std::max_element(origins.begin(), origins.end(), [](auto& a, auto& c) {
                 return a.second < c.second;
               })->first;
    Wrapping wrap = wrapping_of(g);
    BreakEvidence evidence;
    evidence.wraps_inside_words = wrap.inside_words || (!wrap.at_words && wraps_inside_words);
    evidence.breaks_latin_words = wrap.anywhere;
    for (size_t i = 1; i < g.size(); ++i) {
      const Span* end = draws_line_ends ? line_end(*g[i - 1]) : nullptr;
      evidence.drawn_space = end ? std::optional(end->space_drawn_after) : std::nullopt;
      evidence.room_for_next = wrap.room_for_next[i];
      b.text = join_lines(b.text, g[i]->text, vocabulary, evidence);
    }
    out.blocks.push_back(std::move(b));
  }
  emit_tables(body.size());
  return out;
}

}  // namespace kreport
