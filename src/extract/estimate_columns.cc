// What a table's period columns hold. A column's label is its header lines joined with " / "
// (`3Q21 / 잠정치`, `수정전 / 2025F`, `2024 / 1Q`, `(단위: 십억원, %) / 4Q21E`): a part that
// opens with a period names the column's period (a year over a quarter, `2025 / 1QE`, makes
// one quarter), short parts say its role by the role words of the vocabulary, parts in
// parentheses are unit notes, and long parts are a title the header line shares.
//
// Headers printed over several columns lose their span where the tables stage centres them
// over one (Daishin's results table: `4Q23` over 직전추정 | 잠정치 | YoY | QoQ | Consensus).
// A column labelled by a role alone then takes the period of the header it stands under: a
// figure column (직전추정, 잠정치, 당사추정) the one to its right that prints a period over a
// role, a consensus or change column the one to its left. Two role words printed as one cell
// over two columns (`QoQ Consensus` beside a column without a label) are one each. A role
// column with no such header is a results review's (`3Q21P | 3Q20 | 2Q21 | 컨센서스 |
// 당사예상치`): its period is the latest quarter the table prints.
#include <algorithm>
#include <map>

#include "estimates_parts.h"
#include "kreport/tables.h"
#include "kreport/utf8.h"
#include "params.h"

