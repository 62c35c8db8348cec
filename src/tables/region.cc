// A table's region: from the run of rows that found it to every cell that is the table's.
#include <algorithm>
#include <cmath>

#include "params.h"
#include "table_parts.h"

namespace kreport::tables {
namespace {

// The run's cells, then the columns beside them on the same rows and the rows right
// below that reading order left out of the run, then the header lines right above.
class Region {
 public:
  Region(const std::vector<Row>& rows, size_t begin, size_t end, const PageCells& page)
      : page_(page), member_(page.pieces.size(), false) {
    std::vector<const Piece*> run;
    std::vector<double> sizes;
    for (size_t r = begin; r < end; ++r)
      for (const Piece* p : rows[r].cells)
        if (!page.taken[page.index(p)]) run.push_back(p), sizes.push_back(p->size);
    if (run.empty()) return;
    std::nth_element(sizes.begin(), sizes.begin() + static_cast<long>(sizes.size() / 2),
                     sizes.end());
    cell_size_ = sizes[sizes.size() / 2];
    for (const Piece* p : run)
      if (!side_note(*p) && (members_.empty() || p->aside == members_.front()->aside)) add(p);
  }

  std::vector<const Piece*> grow() {
    if (members_.empty()) return {};
    while (grow_sideways() || grow_down()) {
    }
    grow_up();
    take_inside();
    return members_;
  }

 private:
  void add(const Piece* p) {
    box_ = members_.empty() ? p->bbox : box_.united(p->bbox);
    members_.push_back(p);
    member_[page_.index(p)] = true;
  }
  // Free, on the table's side of a sidebar, and not a side note's print.
  bool candidate(const Piece& p) const {
    return page_.free(p) && !member_[page_.index(&p)] && p.aside == members_.front()->aside &&
           !side_note(p);
  }
  // OCR's sizes are guesses from its boxes' heights: they tell no side note from a cell.
  bool side_note(const Piece& p) const {
    return p.measured && p.size > kTable.side_note_scale * cell_size_;
  }
  bool within_width(const Piece& p) const {
    return p.bbox.center_x() > box_.x0 && p.bbox.center_x() < box_.x1;
  }
  bool on_a_row(const Piece& p) const {
    return std::any_of(members_.begin(), members_.end(), [&](const Piece* m) {
      return on_one_row(m->bbox.center_y(), p.bbox.center_y(), p.size);
    });
  }

  // The cells under the nearest cell left or right of the table, taken when most of them
  // sit on the table's rows, or (on the left) when they are short labels close by: group
  // labels printed between rows.
  bool grow_sideways() {
    bool grew = false;
    for (int side : {-1, 1}) {
      auto beside = [&](const Piece& p) {
        double cy = p.bbox.center_y();
        return candidate(p) && cy > box_.y0 && cy < box_.y1 &&
               (side < 0 ? p.bbox.center_x() < box_.x0 : p.bbox.center_x() > box_.x1);
      };
      const Piece* nearest = nullptr;
      for (const Piece& p : page_.pieces)
        if (beside(p) &&
            (!nearest || (side < 0 ? p.bbox.x1 > nearest->bbox.x1 : p.bbox.x0 < nearest->bbox.x0)))
          nearest = &p;
      if (!nearest) continue;
      std::vector<const Piece*> column;
      for (const Piece& p : page_.pieces)
        if (beside(p) && p.bbox.x0 < nearest->bbox.x1 && p.bbox.x1 > nearest->bbox.x0)
          column.push_back(&p);
      // Running text in that column: the body beside the table, whose short pieces may
      // happen to sit on its rows.
      bool text = std::any_of(page_.pieces.begin(), page_.pieces.end(), [&](const Piece& p) {
        return is_running_text(p, page_.width) && p.bbox.center_y() > box_.y0 &&
               p.bbox.center_y() < box_.y1 && p.bbox.x0 < nearest->bbox.x1 &&
               p.bbox.x1 > nearest->bbox.x0;
      });
      if (text) continue;
      size_t on_rows =
          std::count_if(column.begin(), column.end(), [&](const Piece* p) { return on_a_row(*p); });
      double gap = side < 0 ? box_.x0 - nearest->bbox.x1 : nearest->bbox.x0 - box_.x1;
      bool labels =
          side < 0 && gap < kTable.label_gap_em * nearest->size &&
          std::all_of(column.begin(), column.end(), [](const Piece* p) {
            return p->text.size() <= kTable.label_bytes && !is_value(parse_number(p->text));
          });
      if ((on_rows >= kTable.min_rows &&
           static_cast<double>(on_rows) >=
               kTable.on_rows_share * static_cast<double>(column.size())) ||
          labels) {
        for (const Piece* p : column) add(p);
        grew = true;
      }
    }
    return grew;
  }

