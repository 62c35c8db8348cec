// Text drawn as images, read back from the structure tree. Microsoft Word draws a run of
// text whose font it cannot embed as an image stencil inside a marked-content sequence and
// keeps the run's exact text as /ActualText on its StructElem (Mirae Asset 2024: every Korean
// run; eBest 2021: the page-1 title, company, ticker and price box). Within one block (P, TD,
// ...) the runs join without spaces, because Word splits runs mid-token ("03542" + "0)",
// "410" + "," + "5" + "00"); spaces come only from the text itself, mostly from separate Span
// elements whose /ActualText is " " and that mark no content. Gaps say nothing: neighbouring
// run images overlap by 2-7 pt of padding. A word's box is the union of its runs' image
// boxes, split by character widths where a run holds a space; a word whose next run starts
// a new line is cut there. Content the text layer already has (a marked-content sequence
// that drew glyphs) is not read again.
#include "image_text.h"

#include <algorithm>
#include <map>

namespace kreport::load {
namespace {

// Two boxes share a line when they overlap vertically by this share of the lower one.
constexpr double kSameLineShare = 0.5;
// A word is put beside a flow word on its line only this close (in font sizes); farther is
// another column, and the word goes to the end of the flow.
constexpr double kNeighbourEm = 2.0;

struct Piece {
  std::string text;
  Bbox bbox;
};

bool contains(const std::vector<int>& sorted, int v) {
  return std::binary_search(sorted.begin(), sorted.end(), v);
}

bool same_line(const Bbox& a, const Bbox& b) {
  double overlap = std::min(a.y1, b.y1) - std::max(a.y0, b.y0);
  return overlap > kSameLineShare * std::min(a.height(), b.height());
}

// Decodes one UTF-8 sequence at s[i] (advancing i); returns the code point.
unsigned next_code_point(const std::string& s, size_t& i) {
  auto c = static_cast<unsigned char>(s[i++]);
  int extra = c >= 0xF0 ? 3 : c >= 0xE0 ? 2 : c >= 0xC0 ? 1 : 0;
  unsigned cp = extra ? c & (0x3F >> extra) : c;
  for (; extra > 0 && i < s.size(); --extra)
    cp = cp << 6 | (static_cast<unsigned char>(s[i++]) & 0x3F);
  return cp;
}

bool is_space(unsigned cp) {
  return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == 0xA0 || cp == 0x3000;
}

// Full-width scripts take about twice the advance of Latin letters and digits.
double advance(unsigned cp) {
  bool wide = (cp >= 0x1100 && cp < 0x1200) || (cp >= 0x2E80 && cp < 0xA000) ||
              (cp >= 0xAC00 && cp < 0xD7B0) || (cp >= 0xF900 && cp < 0xFB00) ||
              (cp >= 0xFF00 && cp < 0xFF61);
  return wide ? 1.0 : 0.55;
}

// Accumulates the words of one block.
class WordBuilder {
 public:
  explicit WordBuilder(std::vector<Word>& out, double height_em = kRunHeightEm,
                       Origin origin = Origin::actual_text)
      : out_(out), height_em_(height_em), origin_(origin) {}

  // A run of text drawn in `box`: its characters spread over the box by their advances.
  void run(const std::string& text, const Bbox& box) {
    double total = 0;
    for (size_t i = 0; i < text.size();) total += advance(next_code_point(text, i));
    double at = 0;
    Piece piece;
    double start = 0;
    auto flush_piece = [&](double end) {
      if (piece.text.empty()) return;
      double w = box.width();
      piece.bbox = {box.x0 + w * start / total, box.y0, box.x0 + w * end / total, box.y1};
      add(piece);
      piece = {};
    };
    for (size_t i = 0; i < text.size();) {
      size_t from = i;
      unsigned cp = next_code_point(text, i);
      if (is_space(cp)) {
        flush_piece(at);
        end_word(true);
      } else {
        if (piece.text.empty()) start = at;
        piece.text.append(text, from, i - from);
      }
      at += advance(cp);
    }
    flush_piece(at);
  }

  // Text with no content of its own (Word's " " spans): spaces end the word, anything else
  // joins it.
  void loose_text(const std::string& text) {
    for (size_t i = 0; i < text.size();) {
      size_t from = i;
      unsigned cp = next_code_point(text, i);
      if (is_space(cp))
        end_word(true);
      else if (!word_.text.empty())
        word_.text.append(text, from, i - from);
    }
  }

  void end_word(bool space_after) {
    if (word_.text.empty()) return;
    word_.space_after = space_after;
    word_.size = word_.bbox.height() / height_em_;
    word_.origin = origin_;
    out_.push_back(std::move(word_));
    word_ = {};
  }

 private:
  void add(const Piece& p) {
    // A run that does not continue the word's line (lower down, or back to the left) starts
    // a new word: the block wrapped there.
    if (!word_.text.empty() && (!same_line(word_.bbox, p.bbox) || p.bbox.x0 < word_.bbox.x0))
      end_word(false);
    word_.bbox = word_.text.empty() ? p.bbox : word_.bbox.united(p.bbox);
    word_.text += p.text;
  }