namespace kreport::extract {
namespace {

std::vector<std::string> split(const std::string& s, const std::string& sep) {
  std::vector<std::string> out;
  for (size_t b = 0, e; b <= s.size(); b = e + sep.size()) {
    e = std::min(s.find(sep, b), s.size());
    out.push_back(s.substr(b, e - b));
  }
  return out;
}

std::string trimmed(const std::string& s) {
  size_t b = s.find_first_not_of(' ');
  if (b == std::string::npos) return "";
  return s.substr(b, s.find_last_not_of(' ') - b + 1);
}

std::optional<vocab::FiscalPeriod> period_of(const std::string& text) {
  if (auto q = vocab::fiscal_quarter(text)) return q;
  return vocab::fiscal_period(text);
}

const char* role_in(const std::string& text) {
  const char* r = vocab::role_of(text, vocab::estimate_columns());
  return r && std::string_view(r) != "quarter" ? r : nullptr;
}

struct Reading {
  std::optional<vocab::FiscalPeriod> period;
  std::string printed, role, note;
  bool role_part = false;           // the label prints a role beside its period (a spanned header)
  bool empty = true;                // no label at all
  bool ambiguous = false;           // two periods
  std::vector<std::string> merged;  // two role words in one cell: `QoQ Consensus`
};

// Joins a year-only part with a quarter printed without its year (`2025 / 1QE`).
bool combine(Reading& r, const PeriodPart& p) {
  if (!r.period) {
    r.period = p.period, r.printed = p.printed;
    return true;
  }
  vocab::FiscalPeriod& have = *r.period;
  if (!have.quarter && p.period.quarter && (!p.period.year || p.period.year == have.year)) {
    std::string year_printed = r.printed;
    int year = have.year;
    have = p.period;
    have.year = year;
    r.printed = year_printed + " " + p.printed;
    return true;
  }
  if (have.quarter && !have.year && !p.period.quarter) {
    have.year = p.period.year;
    r.printed = p.printed + " " + r.printed;
    return true;
  }
  return false;
}

Reading read_label(const std::string& label) {
  Reading r;
  std::vector<std::string> roles;
  for (std::string part : split(label, " / ")) {
    part = trimmed(part);
    if (part.empty()) continue;
    r.empty = false;
    if (part[0] == '(') {
      r.note += part;
      continue;
    }
    if (auto p = period_part(part)) {
      if (!combine(r, *p)) r.ambiguous = true;
      if (!p->rest.empty()) roles.push_back(p->rest);
      continue;
    }
    if (utf8::length(part) > kExtract.max_role_part_chars) continue;
    roles.push_back(part);
    std::vector<std::string> words = split(part, " ");
    if (words.size() == 2 && role_in(words[0]) && role_in(words[1]) &&
        std::string_view(role_in(words[0])) != role_in(words[1]))
      r.merged = words;
  }
  std::string joined;
  for (const std::string& s : roles) joined += (joined.empty() ? "" : " / ") + s;
  if (const char* role = role_in(joined)) r.role = role, r.role_part = true;
  return r;
}

bool figure_role(const std::string& role) {
  return role == "prior" || role == "after" || role == "actual" || role == "own";
}

bool later(const vocab::FiscalPeriod& a, const vocab::FiscalPeriod& b) {
  return a.year != b.year ? a.year > b.year : a.quarter > b.quarter;
}

std::vector<std::string> header_labels(const Table& t) {
  std::vector<std::string> labels;
  for (const Column& c : t.columns) labels.push_back(c.label);
  size_t periods = std::count_if(labels.begin(), labels.end(), [](const std::string& l) {
    Reading r = read_label(l);
    return r.period && !r.ambiguous;
  });
  if (periods >= 2) return labels;
  // The header kept as rows (a table whose header lines the tables stage read as cells): the
  // rows right above the first row of figures that hold nothing but words, periods and
  // whole numbers that may be years ("23", "2024"), read down each column.
  size_t data = t.rows.size(), label_col = 0;
  for (size_t r = 0; r < t.rows.size() && data == t.rows.size(); ++r)
    for (size_t k = 0; k < t.rows[r].size(); ++k) {
      const std::string* s = std::get_if<std::string>(&t.rows[r][k]);
      if (!s) continue;
      bool numbers = std::any_of(t.rows[r].begin() + k + 1, t.rows[r].end(),
                                 [](const Cell& c) { return std::holds_alternative<double>(c); });
      if (numbers && vocab::role_of(*s, vocab::metric_words())) data = r, label_col = k;
      break;
    }
  if (data == t.rows.size()) return labels;
  // Only the columns the figures are printed in count: a chart beside the table lends the
  // rows above its axis labels.
  std::vector<bool> figure_col(t.rows[data].size());
  for (size_t k = label_col + 1; k < figure_col.size(); ++k)
    figure_col[k] = !std::holds_alternative<std::monostate>(t.rows[data][k]);
  size_t top = data;
  while (top > 0) {
    const auto& row = t.rows[top - 1];
    bool header = true;
    for (size_t k = label_col; k < row.size() && k < figure_col.size(); ++k) {
      const double* v = std::get_if<double>(&row[k]);
      if (v && figure_col[k] && !(*v == static_cast<int>(*v) && *v >= 0 && *v < 2100))
        header = false;
    }
    if (!header) break;
    --top;
  }
  for (size_t r = top; r < data; ++r)
    for (size_t k = label_col; k < t.rows[r].size() && k < labels.size(); ++k) {
      std::string text = cell_text(t.rows[r][k]);
      if (!text.empty()) labels[k] += (labels[k].empty() ? "" : " / ") + text;
    }
  return labels;
}

// Two role words in one cell beside a column without a label: one word each.
void split_merged(std::vector<Reading>& cols) {
  for (size_t k = 0; k < cols.size(); ++k) {
    if (cols[k].merged.empty()) continue;
    std::string first = role_in(cols[k].merged[0]), second = role_in(cols[k].merged[1]);
    if (k > 0 && cols[k - 1].empty) {
      cols[k - 1].role = first, cols[k - 1].role_part = true, cols[k - 1].empty = false;
      cols[k].role = second;
    } else if (k + 1 < cols.size() && cols[k + 1].empty) {
      cols[k + 1].role = second, cols[k + 1].role_part = true, cols[k + 1].empty = false;
      cols[k].role = first;
    }
  }
}

// Each column's period: its own, or for a column labelled by a role alone, the spanned
// header's it stands under, or a results review's latest quarter.
std::vector<std::optional<PeriodColumn>> periods_under_headers(const std::vector<Reading>& cols) {
  const Reading* latest = nullptr;
  for (const Reading& r : cols)
    if (r.period && !r.ambiguous && r.period->quarter && r.period->year &&
        (!latest || later(*r.period, *latest->period)))
      latest = &r;
  // The spanned header nearest to `k` in direction `step`.
  auto spanned = [&](size_t k, int step) -> const Reading* {
    for (long j = static_cast<long>(k) + step; j >= 1 && j < static_cast<long>(cols.size());
         j += step) {
      const Reading& r = cols[j];
      if (r.period && !r.ambiguous) return r.role_part ? &r : nullptr;
    }
    return nullptr;
  };
  std::vector<std::optional<PeriodColumn>> out(cols.size());
  for (size_t k = 1; k < cols.size(); ++k) {
    const Reading& r = cols[k];
    if (r.ambiguous) continue;
    if (r.period) {
      if (r.period->year) out[k] = PeriodColumn{*r.period, r.printed, r.role, r.note};
      continue;
    }
    if (r.role.empty()) continue;
    const Reading* under = figure_role(r.role) ? spanned(k, +1) : spanned(k, -1);
    if (!under) under = figure_role(r.role) ? spanned(k, -1) : spanned(k, +1);
    if (!under || !under->period->year) under = latest;
    if (under) out[k] = PeriodColumn{*under->period, under->printed, r.role, r.note};
  }
  return out;
}

bool same_period(const PeriodColumn& a, const PeriodColumn& b) {
  return a.period.year == b.period.year && a.period.quarter == b.period.quarter;
}

// Roles printed over the periods (`수정전 | 수정후 | 변화율`, each over 2021E | 2022E) and read
// over the first of each: a period printed twice or more takes, in a column without a role,
// the role of the nearest column to its left that has one.
void carry_roles(std::vector<std::optional<PeriodColumn>>& out) {
  std::map<std::pair<int, int>, int> printed;
  for (const auto& c : out)
    if (c) ++printed[{c->period.year, c->period.quarter}];
  for (size_t k = 2; k < out.size(); ++k) {
    if (!out[k] || !out[k]->role.empty() ||
        printed[{out[k]->period.year, out[k]->period.quarter}] < 2)
      continue;
    for (size_t j = k; j-- > 1;)
      if (out[j] && !out[j]->role.empty()) {
        out[k]->role = out[j]->role;
        break;
      }
  }
}

// A header centred over its columns but read over one too few: a column repeating a role its
// period already has opens the next period's columns (DS: `2025E` printed over 변경 후 | 변경
// 전 | 차이, read over 변경 전 only, the 변경 후 column left under `2024P`).
void reopen_spans(std::vector<std::optional<PeriodColumn>>& out) {
  for (size_t k = 1; k + 1 < out.size(); ++k) {
    if (!out[k] || !out[k + 1] || out[k]->role.empty() || out[k]->role == "change" ||
        same_period(*out[k + 1], *out[k]))
      continue;
    bool repeats = false;
    for (size_t j = k; j-- > 1 && out[j] && same_period(*out[j], *out[k]);)
      repeats |= out[j]->role == out[k]->role;
    if (repeats) out[k]->period = out[k + 1]->period, out[k]->printed = out[k + 1]->printed;
  }
}

}  // namespace

std::optional<PeriodPart> period_part(const std::string& text) {
  std::string part = trimmed(text);
  if (auto p = period_of(part)) return PeriodPart{*p, part, ""};
  // "3Q21E(당사 종전)", "2025F(수정후)": the qualifier in parentheses.
  size_t open = part.find('(');
  if (open != std::string::npos && open > 0 && part.back() == ')')
    if (auto p = period_of(part.substr(0, open)))
      return PeriodPart{*p, trimmed(part.substr(0, open)),
                        trimmed(part.substr(open + 1, part.size() - open - 2))};
  // "1Q25 Con", "2024 4Q 실적", "2024 연간 실적": a period of one or two words, then words
  // that are no period ("3Q21P 4Q21E 1Q22E" is three headers run together).
  std::vector<std::string> words = split(part, " ");
  for (size_t n = std::min<size_t>(2, words.size() - 1); n >= 1; --n) {
    std::string head, rest;
    for (size_t i = 0; i < words.size(); ++i) (i < n ? head : rest) += words[i] + " ";
    head = trimmed(head), rest = trimmed(rest);
    auto p = period_of(head);
    if (!p || utf8::length(rest) > kExtract.max_role_part_chars) continue;
    bool another = std::any_of(words.begin() + n, words.end(),
                               [](const std::string& w) { return period_of(w).has_value(); });
    if (another) return std::nullopt;
    return PeriodPart{*p, head, rest};
  }
  return std::nullopt;
}

std::vector<std::optional<PeriodColumn>> period_columns(const Table& t) {
  std::vector<Reading> cols;
  for (const std::string& label : header_labels(t)) cols.push_back(read_label(label));
  split_merged(cols);
  std::vector<std::optional<PeriodColumn>> out = periods_under_headers(cols);
  carry_roles(out);
  reopen_spans(out);
  return out;
}

}  // namespace kreport::extract
