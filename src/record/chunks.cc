// The record as retrieval chunks: JSON Lines, one chunk a line, each naming its report
// (sha256, broker, ticker, date), its section's kind, the headings above it, its pages and
// the union of its blocks' boxes on each page. Text chunks gather a section's blocks one per
// line and end at a block's end: before a heading that follows text, at the section's end,
// or before the block that would take them past the bound. A table is a chunk of its own,
// printed as a pipe table; one too long for the bound is split between rows, each part
// under the header again. A single block or row longer than the bound is alone in its
// chunk, marked oversize. Sections come in the order the Markdown prints them.
#include <algorithm>
#include <map>
#include <set>

#include "json_parts.h"
#include "kreport/views.h"
#include "view_parts.h"

namespace kreport {
namespace {

using views::json;
using views::str;
using ojson = nlohmann::ordered_json;

struct Box {
  double x0, y0, x1, y1;
};

// What one chunk holds while it is filled.
struct Draft {
  std::vector<std::string> lines;
  size_t chars = 0;  // of the lines joined by "\n"
  std::map<int, Box> boxes;
  std::vector<std::string> origins;
  bool has_text = false;  // a block besides headings
  bool oversize = false;

  void add_box(int page, const json& bbox) {
    if (page <= 0 || !bbox.is_array() || bbox.size() != 4) return;
    for (const json& v : bbox)
      if (!v.is_number()) return;
    Box b{bbox[0].get<double>(), bbox[1].get<double>(), bbox[2].get<double>(),
          bbox[3].get<double>()};
    auto [it, fresh] = boxes.emplace(page, b);
    if (fresh) return;
    Box& u = it->second;
    u = {std::min(u.x0, b.x0), std::min(u.y0, b.y0), std::max(u.x1, b.x1), std::max(u.y1, b.y1)};
  }
  size_t with(const std::string& line) const {
    return chars + (lines.empty() ? 0 : 1) + views::chars(line);
  }
  void add(const std::string& line) {
    chars = with(line);
    lines.push_back(line);
  }
};

class Chunker {
 public:
  Chunker(const json& record, size_t max_chars) : record_(record), max_(max_chars) {
    const json& source = at(record, "source");
    const json& doc = at(record, "document");
    report_ = str(source, "sha256");
    broker_ = at(at(doc, "broker"), "id");
    ticker_ = at(at(doc, "recommendation"), "ticker");
    published_ = at(doc, "published");
  }

  void section(const json& s) {
    kind_ = str(s, "kind");
    title_ = str(s, "title");
    heading_.clear();
    const json& blocks = at(s, "blocks");
    if (!blocks.is_array()) return;
    for (const json& b : blocks) block(b);
    flush();
  }

  std::string text() const { return out_; }

 private:
  static const json& at(const json& object, const char* key) {
    static const json null_value;
    if (!object.is_object()) return null_value;
    auto it = object.find(key);
    return it == object.end() ? null_value : *it;
  }

  void block(const json& b) {
    std::string type = str(b, "type");
    if (type == "table_ref") {
      flush();
      const json* t = views::find_table(record_, str(b, "table"));
      if (t && tables_.insert(str(b, "table")).second) table(*t);  // once, as in the Markdown
      return;
    }
    std::string text = str(b, "text");
    if (text.empty()) return;
    if (type == "heading" && draft_.has_text) flush();
    bool alone = views::chars(text) > max_;
    if (!draft_.lines.empty() && (alone || draft_.with(text) > max_)) flush();
    if (type == "heading") heading_ = text;
    draft_.add(text);
    draft_.has_text = draft_.has_text || type != "heading";
    draft_.oversize = alone;
    int page = at(b, "page").is_number_integer() ? at(b, "page").get<int>() : 0;
    draft_.add_box(page, at(b, "bbox"));
    std::string origin = str(b, "origin");
    draft_.origins.push_back(origin.empty() ? "text" : origin);
    if (alone) flush();
  }