  std::vector<Word>& out_;
  double height_em_;  // the height of a run's box, in font sizes
  Origin origin_;
  Word word_;
};

// A run's box: across, the ink; up and down, the image, which spans the line as a font's
// box does.
Bbox run_box(const std::vector<const core::MarkedImage*>& drawn) {
  Bbox box = drawn.front()->bbox, ink = drawn.front()->ink;
  for (const core::MarkedImage* im : drawn) {
    box = box.united(im->bbox);
    ink = ink.united(im->ink);
  }
  return {ink.x0, box.y0, ink.x1, box.y1};
}

}  // namespace

std::vector<Word> words_of_line(const std::string& text, const Bbox& box, double height_em,
                                Origin origin) {
  std::vector<Word> out;
  WordBuilder words(out, height_em, origin);
  words.run(text, box);
  words.end_word(false);
  return out;
}

std::vector<int> image_text_mcids(const core::PageText& page) {
  std::vector<int> out;
  for (const core::MarkedImage& im : page.images)
    if (im.stencil && !contains(page.glyph_mcids, im.mcid)) out.push_back(im.mcid);
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

ImageText read_image_text(const std::vector<core::MarkedImage>& images,
                          const std::vector<int>& glyph_mcids,
                          const std::vector<core::TreeBlock>& blocks) {
  std::map<int, std::vector<const core::MarkedImage*>> by_mcid;
  for (const core::MarkedImage& im : images) by_mcid[im.mcid].push_back(&im);
  ImageText out;
  for (const core::TreeBlock& block : blocks) {
    WordBuilder words(out.words);
    for (const core::TreeItem& item : block) {
      bool glyphs = std::any_of(item.mcids.begin(), item.mcids.end(),
                                [&](int m) { return contains(glyph_mcids, m); });
      std::vector<const core::MarkedImage*> drawn;
      for (int m : item.mcids)
        if (auto it = by_mcid.find(m); it != by_mcid.end())
          drawn.insert(drawn.end(), it->second.begin(), it->second.end());
      if (glyphs) {  // the text layer has this run: never twice
        words.end_word(false);
      } else if (item.actual_text && !drawn.empty()) {
        words.run(*item.actual_text, run_box(drawn));
        ++out.runs;
      } else if (item.actual_text && !item.has_content) {
        words.loose_text(*item.actual_text);
      } else if (!item.actual_text && !item.figure) {
        bool stencils = false;
        for (const core::MarkedImage* im : drawn)
          if (im->stencil) {
            out.unread.push_back(im->bbox);
            stencils = true;
          }
        if (stencils) words.end_word(false);
      }
    }
    words.end_word(false);
  }
  return out;
}

void merge_into_flow(std::vector<Word>& flow, const std::vector<Word>& extra) {
  if (extra.empty()) return;
  // The extra words come in reading order: a stretch of them along one line stays together,
  // placed by the flow words beside its two ends.
  struct Stretch {
    size_t first, last;  // in extra
    long anchor;         // flow index it goes before (or after, with `after`); -1: the end
    bool after;
  };
  std::vector<Stretch> stretches;
  for (size_t i = 0; i < extra.size(); ++i) {
    const Bbox& b = extra[i].bbox;
    if (!stretches.empty()) {
      const Bbox& prev = extra[stretches.back().last].bbox;
      auto between = [&](const Word& f) {
        return same_line(f.bbox, b) && f.bbox.center_x() > prev.center_x() &&
               f.bbox.center_x() < b.center_x();
      };
      if (same_line(prev, b) && b.x0 >= prev.x0 &&
          std::none_of(flow.begin(), flow.end(), between)) {
        stretches.back().last = i;
        continue;
      }
    }
    stretches.push_back({i, i, -1, false});
  }
  for (Stretch& s : stretches) {
    const Bbox& head = extra[s.first].bbox;
    const Bbox& tail = extra[s.last].bbox;
    double reach = kNeighbourEm * std::max(1.0, extra[s.first].size);
    long left = -1, right = -1;  // the nearest flow words on the stretch's line, each side
    for (size_t i = 0; i < flow.size(); ++i) {
      const Bbox& f = flow[i].bbox;
      auto n = static_cast<long>(i);
      if (same_line(f, head) && f.center_x() < head.center_x() && head.x0 - f.x1 <= reach &&
          (left < 0 || f.x1 > flow[left].bbox.x1))
        left = n;
      if (same_line(f, tail) && f.center_x() >= tail.center_x() && f.x0 - tail.x1 <= reach &&
          (right < 0 || f.x0 < flow[right].bbox.x0))
        right = n;
    }
    s.anchor = left >= 0 ? left : right;
    s.after = left >= 0;
  }
  std::vector<Word> out;
  out.reserve(flow.size() + extra.size());
  auto emit = [&](long anchor, bool after) {
    for (const Stretch& s : stretches)
      if (s.anchor == anchor && s.after == after)
        out.insert(out.end(), extra.begin() + static_cast<long>(s.first),
                   extra.begin() + static_cast<long>(s.last) + 1);
  };
  for (size_t i = 0; i < flow.size(); ++i) {
    emit(static_cast<long>(i), false);
    out.push_back(std::move(flow[i]));
    emit(static_cast<long>(i), true);
  }
  emit(-1, false);
  flow = std::move(out);
}

}  // namespace kreport::load
