// The analyst's annual numbers as typed rows: one per (metric, fiscal year) of the company
// report's annual financial tables. A year column is a header that names a fiscal year and nothing
// that makes its numbers something else (a prior estimate, a change, consensus, a quarter).
// A value's label is the text nearest to its left in its row: statements printed side by side
// (the income statement beside the balance sheet) are read as one grid, each half with its
// own label column. Tables with years as rows and metrics as columns give the same rows.
#include <algorithm>
#include <cmath>
#include <map>
#include <regex>

#include "estimates_parts.h"
#include "kreport/tables.h"
#include "params.h"

namespace kreport::extract {
namespace {

std::vector<std::string> parts_of(const std::string& label) {
  std::vector<std::string> out;
  for (size_t b = 0, e; b <= label.size(); b = e + 3) {
    e = std::min(label.find(" / ", b), label.size());
    out.push_back(label.substr(b, e - b));
  }
  return out;
}

bool is_note(const std::string& part) {
  return !part.empty() && part[0] == '(';
}

// "2025F(수정후)": the year, and the qualifier in parentheses as a part of its own.
std::optional<vocab::FiscalPeriod> period_of_part(const std::string& part,
                                                  std::vector<std::string>& qualifiers) {
  if (auto p = vocab::fiscal_period(part)) return p;
  size_t open = part.find('(');
  if (open == std::string::npos || part.back() != ')') return std::nullopt;
  auto p = vocab::fiscal_period(part.substr(0, open));
  if (p) qualifiers.push_back(part.substr(open + 1, part.size() - open - 2));
  return p;
}

struct YearColumn {
  vocab::FiscalPeriod period;
  std::string printed;
};

std::optional<YearColumn> year_column(const std::string& label) {
  std::optional<YearColumn> found;
  std::vector<std::string> others;
  for (const std::string& part : parts_of(label)) {
    std::vector<std::string> qualifiers;
    if (auto p = period_of_part(part, qualifiers)) {
      if (found) return std::nullopt;  // "2024 / 2025F": two years name no one column
      found = YearColumn{*p, part};
      others.insert(others.end(), qualifiers.begin(), qualifiers.end());
    } else if (!is_note(part)) {
      others.push_back(part);
    }
  }
  if (!found) return std::nullopt;
  for (const std::string& o : others)
    if (const char* role = vocab::role_of(o, vocab::estimate_columns()))
      for (std::string_view no : {"prior", "change", "consensus", "quarter"})
        if (role == no) return std::nullopt;
  return found;
}

const std::string* text_in(const Cell& c) {
  return std::get_if<std::string>(&c);
}

bool has_letter(const std::string& s) {
  return std::any_of(s.begin(), s.end(), [](char c) {
    return (c & 0x80) || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
  });
}

// Everything printed over a table: its title and column labels.
std::string header_text(const Table& t) {
  std::string s = t.title.value_or("");
  for (const Column& c : t.columns) s += " / " + c.label;
  return s;
}

struct Candidate {
  std::string metric, label;
  YearColumn year;
  double value;
  std::string column_note;  // the year column's own unit note
  int page;
};

// Rows of a grid whose columns are years.
int count_years(const std::vector<std::optional<YearColumn>>& years) {
  return std::count_if(years.begin(), years.end(), [](auto& y) { return y.has_value(); });
}

std::vector<Candidate> by_columns(const Table& t) {
  std::vector<std::optional<YearColumn>> years;
  for (const Column& c : t.columns) years.push_back(year_column(c.label));
  size_t first_row = 0;
  // No years over the columns: a header the tables stage kept as a row ("결산기(12월) 2023A
  // 2024F", OCR'd and sidebar tables): the first row that names two years serves.
  if (count_years(years) < 2)
    for (size_t r = 0; r < t.rows.size(); ++r) {
      std::vector<std::optional<YearColumn>> in_row(years.size());
      for (size_t k = 1; k < t.rows[r].size() && k < years.size(); ++k)
        in_row[k] = year_column(cell_text(t.rows[r][k]));
      if (count_years(in_row) >= 2) {
        years = std::move(in_row);
        first_row = r + 1;
        break;
      }
    }
  // Columns whose header, read whole, says they hold a figure before a revision, a change or
  // the consensus (`수정전` printed over 2021E | 2022E) are no year's own figure.
  std::vector<std::optional<PeriodColumn>> roles = period_columns(t);
  for (size_t k = 0; k < years.size() && k < roles.size(); ++k)
    if (roles[k] &&
        (roles[k]->role == "prior" || roles[k]->role == "change" || roles[k]->role == "consensus"))
      years[k].reset();
  std::vector<Candidate> out;
  for (size_t r = first_row; r < t.rows.size(); ++r) {
    const auto& row = t.rows[r];
    for (size_t k = 1; k < row.size() && k < years.size(); ++k) {
      const double* v = std::get_if<double>(&row[k]);
      if (!years[k] || !v) continue;
      // The label: across this half's year columns to the first other column that has text
      // (or the first column). Empty spacer columns are passed, but never a half's empty
      // label column and then the other half's years: that would take the other's label.
      // A unit column between them ("영업이익 | 억원 | 8,716", SK) gives the row's unit.
      const std::string* label = nullptr;
      std::string unit = t.columns[k].unit.value_or("");
      bool gap = false;
      for (size_t j = k; j-- > 0;) {
        if (years[j] && j > 0) {
          if (gap) break;
          continue;
        }
        label = text_in(row[j]);
        if (label && j > 0 && vocab::unit_word(*label)) {
          unit = *label;
          label = nullptr;
          continue;
        }
        if (label) break;
        gap = true;
      }
      if (!label || !has_letter(*label) || label->front() == '(') continue;
      std::string l = clean_label(*label);
      const char* metric = vocab::role_of(l, vocab::metric_words());
      int page = t.page;
      if (r < t.boxes.size() && k < t.boxes[r].size() && t.boxes[r][k]) page = t.boxes[r][k]->page;
      out.push_back({metric ? metric : "other", l, *years[k], *v, "(" + unit + ")", page});
    }
  }
  return out;
}

// Rows of a transposed table: years down the first column, metrics across.
std::vector<Candidate> by_rows(const Table& t) {
  std::vector<Candidate> out;
  for (const auto& row : t.rows) {
    if (row.empty()) continue;
    std::string head = cell_text(row[0]);
    auto period = vocab::fiscal_period(head);
    if (!period) continue;
    for (size_t k = 1; k < row.size() && k < t.columns.size(); ++k) {
      const double* v = std::get_if<double>(&row[k]);
      const std::string& label = t.columns[k].label;
      const char* metric = vocab::role_of(label, vocab::metric_words());
      if (v && metric) out.push_back({metric, label, {*period, head}, *v, "", t.page});
    }
  }
  return out;
}

std::string series_of(const Candidate& c) {
  return c.metric == "other" ? "other:" + c.label : c.metric;
}

// Two printings of one series agree on a year they share (to the rounding of the smaller).
bool agrees(const std::map<int, double>& a, const std::map<int, double>& b) {
  for (const auto& [year, v] : a) {
    auto it = b.find(year);
    if (it != b.end() &&
        std::abs(v - it->second) <=
            kExtract.same_value_share * std::max(std::abs(v), std::abs(it->second)))
      return true;
  }
  return false;
}

// The summary on the first page, then the financial statements, then the body's tables.
int rank_of(const Table& t, int first_page) {
  if (t.page == first_page) return 0;
  return has_words(header_text(t), "statements") ? 1 : 2;
}

}  // namespace

bool has_words(const std::string& text, std::string_view role) {
  return vocab::has_role(text, vocab::estimate_tables(), role);
}

bool takes_part(const Table& t) {
  return t.kind != "peer_table" && t.kind != "rating_history" && t.kind != "rating_distribution" &&
         t.kind != "calendar" && t.kind != "ranking";
}

std::vector<Estimate> annual_estimates(const std::vector<Table>& tables) {
  if (tables.empty()) return {};
  int first_page = std::min_element(tables.begin(), tables.end(), [](auto& a, auto& b) {
                     return a.page < b.page;
                   })->page;
  std::vector<const Table*> order;
  for (const Table& t : tables)
    if (takes_part(t)) order.push_back(&t);
  std::stable_sort(order.begin(), order.end(), [&](const Table* a, const Table* b) {
    return rank_of(*a, first_page) < rank_of(*b, first_page);
  });

  // Each table's rows, by series (the metric, or an unknown row's label) and year.
  struct Read {
    const Table* table;
    std::vector<Candidate> rows;
    std::map<std::string, std::map<int, double>> series;
  };
  std::vector<Read> reads;
  for (const Table* t : order) {
    // A consensus table says so in its title or corner; a consensus column, in its label.
    std::string own =
        t->title.value_or("") + " / " + (t->columns.empty() ? "" : t->columns[0].label);
    if (has_words(own, "consensus")) continue;
    std::vector<Candidate> found = by_columns(*t);
    std::vector<Candidate> transposed = by_rows(*t);
    if (transposed.size() > found.size()) found = std::move(transposed);
    Read r{t, std::move(found), {}};
    for (const Candidate& c : r.rows) r.series[series_of(c)].emplace(c.year.period.year, c.value);
    int metrics = std::count_if(r.series.begin(), r.series.end(),
                                [](const auto& s) { return !s.first.starts_with("other:"); });
    if (metrics >= kExtract.min_metrics) reads.push_back(std::move(r));
  }

  // A series comes from the first table that prints it for two years or more (one year alone
  // is as often a misread grid's), else from the first that prints it at all. Another table
  // only adds years to it when it prints the series the same (one shared year agreeing): the
  // statements' extra year, never a segment's figure or one in another unit.
  std::map<std::string, size_t> primary;
  for (int least : {2, 1})
    for (size_t i = 0; i < reads.size(); ++i)
      for (const auto& [series, years] : reads[i].series)
        if (static_cast<int>(years.size()) >= least) primary.emplace(series, i);
  std::map<std::string, std::map<int, double>> taken;
  for (const auto& [series, i] : primary) taken[series] = reads[i].series[series];

  std::vector<Estimate> out;
  std::map<std::pair<std::string, int>, bool> written;
  for (size_t i = 0; i < reads.size(); ++i) {
    const Table& t = *reads[i].table;
    std::string header = header_text(t);
    OptString basis;
    if (has_words(header, "separate"))
      basis = "separate";
    else if (has_words(header, "consolidated"))
      basis = "consolidated";
    std::vector<const vocab::UnitWord*> table_note = vocab::units_in(header);
    for (const Candidate& c : reads[i].rows) {
      std::string series = series_of(c);
      int year = c.year.period.year;
      if (written[{series, year}]) continue;
      auto& have = taken[series];
      if (primary[series] == i) {
        if (reads[i].series[series][year] != c.value) continue;  // a second row of the label
      } else if (have.count(year) || !agrees(have, reads[i].series[series])) {
        continue;
      }
      have[year] = c.value;
      written[{series, year}] = true;
      std::vector<const vocab::UnitWord*> note = vocab::units_in(c.column_note);
      if (note.empty()) note = table_note;
      Estimate e;
      e.metric = c.metric, e.label = c.label, e.fiscal_year = year, e.period = c.year.printed;
      e.kind = c.year.period.kind, e.value = c.value, e.unit = unit_for(c.metric, c.label, note);
      e.basis = basis, e.table = t.id, e.page = c.page;
      out.push_back(std::move(e));
    }
  }
  return out;
}

}  // namespace kreport::extract
