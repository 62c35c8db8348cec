// The registry of rule tables: each table of kreport/vocab.h with the check that runs the
// matcher the stages use on each row's example. A check that cannot be written as "this
// example gives this row" is a rule that cannot be tested, so every table has one.
#include <algorithm>
#include <cstdio>
#include <cstring>

#include "extract_parts.h"
#include "kreport/layout.h"
#include "kreport/rules.h"
#include "kreport/sections.h"

namespace kreport {
namespace {

using namespace extract;

std::string quoted(const std::string& s) {
  return "\"" + s + "\"";
}

template <typename Row, typename Describe>
std::vector<RuleRow> rows_of(std::span<const Row> rows, Describe describe) {
  std::vector<RuleRow> out;
  for (const Row& r : rows) out.push_back({describe(r), r.example});
  return out;
}

std::string gave(const char* got) {
  return std::string("gave ") + (got ? got : "nothing");
}

RuleTable ratings() {
  auto rows = vocab::rating_words();
  return {"ratings", "rating words as printed -> normalized rating (scope)",
          rows_of(rows,
                  [](const vocab::RatingWord& r) {
                    return std::string(r.printed) + " -> " + (*r.rating ? r.rating : "-") + " (" +
                           (*r.scope ? r.scope : "stock or industry") + ")";
                  }),
          [rows](size_t i, const std::string& ex) -> std::string {
            const vocab::RatingWord* hit = vocab::rating_word_at(ex);
            return hit == &rows[i] ? "" : gave(hit ? hit->printed : nullptr);
          }};
}

RuleTable date_forms() {
  auto rows = vocab::date_forms();
  return {"date_forms", "how dates are printed -> ISO",
          rows_of(rows,
                  [](const vocab::DateForm& r) {
                    return std::string(r.id) + ": " + r.printed + " -> " + r.iso;
                  }),
          [rows](size_t i, const std::string& ex) -> std::string {
            for (const vocab::DateHit& d : vocab::find_dates(ex))
              if (d.form == &rows[i] && d.iso() == rows[i].iso) return "";
            auto hits = vocab::find_dates(ex);
            return hits.empty() ? "no date" : "read " + hits[0].iso() + " as " + hits[0].form->id;
          }};
}

RuleTable period_forms() {
  auto rows = vocab::period_forms();
  return {"period_forms", "how fiscal years are printed in column headers -> year and kind",
          rows_of(rows,
                  [](const vocab::PeriodForm& r) {
                    return std::string(r.id) + ": " + r.example + " -> " + std::to_string(r.year) +
                           " " + r.kind;
                  }),
          [rows](size_t i, const std::string& ex) -> std::string {
            auto p = vocab::fiscal_period(ex);
            if (!p) return "no fiscal year";
            if (p->form == &rows[i] && p->year == rows[i].year && p->kind == rows[i].kind)
              return "";
            return "read " + std::to_string(p->year) + " " + p->kind + " as " + p->form->id;
          }};
}

RuleTable quarter_forms() {
  auto rows = vocab::quarter_forms();
  return {"quarter_forms",
          "how fiscal quarters are printed in column headers -> year, quarter, kind",
          rows_of(rows,
                  [](const vocab::QuarterForm& r) {
                    return std::string(r.id) + ": " + r.example + " -> " +
                           (r.year ? std::to_string(r.year) : std::string("the year row's")) +
                           " Q" + std::to_string(r.quarter) + " " + r.kind;
                  }),
          [rows](size_t i, const std::string& ex) -> std::string {
            auto p = vocab::fiscal_quarter(ex);
            if (!p) return "no fiscal quarter";
            if (p->quarter_form == &rows[i] && p->year == rows[i].year &&
                p->quarter == rows[i].quarter && p->kind == rows[i].kind)
              return "";
            return "read " + std::to_string(p->year) + " Q" + std::to_string(p->quarter) + " " +
                   p->kind + " as " + p->quarter_form->id;
          }};
}

RuleTable year_end_forms() {
  auto rows = vocab::year_end_forms();
  return {"year_end_forms", "where a table prints the month the fiscal year ends -> month",
          rows_of(rows,
                  [](const vocab::YearEndForm& r) { return std::string(r.id) + ": " + r.pattern; }),
          [rows](size_t i, const std::string& ex) -> std::string {
            const vocab::YearEndForm* form = nullptr;
            auto m = vocab::fiscal_year_end(ex, &form);
            if (!m) return "no month";
            if (form == &rows[i] && *m == rows[i].month) return "";
            return "read month " + std::to_string(*m) + " as " + form->id;
          }};
}

RuleTable unit_words() {
  auto rows = vocab::unit_words();
  return {"unit_words", "units of a label or a table's unit note -> what they measure, their scale",
          rows_of(rows,
                  [](const vocab::UnitWord& r) {
                    if (r.mark_only) return quoted(r.unit) + " marks a unit note";
                    std::string scale;
                    if (r.scale > 0) {
                      char buf[32];
                      std::snprintf(buf, sizeof buf, " x%g %s", r.scale, r.currency);
                      scale = buf;
                    }
                    return quoted(r.unit) + " -> " + r.measure + scale;
                  }),
          [rows](size_t i, const std::string& ex) -> std::string {
            if (rows[i].mark_only) {  // the example's note names a unit, by this mark
              size_t open = ex.rfind('('), close = ex.rfind(')');
              if (open == std::string::npos || close < open) return "no note";
              std::string note = ex.substr(open + 1, close - open - 1);
              if (note.find(rows[i].unit) == std::string::npos) return "not in the note";
              return vocab::names_unit(note) && !vocab::unit_word(rows[i].unit)
                         ? ""
                         : "read as a metric's unit";
            }
            // The example is a label or note: its parentheses list the unit among others.
            for (const vocab::UnitWord* u : vocab::units_in(ex))
              if (u == &rows[i]) return "";
            return "not in the example's parentheses";
          }};
}

RuleTable date_contexts() {
  auto rows = vocab::date_contexts();
  return {"date_contexts", "words that make a date a publication date, or not",
          rows_of(rows,
                  [](const vocab::DateContext& r) {
                    return quoted(r.word) +
                           (r.publication ? " labels a publication date" : " marks a price date");
                  }),
          [rows](size_t i, const std::string& ex) -> std::string {
            bool published = parse_date(ex).has_value();
            return published == rows[i].publication ? "" : published ? "published" : "refused";
          }};
}

RuleTable labels() {
  auto rows = vocab::label_forms();
  return {
      "line_labels", "caption, source and note lines, by their opening words",
      rows_of(rows, [](const vocab::LabelForm& r) { return std::string(r.id) + ": " + r.pattern; }),
      [rows](size_t i, const std::string& ex) -> std::string {
        const vocab::LabelForm* form = nullptr;
        vocab::label_of(ex, &form);
        return form == &rows[i] ? "" : gave(form ? form->id : nullptr);
      }};
}

RuleTable sections() {
  auto rows = vocab::section_words();
  return {
      "section_words", "headings that open a kind of section (first match wins)",
      rows_of(rows, [](const vocab::SectionWord& r) { return quoted(r.word) + " -> " + r.kind; }),
      [rows](size_t i, const std::string& ex) -> std::string {
        const char* kind = vocab::section_kind(ex);
        return kind && std::string_view(kind) == rows[i].kind ? "" : gave(kind);
      }};
}

RuleTable report_types() {
  auto rows = vocab::report_type_words();
  return {"report_types", "cover words that say the kind of report",
          rows_of(rows,
                  [](const vocab::ReportTypeWord& r) { return quoted(r.word) + " -> " + r.type; }),
          [rows](size_t i, const std::string& ex) -> std::string {
            const vocab::ReportTypeWord* w = vocab::report_type_word(ex);
            return w == &rows[i] ? "" : gave(w ? w->word : nullptr);
          }};
}

RuleTable table_kinds() {
  auto rows = vocab::table_kinds();
  return {"table_kinds", "words of a table's labels, first column or title -> its kind",
          rows_of(rows,
                  [](const vocab::TableKind& r) {
                    std::string words;
                    for (const char* w : r.words) words += (words.empty() ? "" : ", ") + quoted(w);
                    return words + " -> " + r.kind;
                  }),
          [rows](size_t i, const std::string& ex) -> std::string {
            for (const vocab::TableKind& k : rows)
              if (vocab::has_kind_words(k, ex)) return &k == &rows[i] ? "" : gave(k.kind);
            return "no kind";
          }};
}

RuleTable roles(const char* name, const char* what, std::span<const vocab::Role> rows) {
  return {name, what,
          rows_of(rows,
                  [](const vocab::Role& r) {
                    std::string words;
                    for (const char* w : r.words) words += (words.empty() ? "" : ", ") + quoted(w);
                    std::string unless;
                    for (const char* w : r.unless)
                      unless += (unless.empty() ? "" : ", ") + quoted(w);
                    return words + " -> " + r.role + (unless.empty() ? "" : " unless " + unless);
                  }),
          [rows](size_t i, const std::string& ex) -> std::string {
            const char* role = vocab::role_of(ex, rows);
            return role && std::string_view(role) == rows[i].role ? "" : gave(role);
          }};
}

RuleTable notice() {
  auto rows = vocab::notice_phrases();
  return {
      "notice_phrases", "phrases of the compliance notice (spaces removed) -> statements",
      rows_of(rows,
              [](const vocab::NoticePhrase& r) {
                return quoted(r.phrase) + " -> " + r.statement +
                       (r.reading == vocab::Reading::presence ? " (present)" : " (negation flips)");
              }),
      [rows](size_t i, const std::string& ex) -> std::string {
        Statements st = parse_statements(ex);
        std::string_view s = rows[i].statement;
        std::optional<bool> v = s == "no_prior_distribution"  ? st.no_prior_distribution
                                : s == "analyst_independence" ? st.analyst_independence
                                : s == "holds_1pct_or_more"   ? st.holds_1pct_or_more
                                                              : st.analyst_conflict;
        if (v == rows[i].example_reads) return "";
        return v ? (*v ? "read true" : "read false") : "not read";
      }};
}

PageLayout one_line_page(const std::string& text) {
  PageLayout p;
  p.number = 1;
  p.width = 595, p.height = 842;
  p.lines.push_back(Line{text, {100, 400, 500, 410}, 10, "", false, {}, {}});
  return p;
}

RuleTable notice_words() {
  auto rows = vocab::notice_words();
  return {"notice_words", "the notice's heading and author label",
          rows_of(rows,
                  [](const vocab::NoticeWord& r) {
                    return std::string(r.kind) + ": " + quoted(r.word);
                  }),
          [rows](size_t i, const std::string& ex) -> std::string {
            std::vector<PageLayout> pages = {one_line_page(ex)};
            if (std::string_view(rows[i].kind) == "heading") {
              TextBlock b;
              b.type = "paragraph";
              b.text = ex;
              SectionCut s = cut_sections({PageBlocks{1, {b}}});
              return s.sections.at(0).kind == "compliance" ? "" : "opened " + s.sections.at(0).kind;
            }
            return notice_authors(pages).empty() ? "no author read" : "";
          }};
}

RuleTable brokers() {
  auto rows = vocab::brokers();
  return {"brokers", "securities firms: names, aliases, e-mail and web domains",
          rows_of(rows,
                  [](const vocab::BrokerRule& r) {
                    std::string s = std::string(r.id) + ": " + r.name;
                    for (const char* a : r.aliases) s += ", " + std::string(a);
                    for (const char* d : r.domains) s += ", @" + std::string(d);
                    return s;
                  }),
          [rows](size_t i, const std::string& ex) -> std::string {
            std::optional<Broker> b = broker_in_line(ex);
            for (const std::string& e : find_emails(ex))
              if (!b) b = broker_of_email(e);
            return b && b->id == rows[i].id ? "" : gave(b ? b->id.c_str() : nullptr);
          }};
}

// What each kind of cover word does to its example.
std::string check_cover_word(const vocab::CoverWord& w, std::string_view ex) {
  using vocab::CoverKind;
  switch (w.kind) {
    case CoverKind::ra_label:
      return is_ra_label(ex) ? "" : "not an RA label";
    case CoverKind::analyst_label:
      return has_analyst_label(ex) ? "" : "not an analyst label";
    case CoverKind::not_a_name: {
      std::vector<std::string> names = names_in_line(ex);
      return std::find(names.begin(), names.end(), w.word) == names.end() ? "" : "read as a name";
    }
    case CoverKind::target_label:
      return parse_target_price(ex) ? "" : "no target price read";
    case CoverKind::other_price:
      return is_target_label(ex) ? "read as the target price" : "";
    case CoverKind::masthead:
      return is_masthead(std::string(ex)) ? "" : "not a masthead";
    case CoverKind::notice_as_of:
    case CoverKind::notice_as_of_label:
    case CoverKind::notice_written_label:
      return notice_date(ex) ? "" : "no date of record read";
    case CoverKind::distribution_word:
      return contains(ex, w.word) && !notice_date(ex) ? "" : "read as a date of record";
    case CoverKind::news_mark:
      return ex.find(w.word) != std::string_view::npos ? "" : "no mark";
    case CoverKind::current_label:
      return ex.starts_with(w.word) && parse_won(ex) ? "" : "no current price read";
  }
  return "unknown kind";
}

RuleTable cover_words() {
  auto rows = vocab::cover_words();
  return {"cover_words", "words around names and prices on a cover",
          rows_of(rows,
                  [](const vocab::CoverWord& r) {
                    return std::string(vocab::to_string(r.kind)) + ": " + quoted(r.word);
                  }),
          [rows](size_t i, const std::string& ex) { return check_cover_word(rows[i], ex); }};
}

// Rows of {text, "first line|next line"}: the next line opens with the row's text, and the
// two lines join without a space.
RuleTable joins(const char* name, const char* about, std::span<const vocab::Particle> rows) {
  return {name, about, rows_of(rows, [](const vocab::Particle& r) { return quoted(r.text); }),
          [rows](size_t i, const std::string& ex) -> std::string {
            size_t bar = ex.find('|');
            if (bar == std::string::npos) return "example has no |";
            std::string first = ex.substr(0, bar), next = ex.substr(bar + 1);
            if (next.compare(0, std::strlen(rows[i].text), rows[i].text) != 0)
              return "the next line opens with " + quoted(next.substr(0, next.find(' ')));
            std::string joined = join_lines(first, next, {});
            return joined == first + next ? "" : "joined as " + quoted(joined);
          }};
}

RuleTable surnames() {
  auto rows = vocab::surnames();
  return {"surnames", "Korean family names a person's name opens with",
          rows_of(rows, [](const vocab::Surname& r) { return quoted(r.name); }),
          [rows](size_t i, const std::string& ex) -> std::string {
            const vocab::Surname* s = vocab::surname_of(ex);
            if (s != &rows[i]) return gave(s ? s->name : nullptr);
            return is_person_name(ex) ? "" : "not a name";
          }};
}

RuleTable market_codes() {
  auto rows = vocab::market_codes();
  return {"market_codes", "market codes printed after a ticker (Bloomberg)",
          rows_of(rows, [](const vocab::MarketCode& r) { return quoted(r.code); }),
          [rows](size_t i, const std::string& ex) -> std::string {
            std::string code = ex.substr(ex.rfind(' ') + 1);
            if (code != rows[i].code) return "the example ends with " + quoted(code);
            return vocab::is_market_code(code) ? "" : "not a market code";
          }};
}

RuleTable score_marks() {
  auto rows = vocab::score_marks();
  return {"score_marks", "marks that score a grid's cell (a cell of marks alone is a value)",
          rows_of(rows, [](const vocab::ScoreMark& r) { return quoted(r.glyph); }),
          [rows](size_t i, const std::string& ex) -> std::string {
            if (ex.find(rows[i].glyph) == std::string::npos)
              return "the example has no " + quoted(rows[i].glyph);
            return vocab::is_marks(ex) ? "" : "not a cell of marks";
          }};
}

}  // namespace

std::vector<RuleTable> rule_tables() {
  return {brokers(),
          ratings(),
          date_forms(),
          date_contexts(),
          labels(),
          sections(),
          report_types(),
          table_kinds(),
          roles("peer_columns", "column labels of peer tables -> roles", vocab::peer_columns()),
          roles("peer_words", "tables of companies: parts, peer titles, rows of no company",
                vocab::peer_words()),
          roles("peer_metrics", "a peer row's figures the metrics have no word for",
                vocab::peer_metrics()),
          roles("history_columns", "column labels of rating-history tables -> roles",
                vocab::history_columns()),
          roles("metrics", "row labels of financial summaries -> metrics", vocab::metric_words()),
          roles("estimate_columns", "parts of a period column's label -> what its numbers are",
                vocab::estimate_columns()),
          roles("estimate_tables",
                "words over a table: statements, consensus, before/after a revision, segment, "
                "basis",
                vocab::estimate_tables()),
          roles("total_words", "a segment table's row of the whole company", vocab::total_words()),
          unit_words(),
          period_forms(),
          quarter_forms(),
          year_end_forms(),
          notice(),
          notice_words(),
          cover_words(),
          surnames(),
          market_codes(),
          score_marks(),
          joins("particles", "particles and endings a line may open with when broken inside a word",
                vocab::particles()),
          joins("counters", "counters and units a line may open with after a number",
                vocab::counters())};
}

std::string describe_rules(const std::vector<RuleTable>& tables) {
  std::string out;
  for (const RuleTable& t : tables) {
    out += t.name + " (" + std::to_string(t.rows.size()) + "): " + t.what + "\n";
    // Examples in one column where the rules are short enough to leave room for them.
    size_t width = 0;
    for (const RuleRow& r : t.rows) width = std::max(width, utf8::length(r.rule));
    width = std::min<size_t>(width, 48);
    for (const RuleRow& r : t.rows) {
      size_t len = utf8::length(r.rule);
      out += "  " + r.rule + std::string(len < width ? width - len : 0, ' ') + "  e.g. " +
             quoted(r.example) + "\n";
    }
  }
  return out;
}

std::vector<ParamTable> param_tables() {
  return {layout_param_table(), region_param_table(), table_param_table(), extract_param_table()};
}

std::string describe_params(const std::vector<ParamTable>& tables) {
  std::string out;
  for (const ParamTable& t : tables) {
    out += t.name + " (" + std::to_string(t.rows.size()) + "): " + t.what + "\n";
    size_t name_width = 0, value_width = 0;
    for (const ParamRow& r : t.rows) {
      name_width = std::max(name_width, r.name.size());
      value_width = std::max(value_width, r.value.size() + 1 + utf8::length(r.unit));
    }
    for (const ParamRow& r : t.rows) {
      std::string value = r.value + " " + r.unit;
      out += "  " + r.name + std::string(name_width - r.name.size(), ' ') + "  " + value +
             std::string(value_width - utf8::length(value), ' ') + "  " + r.reason + "\n";
    }
  }
  return out;
}

}  // namespace kreport