  void table(const json& t) {
    const json& columns = at(t, "columns");
    if (!columns.is_array() || columns.empty()) return;
    std::string header = views::md_table_header(t);
    const json& rows = at(t, "rows");
    const json& cell_boxes = at(t, "cell_boxes");
    std::string table_id = str(t, "id"), title = str(t, "title");
    auto start = [&] {
      draft_.add(header);
      draft_.origins.push_back("text");
      draft_.has_text = true;
    };
    auto place = [&](size_t r) {
      if (!cell_boxes.is_array() || r >= cell_boxes.size() || !cell_boxes[r].is_array()) return;
      for (const json& cell : cell_boxes[r])
        if (cell.is_object() && at(cell, "page").is_number_integer())
          draft_.add_box(at(cell, "page").get<int>(), at(cell, "bbox"));
    };
    start();
    size_t n = rows.is_array() ? rows.size() : 0;
    for (size_t r = 0; r < n; ++r) {
      std::string line = views::md_table_row(t, rows[r]);
      if (draft_.lines.size() > 1 && draft_.with(line) > max_) {
        emit_table(t, table_id, title);
        start();
      }
      draft_.add(line);
      draft_.oversize = draft_.lines.size() == 2 && draft_.chars > max_;
      place(r);
    }
    emit_table(t, table_id, title);
  }

  // A table's chunk: where its rows' cells are printed, else where the table is.
  void emit_table(const json& t, const std::string& id, const std::string& title) {
    if (draft_.boxes.empty() && at(t, "page").is_number_integer())
      draft_.add_box(at(t, "page").get<int>(), at(t, "bbox"));
    std::vector<std::string> headings = path();
    if (!title.empty()) headings.push_back(title);
    emit("table", id, headings);
  }

  std::vector<std::string> path() const {
    std::vector<std::string> out;
    if (!title_.empty()) out.push_back(title_);
    if (!heading_.empty() && heading_ != title_) out.push_back(heading_);
    return out;
  }

  void flush() {
    if (!draft_.lines.empty()) emit("text", "", path());
    draft_ = Draft();
  }

  void emit(const char* type, const std::string& table, const std::vector<std::string>& headings) {
    using record_json::bbox;
    ojson pages = ojson::array(), boxes = ojson::array();
    for (const auto& [page, b] : draft_.boxes) {
      pages.push_back(page);
      boxes.push_back({{"page", page}, {"bbox", bbox(Bbox{b.x0, b.y0, b.x1, b.y1})}});
    }
    std::string origin = draft_.origins.empty() ? "text" : draft_.origins.front();
    for (const std::string& o : draft_.origins)
      if (o != origin) origin = "mixed";
    std::string text;
    for (const std::string& line : draft_.lines) text += (text.empty() ? "" : "\n") + line;
    ojson chunk = {{"schema", kChunkSchema},
                   {"schema_version", kChunkSchemaVersion},
                   {"report", report_},
                   {"seq", ++seq_},
                   {"broker", broker_},
                   {"ticker", ticker_},
                   {"published", published_},
                   {"section", kind_},
                   {"headings", headings},
                   {"type", type},
                   {"table", table.empty() ? ojson(nullptr) : ojson(table)},
                   {"pages", pages},
                   {"boxes", boxes},
                   {"origin", origin},
                   {"chars", views::chars(text)},
                   {"oversize", draft_.oversize},
                   {"text", text}};
    out_ += chunk.dump(-1, ' ', false, ojson::error_handler_t::replace) + "\n";
    draft_ = Draft();
  }

  const json& record_;
  size_t max_;
  std::string report_;
  json broker_, ticker_, published_;
  std::string kind_, title_, heading_;
  Draft draft_;
  std::set<std::string> tables_;  // chunked already
  int seq_ = 0;
  std::string out_;
};

}  // namespace

namespace views {

std::string chunks(const json& record, int max_chars) {
  Chunker chunker(record, static_cast<size_t>(std::max(max_chars, 1)));
  for (const json* s : views::ordered_sections(record)) chunker.section(*s);
  return chunker.text();
}

}  // namespace views

std::string chunks_of(std::string_view record_json, int max_chars) {
  return views::chunks(views::parse(record_json), max_chars);
}

}  // namespace kreport