  // A line right under a cell of the last row, starting where it starts.
  bool continues_cell(const Piece& p) const {
    return std::any_of(members_.begin(), members_.end(), [&](const Piece* m) {
      return std::fabs(m->bbox.x0 - p.bbox.x0) < 1 && m->bbox.y1 > box_.y1 - m->size &&
             p.bbox.y0 - m->bbox.y1 < kTable.wrap_gap_em * p.size;
    });
  }

  // Lines below of two cells or more, with the group labels between them.
  bool grow_down() {
    std::vector<const Piece*> below, labels;
    for (const Piece& p : page_.pieces)
      if (candidate(p) && p.bbox.center_y() > box_.y1 && within_width(p)) below.push_back(&p);
    std::sort(below.begin(), below.end(),
              [](const Piece* a, const Piece* b) { return a->bbox.y0 < b->bbox.y0; });
    bool grew = false;
    for (size_t i = 0, j; i < below.size(); i = j) {
      const Piece* p = below[i];
      for (j = i + 1; j < below.size() && below[j]->bbox.y0 < p->bbox.center_y(); ++j) {
      }
      if (p->bbox.y0 > box_.y1 + kTable.header_gap_em * p->size) break;
      if (j == i + 1 && labels.empty() && p->bbox.y0 < box_.y1 + kTable.wrap_gap_em * p->size &&
          continues_cell(*p)) {
        add(p);  // the last line of a cell printed over several lines
        grew = true;
        continue;
      }
      if (j == i + 1) {
        if (p->text.size() > kTable.label_bytes || is_caption(p->text)) break;
        labels.push_back(p);
        continue;
      }
      for (const Piece* l : labels) add(l);
      labels.clear();
      for (size_t k = i; k < j; ++k) add(below[k]);
      grew = true;
    }
    return grew;
  }

  // Header lines right above, up to a caption, a source line or a title: a line of one
  // cell from the table's left edge (its name) or a note in parentheses at its right edge
  // ("(단위: 십억위안)"), where a header cell alone on its line stands over columns.
  void grow_up() {
    std::vector<const Piece*> above;
    for (const Piece& p : page_.pieces)
      if (candidate(p) && p.bbox.center_y() < box_.y0 && within_width(p)) above.push_back(&p);
    std::sort(above.begin(), above.end(),
              [](const Piece* a, const Piece* b) { return a->bbox.y1 > b->bbox.y1; });
    double top = box_.y0, start = box_.y0;
    for (size_t i = 0, j; i < above.size(); i = j) {
      const Piece* p = above[i];
      for (j = i + 1; j < above.size() && above[j]->bbox.y1 > p->bbox.center_y(); ++j) {
      }
      bool edge = (p->bbox.x0 < box_.x0 + p->size && !continued_below(*p)) ||
                  (p->bbox.x1 > box_.x1 - p->size && p->text.front() == '(');
      if (p->bbox.y1 < top - kTable.header_gap_em * p->size ||
          p->bbox.y0 < start - kTable.max_header_em * p->size || is_caption(p->text) ||
          (j == i + 1 && edge))
        break;
      for (size_t k = i; k < j; ++k) top = std::min(top, above[k]->bbox.y0);
      for (size_t k = i; k < j; ++k) add(above[k]);
    }
  }

  // A cell's first line, its next line a line of the table alone on its height right under
  // it in its column: a name wrapped over two lines, centred on its row ("Samsung
  // Electronics Co.," over "Ltd."), not a title over the table (whose next line is a row's).
  bool continued_below(const Piece& p) const {
    auto alone = [&](const Piece* m) {
      return std::none_of(members_.begin(), members_.end(), [&](const Piece* o) {
        return o != m && on_one_row(o->bbox.center_y(), m->bbox.center_y(), m->size);
      });
    };
    return std::any_of(members_.begin(), members_.end(), [&](const Piece* m) {
      double gap = m->bbox.y0 - p.bbox.y1;
      return std::fabs(m->bbox.x0 - p.bbox.x0) < p.size && gap >= 0 &&
             gap < kTable.wrap_gap_em * p.size && alone(m);
    });
  }

  void take_inside() {
    for (const Piece& p : page_.pieces)
      if (candidate(p) && within_width(p) && p.bbox.center_y() > box_.y0 &&
          p.bbox.center_y() < box_.y1)
        add(&p);
  }

  const PageCells& page_;
  std::vector<const Piece*> members_;
  std::vector<bool> member_;
  Bbox box_;
  double cell_size_ = 0;  // the run's usual print size
};

}  // namespace

std::vector<const Piece*> region_of(const std::vector<Row>& rows, size_t begin, size_t end,
                                    const PageCells& page) {
  return Region(rows, begin, end, page).grow();
}

}  // namespace kreport::tables
