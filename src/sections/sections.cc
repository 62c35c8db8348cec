// Sections. Blocks arrive in reading order with a type from layout (heading, paragraph,
// bullet); here a block opening with a caption pattern becomes a caption, "자료:" a source,
// "주:" a note (the marker stays in the text: it is what the report prints), and:
//   - a heading whose words name a kind of section (vocab::section_words) opens a section of
//     that kind; other headings as large as the section's own open a body section; text
//     before any heading is body. Notices, disclaimers and appendices have sub-headings of
//     their own: a plain heading inside one does not end it;
//   - the compliance notice opens where its heading stands (`Compliance Notice`, as any
//     block), or, where a firm prints the boilerplate without one (recent SK reports: `작성자
//     (박제민)는 … 확인합니다`), at the first of its phrases on the last page that has two of
//     them. This is the one place that decides where the notice starts.
// Figures and their sources are paired afterwards (figures.cc).
#include "kreport/sections.h"

#include <algorithm>
#include <optional>

#include "kreport/vocab.h"
#include "sections_parts.h"

namespace kreport {
namespace {

// A heading as large as this share of the current section's opens a new section.
constexpr double kSameHeadingShare = 0.95;

std::string block_type(const TextBlock& b) {
  switch (vocab::label_of(b.text)) {
    case vocab::LineLabel::caption:
      return "caption";
    case vocab::LineLabel::source:
      return "source";
    case vocab::LineLabel::note:
      return "note";
    case vocab::LineLabel::none:
      break;
  }
  return b.type;
}

bool is_sticky(const std::string& kind) {
  return kind == "compliance" || kind == "disclaimer" || kind == "appendix";
}

std::string squashed_lower(std::string_view text) {
  std::string out;
  for (char c : text)
    if (c != ' ') out += c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
  return out;
}

// `Compliance Notice`, `[ Compliance Notice ] (공표일: …)`: the notice's heading, whatever
// the layout made of the block.
bool opens_notice(const TextBlock& b) {
  std::string s = squashed_lower(b.text);
  while (!s.empty() && (s[0] == '[' || s[0] == '<' || s[0] == '(')) s.erase(0, 1);
  for (const char* heading : vocab::notice_words("heading"))
    if (s.starts_with(heading)) return true;
  const char* kind = b.type == "heading" ? vocab::section_kind(b.text) : nullptr;
  return kind && std::string_view(kind) == "compliance";
}

// The number of the notice's marking phrases (`사전 제공`, `부당한 압력`, …) in a block.
int notice_phrases(const TextBlock& b) {
  std::string s = squashed_lower(b.text);
  int hits = 0;
  for (const vocab::NoticePhrase& p : vocab::notice_phrases())
    hits += p.marks_notice && s.find(p.phrase) != std::string::npos;
  return hits;
}

struct Position {
  size_t page, block;
};

// A notice without a heading: the topmost block with a phrase of it, on the last page that
// has two of them. Nullopt when a heading opens the notice, or there is none.
std::optional<Position> unheaded_notice(const std::vector<PageBlocks>& pages) {
  for (const PageBlocks& p : pages)
    if (std::any_of(p.blocks.begin(), p.blocks.end(), opens_notice)) return std::nullopt;
  for (size_t p = pages.size(); p-- > 0;) {
    int hits = 0;
    std::optional<size_t> first;
    for (size_t i = 0; i < pages[p].blocks.size(); ++i) {
      int n = notice_phrases(pages[p].blocks[i]);
      hits += n;
      if (n > 0 && (!first || pages[p].blocks[i].bbox.y0 < pages[p].blocks[*first].bbox.y0))
        first = i;
    }
    if (hits >= 2) return Position{p, *first};
  }
  return std::nullopt;
}

class Sections {
 public:
  explicit Sections(std::vector<Section>& out) : out_(out) {}

