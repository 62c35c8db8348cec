// What a table prints for each metric and period, and what a cover's before/after box prints.
// A row's label is the text left of its first period column: the nearest text names the row,
// a farther one the group it stands in (`영업이익 | DS`: the DS segment's operating profit,
// not the company's; `영업이익 | 합계`: the company's). Per period, the figure is the
// reported one (잠정치) where the table prints it, else the figure after the revision (수정후),
// else the plain column, else the analyst's estimate; the figure before is the prior column
// (수정전, 직전추정), or the analyst's estimate beside a reported figure (당사 추정치 beside
// 잠정실적); the consensus is the consensus column.
#include <algorithm>
#include <map>
#include <regex>

#include "estimates_parts.h"
#include "extract_parts.h"
#include "kreport/regex.h"
#include "kreport/tables.h"
#include "params.h"

namespace kreport::extract {
namespace {

const std::string* text_of(const Cell& c) {
  return std::get_if<std::string>(&c);
}

int rank_of_role(const std::string& role) {  // which column gives the period's figure
  if (role == "actual") return 0;
  if (role == "after") return 1;
  if (role.empty()) return 2;
  if (role == "own") return 3;
  return 9;
}

std::optional<double> number_in(std::string text) {
  text = squash(text);
  static const Regex number(R"(\(?([-+]?)([0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(\.[0-9]+)?\)?)");
  std::smatch m;
  if (!std::regex_match(text, m, number)) return std::nullopt;
  std::string digits;
  for (char c : m[2].str())
    if (c != ',') digits += c;
  double v = std::stod(digits + m[3].str());
  bool negative = m[1] == "-" || (text.front() == '(' && text.back() == ')');
  return negative ? -v : v;
}

// "영업이익(25F)", "EPS(21)", "2024E EPS": the fiscal year a box row's label names.
std::optional<vocab::FiscalPeriod> year_in_label(const std::string& label, std::string& printed) {
  static const Regex in_parens(R"(\(((?:20)?\d{2}[AFEP]?)[,)])");
  static const Regex leading(R"(^((?:20)?\d{2}[AFEP]) )");
  std::smatch m;
  if (!std::regex_search(label, m, in_parens) && !std::regex_search(label, m, leading))
    return std::nullopt;
  std::string y = m[1].str();
  printed = y;
  if (y.size() == 2 || (y.size() == 4 && !std::isdigit(static_cast<unsigned char>(y.back()))))
    y = "20" + y;  // "25" -> "2025", "25F" -> "2025F"
  return vocab::fiscal_period(y);
}

std::string currency_of(const OptString& unit) {
  const vocab::UnitWord* u = unit ? vocab::unit_word(*unit) : nullptr;
  return u && *u->currency ? u->currency : "";
}

}  // namespace

std::string clean_label(std::string label) {
  static const Regex trailing_number(R"(( [-+]?[\d,.()]*\d[\d,.()]*)+$)");
  return std::regex_replace(label, trailing_number, "");
}

OptString unit_for(const std::string& metric, const std::string& label,
                   const std::vector<const vocab::UnitWord*>& note) {
  std::string_view measure = vocab::measure_of_metric(metric);
  for (const vocab::UnitWord* u : vocab::units_in(label))
    if (measure.empty() || u->measure == measure) return std::string(u->unit);
  if (measure.empty()) return std::nullopt;
  for (const vocab::UnitWord* u : note)
    if (u->measure == measure) return std::string(u->unit);
  if (measure == "ratio" || measure == "multiple") return std::string(vocab::usual_unit(measure));
  if (measure == "per_share")  // EPS of a table in 십억원 or 억원
    for (const vocab::UnitWord* u : note)
      if (u->measure == std::string_view("amount") && std::string_view(u->unit).ends_with("원"))
        return std::string(vocab::usual_unit(measure));
  return std::nullopt;
}

namespace {

// A sidebar's rows that print their period and unit in the label, one figure each:
// `영업이익(25F,십억원) 19`, `Consensus 영업이익(25F,십억원) 57` (the consensus).
std::vector<PeriodFigure> label_figures(const Table& t) {
  std::vector<PeriodFigure> out;
  for (const auto& row : t.rows) {
    const std::string* label = row.empty() ? nullptr : text_of(row[0]);
    const char* metric = label ? vocab::role_of(*label, vocab::metric_words()) : nullptr;
    PeriodFigure f;
    auto year = metric ? year_in_label(*label, f.printed) : std::nullopt;
    if (!year) continue;
    auto v = std::find_if(row.begin() + 1, row.end(),
                          [](const Cell& c) { return std::holds_alternative<double>(c); });
    if (v == row.end()) continue;
    const char* role = vocab::role_of(*label, vocab::estimate_columns());
    if (role && std::string_view(role) == "consensus")
      f.consensus = std::get<double>(*v);
    else if (!role)
      f.value = std::get<double>(*v);
    else
      continue;
    f.metric = metric, f.label = *label, f.period = *year;
    f.unit = unit_for(metric, *label, {});
    f.table = &t, f.page = t.page;
    out.push_back(f);
  }
  return out;
}

struct RowLabel {
  std::string metric, label, unit;  // unit: a unit column's ("영업이익 | 억원 | 8,716", SK)
};

// The metric a row is the company's figure of: its label's, or its group's for a total row
// (`매출액 | 합계`); none for a segment's row under its group (`매출액 | DS`).
std::optional<RowLabel> row_label(const std::vector<Cell>& row, size_t first) {
  std::vector<std::string> labels;
  RowLabel out;
  for (size_t k = 0; k < first && k < row.size(); ++k)
    if (const std::string* s = text_of(row[k]); s && !s->empty()) {
      if (k > 0 && vocab::unit_word(*s))
        out.unit = *s;
      else
        labels.push_back(clean_label(*s));
    }
  if (labels.empty()) return std::nullopt;
  out.label = labels.back();
  const char* metric = vocab::role_of(out.label, vocab::metric_words());
  if (labels.size() > 1) {
    const char* group = vocab::role_of(labels[labels.size() - 2], vocab::metric_words());
    if (vocab::role_of(out.label, vocab::total_words()) && group)
      metric = group, out.label = labels[labels.size() - 2];
    else if (!metric && group)
      return std::nullopt;
  }
  if (!metric) return std::nullopt;
  out.metric = metric;
  return out;
}

struct TableReading {
  const Table& table;
  const std::vector<std::optional<PeriodColumn>>& cols;
  size_t first;                              // the first period column
  bool consensus = false;                    // a consensus table: every figure is the consensus
  std::vector<const vocab::UnitWord*> note;  // the table's unit note
};

// The figures of row `r`, one per period, in the order the table prints them.
std::vector<PeriodFigure> row_figures(const TableReading& in, size_t r, const RowLabel& label) {
  struct Slot {
    PeriodFigure f;
    int value_rank = 99;
    OptNumber own;
  };
  const Table& t = in.table;
  const auto& row = t.rows[r];
  std::map<std::pair<int, int>, Slot> periods;
  std::vector<std::pair<int, int>> order;
  for (size_t k = in.first; k < row.size() && k < in.cols.size(); ++k) {
    const double* v = std::get_if<double>(&row[k]);
    if (!in.cols[k] || !v) continue;
    const PeriodColumn& pc = *in.cols[k];
    std::pair<int, int> key{pc.period.year, pc.period.quarter};
    auto [it, fresh] = periods.try_emplace(key);
    Slot& s = it->second;
    if (fresh) {
      order.push_back(key);
      s.f.metric = label.metric, s.f.label = label.label;
      s.f.table = &t, s.f.page = t.page;
      std::vector<const vocab::UnitWord*> note = vocab::units_in(pc.note);
      if (note.empty()) note = in.note;
      s.f.unit = label.unit.empty() ? unit_for(label.metric, label.label, note) : label.unit;
      s.f.period = pc.period, s.f.printed = pc.printed;
    }
    if (in.consensus || pc.role == "consensus") {
      if (!s.f.consensus) s.f.consensus = *v;
      continue;
    }
    if (pc.role == "prior") {
      if (!s.f.previous) s.f.previous = *v;
      continue;
    }
    if (pc.role == "own" && !s.own) s.own = *v;
    int rank = rank_of_role(pc.role);
    if (rank <= rank_of_role("own") && rank < s.value_rank) {
      s.value_rank = rank;
      s.f.value = *v;
      s.f.period = pc.period, s.f.printed = pc.printed;
      if (r < t.boxes.size() && k < t.boxes[r].size() && t.boxes[r][k])
        s.f.page = t.boxes[r][k]->page;
    }
  }
  std::vector<PeriodFigure> out;
  for (const auto& key : order) {
    Slot& s = periods[key];
    // The analyst's estimate beside the reported figure is the estimate before it.
    if (!s.f.previous && s.value_rank < rank_of_role("own") && s.own) s.f.previous = s.own;
    if (s.f.value || s.f.consensus) out.push_back(std::move(s.f));
  }
  return out;
}

}  // namespace

std::vector<PeriodFigure> table_figures(const Table& t) {
  std::vector<std::optional<PeriodColumn>> cols = period_columns(t);
  size_t first =
      std::find_if(cols.begin(), cols.end(), [](auto& c) { return c.has_value(); }) - cols.begin();
  if (first >= cols.size()) return label_figures(t);
  TableReading reading{t, cols, first, false, {}};
  std::string header = t.title.value_or("");
  for (const Column& c : t.columns) header += " / " + c.label;
  reading.consensus = has_words(t.title.value_or("") + " / " + t.columns[0].label, "consensus");
  reading.note = vocab::units_in(header);

  // A metric's row is its first in the table, or its first in won where the table also
  // prints it in another currency (`매출액 (십억달러)` above `매출액 (조원)`).
  std::map<std::string, std::vector<PeriodFigure>> by_metric;
  std::vector<std::string> metrics;
  for (size_t r = 0; r < t.rows.size(); ++r) {
    std::optional<RowLabel> label = row_label(t.rows[r], first);
    if (!label) continue;
    auto& taken = by_metric[label->metric];
    if (!taken.empty() && currency_of(taken.front().unit) == "KRW") continue;
    std::vector<PeriodFigure> figures = row_figures(reading, r, *label);
    if (figures.empty()) continue;
    if (taken.empty()) metrics.push_back(label->metric);
    if (taken.empty() || currency_of(figures.front().unit) == "KRW") taken = std::move(figures);
  }
  std::vector<PeriodFigure> out;
  for (const std::string& m : metrics)
    for (PeriodFigure& f : by_metric[m]) out.push_back(std::move(f));
  return out;
}

std::vector<PeriodFigure> box_figures(const PageLayout& cover) {
  std::vector<PeriodFigure> out;
  for (const Line& now : cover.lines) {
    const char* role = vocab::role_of(now.text, vocab::estimate_columns());
    if (!role || std::string_view(role) != "after" ||
        utf8::length(now.text) > kExtract.box_header_chars)
      continue;
    const Line* before = nullptr;
    for (const Line* n : right_neighbours(cover, now)) {
      const char* r = vocab::role_of(n->text, vocab::estimate_columns());
      if (r && std::string_view(r) == "prior" && utf8::length(n->text) <= kExtract.box_header_chars)
        before = n;
      if (before) break;
    }
    if (!before) continue;
    std::string note;  // "(조원)" left of the header
    for (const Line& l : cover.lines)
      if (l.bbox.x1 <= now.bbox.x0 && same_baseline(l, now) &&
          now.bbox.x0 - l.bbox.x1 < kExtract.box_label_gap)
        note += l.text;
    std::vector<const vocab::UnitWord*> units = vocab::units_in(note);
    // The rows: labels left of the current column, under the header, one after another.
    std::vector<const Line*> labels;
    for (const Line& l : cover.lines)
      if (l.bbox.y0 > now.bbox.y1 - 1 && l.bbox.x1 <= now.bbox.x0 &&
          now.bbox.x0 - l.bbox.x1 < kExtract.box_label_gap &&
          l.bbox.x0 > now.bbox.x0 - kExtract.box_label_reach)
        labels.push_back(&l);
    std::sort(labels.begin(), labels.end(),
              [](const Line* a, const Line* b) { return a->bbox.y0 < b->bbox.y0; });
    double bottom = now.bbox.y1;
    for (const Line* l : labels) {
      if (l->bbox.y0 - bottom > kExtract.box_row_gap_lines * now.bbox.height()) break;
      bottom = l->bbox.y1;
      auto under = [&](const Line& head) -> OptNumber {
        for (const Line* n : right_neighbours(cover, *l))
          if (n->bbox.x0 < head.bbox.x1 + kExtract.box_column_slack &&
              n->bbox.x1 > head.bbox.x0 - kExtract.box_column_slack)
            return number_in(n->text.substr(0, n->text.find(' ')));  // "48,000 18.8%"
        return std::nullopt;
      };
      OptNumber cur = under(now), prior = under(*before);
      if (!cur || !prior) continue;
      PeriodFigure f;
      f.label = l->text;
      f.value = cur, f.previous = prior;
      f.page = cover.number;
      if (is_target_label(l->text)) {
        f.metric = "target_price";
        out.push_back(f);
        continue;
      }
      const char* metric = vocab::role_of(l->text, vocab::metric_words());
      auto year = metric ? year_in_label(l->text, f.printed) : std::nullopt;
      if (!year) continue;
      f.metric = metric;
      f.period = *year;
      f.unit = unit_for(metric, l->text, units);
      out.push_back(f);
    }
  }
  return out;
}

}  // namespace kreport::extract