  // The section `b` opens, if any, then `b` in the current section. `place` is the kind its
  // place gives it: summary (the lead), body, or sidebar.
  void add(const TextBlock& b, const std::string& type, int page, bool notice_starts,
           const char* place) {
    const Section* cur = out_.empty() ? nullptr : &out_.back();
    // From the lead to the body, into or out of the sidebar.
    bool moved = place_ != place;
    place_ = place;
    if (std::string_view(place) == "sidebar") {
      // What the page sets apart is read where it stands, as one part: its own headings
      // ("Stock Data", "Key Data") open nothing.
      if (!cur || cur->kind != "sidebar") open("sidebar", std::nullopt, page);
      return put(b, type, page);
    }
    const char* kind = nullptr;
    if (notice_starts || opens_notice(b))
      kind = "compliance";
    else if (type == "heading")
      kind = vocab::section_kind(b.text);
    // "투자등급 관련사항" inside the notice opens nothing; a second summary heading does.
    bool same_kind = cur && kind && cur->kind == kind && is_sticky(kind);
    bool sticky = cur && is_sticky(cur->kind);
    if ((kind && !same_kind) ||
        (!kind && type == "heading" && !sticky && b.size >= kSameHeadingShare * heading_size_)) {
      // A notice found by its phrases has no title: its first block is a sentence.
      bool untitled = notice_starts && !opens_notice(b) && type != "heading";
      open(kind ? kind : place, untitled ? std::nullopt : std::optional(b.text), page);
      heading_size_ = b.size;
    } else if (!cur || (moved && !sticky) || cur->kind == std::string_view("sidebar")) {
      open(place, std::nullopt, page);
    }
    put(b, type, page);
  }

 private:
  void put(const TextBlock& b, const std::string& type, int page) {
    Section& s = out_.back();
    s.last_page = page;
    Block block;
    block.type = type;
    if (type == "table_ref")
      block.table = b.text;
    else
      block.text = b.text;
    if (!b.bullet.empty()) block.bullet = b.bullet;
    block.page = page;
    block.bbox = b.bbox;
    block.origin = origin_name(b.origin);
    s.blocks.push_back(std::move(block));
  }

  void open(const char* kind, std::optional<std::string> title, int page) {
    Section s;
    s.id = "s" + std::to_string(out_.size() + 1);
    s.kind = kind;
    s.title = std::move(title);
    s.first_page = s.last_page = page;
    out_.push_back(std::move(s));
  }

  std::vector<Section>& out_;
  double heading_size_ = 0;
  std::string_view place_;
};

// Where the lead summary is, by the reader's rules: a part of the first page set apart (a
// framed or shaded box, a block between two rules) is the summary and what follows it the
// body; otherwise, in a report of more than one page, the first page's prose is the summary
// and the body starts on the next page. A one-page note, or a cover with no prose (a deck's
// picture), has none; a heading (`Summary`, `투자포인트`) still opens one anywhere.
class Lead {
 public:
  explicit Lead(const std::vector<PageBlocks>& pages) {
    if (pages.size() < 2) return;
    const PageBlocks& first = pages.front();
    size_t prose = 0;
    for (const TextBlock& b : first.blocks) {
      if (set_apart(b) || (b.type != "paragraph" && b.type != "bullet") ||
          b.text.size() < kProseBytes)
        continue;
      // A box is the lead when the page's prose opens in it (under the headline).
      if (prose == 0) boxed_ = b.region == RegionKind::box;
      prose += b.text.size();
    }
    page_ = prose >= kLeadBytes;
  }

  // The place of block `i` of page `p`: summary, body or sidebar.
  const char* place(size_t p, const TextBlock& b) {
    if (set_apart(b)) return "sidebar";
    if (p > 0 || !page_) return "body";
    if (!boxed_) return "summary";
    // The box is the lead; what comes after it on the page is body.
    if (b.region == RegionKind::box) {
      in_box_ = true;
      return "summary";
    }
    past_box_ = past_box_ || in_box_;
    return past_box_ ? "body" : "summary";
  }

 private:
  // What the first page sets apart from its prose: the strip beside the body, the banner
  // above it (masthead, date, bylines).
  static bool set_apart(const TextBlock& b) {
    return b.region == RegionKind::sidebar || b.region == RegionKind::banner;
  }

  // The first page holds a lead when its prose runs to this many bytes at least (~60
  // syllables: a lead sentence or two); a cover's words are fewer.
  static constexpr size_t kLeadBytes = 180;
  // A paragraph shorter than this (bytes, ~20 syllables) is a label, not where prose opens
  // (`Results Comment`, `Company Brief` above the headline).
  static constexpr size_t kProseBytes = 60;
  bool page_ = false, boxed_ = false, in_box_ = false, past_box_ = false;
};

}  // namespace

SectionCut cut_sections(const std::vector<PageBlocks>& pages) {
  SectionCut out;
  Sections sections(out.sections);
  std::optional<Position> notice = unheaded_notice(pages);
  Lead lead(pages);
  for (size_t p = 0; p < pages.size(); ++p)
    for (size_t i = 0; i < pages[p].blocks.size(); ++i) {
      const TextBlock& b = pages[p].blocks[i];
      bool starts = notice && notice->page == p && notice->block == i;
      sections.add(b, block_type(b), pages[p].number, starts, lead.place(p, b));
    }
  out.figures = sections_parts::pair_figures(pages, out.sections);
  return out;
}

}  // namespace kreport
