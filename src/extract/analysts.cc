// The analysts: names, e-mails, phones and teams from the cover. A name is 2–4 Hangul
// syllables opening with a family name (`게임`, `중반`, `의견`, `적자를` open with none), not a
// cover word (`연구원`, a sector heading `반도체`) and not half of a slash-joined heading
// (`인터넷/게임`). E-mail addresses anchor the search, because every firm prints one per analyst:
//   1. a line holding names and e-mails gives each e-mail the name printed right before it
//      (`한예린 yerin.han@sks.co.kr / 3773-8826, 박제민 jemin.park@sks.co.kr / 3773-8884`);
//   2. an e-mail alone on its line belongs to the nearest name line above it in the same
//      column or just left of it on its baseline (`이준서` … `junseo.lee@daishin.com`);
//      a line with several names takes the e-mails below it in order
//      (`디지털리서치팀 한종목, 김은지` + two e-mail lines);
//   3. a research assistant is kept with the role `research_assistant`, never taken for the
//      report's author, where a label says so: before the name (`RA 김민지 minji.kim@…`),
//      after it (`김진형 RA`, `정승호 Research Associate`), or on a line of its own left of,
//      right above (`R.A` over `박제민`, a team heading `[IT RA]`) or right under the name
//      line (`임지영` over `Research Associate`). A label line that names a person of its own
//      (`RA 고찬결 cgko@…`) labels that person, not the line above it;
//   4. where the cover labels its analysts (`Analyst 김록호`, `문준호 Senior Analyst`), a person
//      printed under one in the same card with no label of their own is an assistant.
// A name the cover does not print in text (a picture cover read by OCR) comes from a running
// header or footer with the same e-mail (`[인터넷/게임] 이승훈 02) 6915-5680 dozed@ibks.com`);
// the compliance notice's `(작성자: 이시우)` adds the authors the cover does not name at all.
#include <algorithm>
#include <cmath>
#include <cstring>
#include <regex>
#include <set>

#include "extract_parts.h"
#include "kreport/regex.h"
#include "params.h"

namespace kreport::extract {

bool is_ra_label(std::string_view text) {
  std::string t = " " + lower_ascii(text) + " ";
  for (char& c : t)
    if (std::string_view("():,|[]").find(c) != std::string_view::npos) c = ' ';
  for (const char* w :
       vocab::cover_words(vocab::CoverKind::ra_label))  // "RA", "R.A", "Research Assistant"
    if (contains(t, " " + lower_ascii(w) + " ") || contains(t, " " + lower_ascii(w) + ". "))
      return true;
  return false;
}

bool has_analyst_label(std::string_view text) {
  for (const char* w : vocab::cover_words(vocab::CoverKind::analyst_label))
    if (contains(lower_ascii(text), lower_ascii(w))) return true;
  return false;
}

namespace {

bool has_hangul(std::string_view s) {
  std::u32string u = utf8::decode(s);
  return std::any_of(u.begin(), u.end(), is_hangul);
}

// An RA label before `needle` on its line, after any earlier e-mail: in
// `Analyst 이서연 seoyeon.lee@hanbit-sec.co.kr · RA 정민호` only 정민호 is the assistant.
bool ra_label_before(std::string_view text, std::string_view needle) {
  std::string lower = lower_ascii(text);
  size_t pos = lower.find(lower_ascii(needle));
  if (pos == std::string::npos) return false;
  std::string prefix = lower.substr(0, pos);
  if (size_t at = prefix.rfind('@'); at != std::string::npos) prefix = prefix.substr(at);
  return is_ra_label(prefix);
}

// An RA label after `name`, before any e-mail, with no other name after it: `김진형 RA`,
// `정승호 Research Associate` (in `이서연 · RA 정민호` the label is 정민호's).
bool ra_label_after(std::string_view text, std::string_view name) {
  size_t at = text.find(name);
  if (at == std::string_view::npos) return false;
  std::string tail(text.substr(at + name.size()));
  if (size_t e = tail.find('@'); e != std::string::npos) {
    size_t word = tail.rfind(' ', e);
    tail = tail.substr(0, word == std::string::npos ? 0 : word);
  }
  return names_in_line(tail).empty() && is_ra_label(tail);
}

std::vector<std::string> split_tokens(std::string_view s) {
  std::vector<std::string> out;
  std::string cur;
  for (char c : s) {
    if (std::string_view(" ,/_|:;").find(c) != std::string_view::npos) {
      if (!cur.empty()) out.push_back(cur), cur.clear();
    } else {
      cur += c;
    }
  }
  if (!cur.empty()) out.push_back(cur);
  for (std::string& t : out)
    for (std::string_view mark : {"▶", "·", "•", "▪"})
      for (size_t at; (at = t.find(mark)) != std::string::npos;) t.erase(at, mark.size());
  std::erase_if(out, [](const std::string& t) { return t.empty(); });
  return out;
}

// A line without its slash-joined headings: `인터넷/게임 이승훈` -> ` 이승훈`. Words joined by a
// slash with no space are a team's sectors when one of them is no name; names are listed
// with spaces (`남대종 / 장우람`) or both are names (`남대종/장우람`).
std::string without_headings(std::string_view line) {
  std::string out;
  size_t b = 0;
  while (b <= line.size()) {
    size_t e = std::min(line.find(' ', b), line.size());
    std::string_view word = line.substr(b, e - b);
    bool heading = false;
    if (word.find('/') != std::string_view::npos && has_hangul(word)) {
      heading = true;
      bool some_other = false;
      for (size_t p = 0, q; p <= word.size(); p = q + 1) {
        q = std::min(word.find('/', p), word.size());
        std::string part(word.substr(p, q - p));
        std::erase_if(part, [](char c) { return c == '[' || c == ']'; });
        if (part.find_first_of("0123456789@.") != std::string::npos)
          heading = false;  // a phone, an e-mail: `02)368-6171/sj.han@…`
        some_other |= !is_person_name(part) || is_not_a_name(part);
      }
      heading &= some_other;
    }
    if (!heading) out += std::string(word) + " ";
    b = e + 1;
  }
  return out;
}

std::vector<std::string> names_of(std::string_view text) {
  std::vector<std::string> tokens = split_tokens(text), names;
  for (size_t i = 0; i < tokens.size(); ++i) {
    // `이 하 준`: single syllables printed apart make one name.
    std::string joined;
    size_t j = i;
    while (j < tokens.size() && utf8::decode(tokens[j]).size() == 1 &&
           is_hangul(utf8::decode(tokens[j])[0]))
      joined += tokens[j++];
    if (j - i >= 2 && is_person_name(joined)) {
      names.push_back(joined);
      i = j - 1;
      continue;
    }
    if (is_person_name(tokens[i]) && !is_not_a_name(tokens[i])) {
      names.push_back(tokens[i]);
    } else if (is_ra_label(tokens[i])) {
      continue;  // `이서연 … · RA 정민호`: the assistant's name follows
    } else if (!names.empty() && find_emails(tokens[i]).empty() &&
               (has_hangul(tokens[i]) || !std::regex_search(tokens[i], Regex("[0-9]")))) {
      break;  // `최유진 자동차·2 차전지`: the words after a name are not names
    }
  }
  return names;
}

// What a label says a person is.
enum class Label { none, analyst, assistant };

struct Entry {
  const Line* line;
  std::vector<std::string> names;
  std::vector<Label> labels;            // one per name
  std::vector<std::string> label_rule;  // what made it an assistant: "ra_label_after", ...
  std::vector<const Line*> label_line;  // the label's own line, if it has one
  OptString team;
};

OptString team_in_line(std::string_view text) {
  for (const std::string& t : split_tokens(text)) {
    if (t.ends_with("팀") && !is_person_name(t)) return t;
    if (t.size() > 2 && t.front() == '[' && t.back() == ']') return t.substr(1, t.size() - 2);
  }
  return std::nullopt;
}

}  // namespace

std::vector<std::string> find_emails(std::string_view line) {
  static const Regex email(R"(([A-Za-z0-9._%+-]+) ?@([A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+))");
  std::vector<std::string> out;
  if (line.find('@') == std::string_view::npos) return out;  // most lines: no regex run
  std::string s(line);
  for (RegexIterator it(s.begin(), s.end(), email), end; it != end; ++it)
    out.push_back(lower_ascii((*it)[1].str() + "@" + (*it)[2].str()));
  return out;
}

std::optional<std::string> find_phone(std::string_view line) {
  static const Regex phone(
      R"((?:^|[^0-9.,])((?:\(?0[0-9]{1,2}\)? ?-?)?[0-9]{3,4}[- ][0-9]{4})(?:[^0-9]|$))");
  std::string s(line);
  std::smatch m;
  if (!std::regex_search(s, m, phone)) return std::nullopt;
  return trim(m[1].str());
}

std::vector<std::string> names_in_line(std::string_view line) {
  std::string text = without_headings(line);
  std::string lower = lower_ascii(text);
  // An analyst label stands next to its name: `Analyst 박성민`, `애널리스트 김하늘` before it,
  // `문준호 Senior Analyst` after it (English words between). A line with the label and no name
  // beside it (`애널리스트 의견: 중반 이후 적자를 줄인다`) names nobody.
  for (const char* label : vocab::cover_words(vocab::CoverKind::analyst_label)) {
    size_t at = lower.find(lower_ascii(label));
    if (at == std::string::npos) continue;
    std::vector<std::string> after_tokens = split_tokens(text.substr(at + std::strlen(label)));
    auto first = std::find_if(after_tokens.begin(), after_tokens.end(),
                              [](const std::string& t) { return has_hangul(t); });
    if (first != after_tokens.end() &&
        ((is_person_name(*first) && !is_not_a_name(*first)) || utf8::length(*first) == 1))
      return names_of(text.substr(at + std::strlen(label)));
    std::vector<std::string> before_tokens = split_tokens(text.substr(0, at));
    auto last = std::find_if(before_tokens.rbegin(), before_tokens.rend(),
                             [](const std::string& t) { return has_hangul(t); });
    if (last != before_tokens.rend() && is_person_name(*last) && !is_not_a_name(*last))
      return {*last};
    return {};
  }
  return names_of(text);
}

namespace {

bool column_overlap(const Line& a, const Line& b) {
  return std::min(a.bbox.x1, b.bbox.x1) - std::max(a.bbox.x0, b.bbox.x0) > -kExtract.same_x;
}

// A line that is a label and nothing else: `R.A`, `[IT RA]`, `Research Associate`,
// `Senior Analyst`. A label line with a name of its own labels that name; one with other
// Korean words is a sentence (`애널리스트 의견: 중반 이후 …`), unless a bracketed team heading.
Label bare_label(const Line& l) {
  if (utf8::decode(l.text).size() >= kExtract.max_label_chars || !names_in_line(l.text).empty() ||
      !find_emails(l.text).empty())
    return Label::none;
  std::string rest = l.text;
  for (vocab::CoverKind kind : {vocab::CoverKind::ra_label, vocab::CoverKind::analyst_label})
    for (const char* w : vocab::cover_words(kind))
      for (size_t at; (at = rest.find(w)) != std::string::npos;) rest.erase(at, std::strlen(w));
  std::string t = trim(l.text);
  bool heading = t.starts_with("[") && t.ends_with("]");
  if (has_hangul(rest) && !heading) return Label::none;
  if (is_ra_label(l.text)) return Label::assistant;
  if (has_analyst_label(l.text)) return Label::analyst;
  return Label::none;
}

// The name line a label line labels: the one it stands left of on its baseline, else the one
// right under it (a heading: `R.A` over `박제민`, `[IT RA]` over `손우성 …`), else the one right
// above it (`임지영` over `Research Associate`).
Entry* labelled_by(std::vector<Entry>& entries, const Line& label) {
  Entry* best = nullptr;
  int best_rank = 3;
  for (Entry& e : entries) {
    const Bbox& n = e.line->bbox;
    bool same_x = std::abs(n.x0 - label.bbox.x0) < kExtract.same_x;
    int rank = 3;
    if (same_baseline(label, *e.line) && label.bbox.x1 <= n.x0 + 1 &&
        n.x0 - label.bbox.x1 < kExtract.name_left_gap)
      rank = 0;
    else if (same_x && n.y0 > label.bbox.y0 && n.y0 - label.bbox.y1 < kExtract.label_under_gap)
      rank = 1;
    else if (same_x && n.y0 < label.bbox.y0 && label.bbox.y0 - n.y1 < kExtract.label_under_gap)
      rank = 2;
    if (rank < best_rank) best = &e, best_rank = rank;
  }
  return best;
}

// Name lines: those with names (near an e-mail or with a label), each name's label.
std::vector<Entry> name_entries(const PageLayout& page) {
  std::vector<Entry> out;
  for (const Line& l : page.lines) {
    if (utf8::decode(l.text).size() > kExtract.max_name_line_chars && find_emails(l.text).empty())
      continue;
    std::vector<std::string> names = names_in_line(l.text);
    if (names.empty()) continue;
    Entry e{&l, names, {}, {}, {}, team_in_line(l.text)};
    for (size_t i = 0; i < names.size(); ++i) {
      Label label = Label::none;
      std::string rule;
      if (ra_label_before(l.text, names[i]))
        label = Label::assistant, rule = "ra_label_before";
      else if (i + 1 == names.size() && ra_label_after(l.text, names[i]))
        label = Label::assistant, rule = "ra_label_after";
      else if (has_analyst_label(l.text))
        label = Label::analyst, rule = "analyst_label";
      e.labels.push_back(label);
      e.label_rule.push_back(rule);
      e.label_line.push_back(nullptr);
    }
    out.push_back(std::move(e));
  }
  for (const Line& l : page.lines) {
    Label label = bare_label(l);
    if (label == Label::none) continue;
    if (Entry* e = labelled_by(out, l))
      for (size_t i = 0; i < e->names.size(); ++i)
        if (e->labels[i] == Label::none || label == Label::assistant)
          e->labels[i] = label, e->label_rule[i] = "label_line", e->label_line[i] = &l;
  }
  // An unlabelled person under a labelled analyst in the same card: the assistant.
  for (Entry& e : out)
    for (size_t i = 0; i < e.names.size(); ++i) {
      if (e.labels[i] != Label::none) continue;
      bool under_analyst = std::any_of(out.begin(), out.end(), [&](const Entry& a) {
        return &a != &e && std::abs(a.line->bbox.x0 - e.line->bbox.x0) < kExtract.same_x &&
               a.line->bbox.y0 < e.line->bbox.y0 &&
               e.line->bbox.y0 - a.line->bbox.y1 < kExtract.card_gap &&
               std::find(a.labels.begin(), a.labels.end(), Label::analyst) != a.labels.end();
      });
      if (under_analyst)
        e.labels[i] = Label::assistant, e.label_rule[i] = "unlabelled_under_analyst";
    }
  return out;
}

// The name line an e-mail-only line belongs to: same baseline to the left, else the nearest
// one above in the same column (within 60 pt).
Entry* owner_of(std::vector<Entry>& entries, const Line& email_line) {
  Entry* best = nullptr;
  double best_gap = 1e9;
  for (Entry& e : entries) {
    if (e.line == &email_line) continue;
    double gap;
    if (same_baseline(*e.line, email_line) && e.line->bbox.x1 <= email_line.bbox.x0 + 1)
      gap = 0;
    else if (e.line->bbox.y0 < email_line.bbox.y0 && column_overlap(*e.line, email_line))
      gap = email_line.bbox.y0 - e.line->bbox.y1;
    else
      continue;
    if (gap < kExtract.owner_gap && gap < best_gap) best = &e, best_gap = gap;
  }
  return best;
}

OptString phone_near(const PageLayout& page, const Line& email_line, const Line* name_line) {
  if (auto p = find_phone(email_line.text)) return p;
  if (name_line)
    if (auto p = find_phone(name_line->text)) return p;
  for (const Line& o : page.lines) {
    bool near = std::abs(o.bbox.center_y() - email_line.bbox.center_y()) < kExtract.phone_near &&
                column_overlap(o, email_line) &&
                utf8::decode(o.text).size() < kExtract.max_label_chars;
    if (near)
      if (auto p = find_phone(o.text)) return p;
  }
  return std::nullopt;
}

// The name of `owner` an e-mail takes: on the e-mail's own line the unused name printed
// right before it, else the first unused one.
std::optional<size_t> name_for(const Entry& owner, const Line& email_line, const std::string& email,
                               const std::set<std::pair<const Entry*, size_t>>& used) {
  std::optional<size_t> pick;
  if (owner.line == &email_line) {
    std::string lower = lower_ascii(email_line.text);
    size_t at = lower.find(email.substr(0, email.find('@')));
    size_t best = 0;
    for (size_t i = 0; i < owner.names.size(); ++i) {
      size_t pos = email_line.text.find(owner.names[i]);
      if (used.contains({&owner, i}) || pos == std::string::npos || pos > at) continue;
      if (!pick || pos >= best) pick = i, best = pos;
    }
    if (pick) return pick;
  }
  for (size_t i = 0; i < owner.names.size(); ++i)
    if (!used.contains({&owner, i})) return i;
  return std::nullopt;
}

// The name printed with `email` on another page's line (a running footer): the one right
// before it.
std::optional<std::pair<std::string, const Line*>> name_elsewhere(
    const std::vector<PageLayout>& pages, const std::string& email, int* page) {
  for (const PageLayout& p : pages)
    for (const Line& l : p.lines) {
      std::vector<std::string> emails = find_emails(l.text);
      if (std::find(emails.begin(), emails.end(), email) == emails.end()) continue;
      std::vector<std::string> names = names_in_line(l.text);
      if (names.empty()) continue;
      size_t at = lower_ascii(l.text).find(email.substr(0, email.find('@')));
      std::string pick = names.front();
      for (const std::string& n : names)
        if (l.text.find(n) < at) pick = n;
      *page = p.number;
      return std::pair{pick, &l};
    }
  return std::nullopt;
}

// The evidence of one person: the rule that found them, the one that made them an
// assistant, and the lines both read.
Why person_why(std::string rule, const std::vector<const Line*>& lines, const std::string& ra_rule,
               int page) {
  Why w{std::move(rule), "", page};
  if (!ra_rule.empty()) w.rule += "+" + ra_rule;
  for (const Line* l : lines)
    if (l && !contains(w.text, l->text)) w.text += (w.text.empty() ? "" : " / ") + l->text;
  return w;
}

}  // namespace

std::vector<Analyst> find_analysts(const std::vector<PageLayout>& pages, std::vector<Why>* why) {
  std::vector<Analyst> out;
  std::vector<Why> whys;
  const PageLayout* cover = cover_page(pages);
  if (!cover) return out;
  std::vector<Entry> entries = name_entries(*cover);
  std::vector<const Line*> email_lines;
  for (const Line& l : cover->lines)
    if (!find_emails(l.text).empty()) email_lines.push_back(&l);
  std::sort(email_lines.begin(), email_lines.end(),
            [](const Line* a, const Line* b) { return a->bbox.y0 < b->bbox.y0; });
  std::set<std::pair<const Entry*, size_t>> used;
  for (const Line* el : email_lines) {
    std::vector<std::string> emails = find_emails(el->text);
    Entry* owner = nullptr;
    for (Entry& e : entries)
      if (e.line == el) owner = &e;
    if (!owner) owner = owner_of(entries, *el);
    for (size_t k = 0; k < emails.size(); ++k) {
      Analyst a{std::nullopt, emails[k], std::nullopt, std::nullopt};
      std::string rule = !owner              ? "email_alone"
                         : owner->line == el ? "name_and_email_line"
                                             : "email_under_name";
      std::string label_rule;
      const Line* label_line = nullptr;
      if (owner) {
        if (auto idx = name_for(*owner, *el, emails[k], used)) {
          a.name = owner->names[*idx];
          used.insert({owner, *idx});
          if (owner->labels[*idx] == Label::assistant)
            label_rule = owner->label_rule[*idx], label_line = owner->label_line[*idx];
        }
        a.team = owner->team;
      }
      if (label_rule.empty() && ra_label_before(el->text, emails[k]))
        label_rule = "ra_label_before";
      if (!label_rule.empty()) a.role = "research_assistant";
      a.phone = phone_near(*cover, *el, owner ? owner->line : nullptr);
      if (emails.size() > 1) a.phone = std::nullopt;  // which phone is whose: see below
      whys.push_back(person_why(rule, {label_line, owner ? owner->line : nullptr, el},
                                a.role == "analyst" ? "" : label_rule, cover->number));
      out.push_back(std::move(a));
    }
  }
  // Several analysts on one line: each e-mail's phone is the one printed after it.
  for (const Line* el : email_lines) {
    std::vector<std::string> emails = find_emails(el->text);
    if (emails.size() < 2) continue;
    std::string rest = lower_ascii(el->text);
    for (Analyst& a : out) {
      size_t at = rest.find(a.email.value_or("\x01"));
      if (at == std::string::npos) continue;
      a.phone = find_phone(rest.substr(at + a.email->size()));
    }
  }
  // Analysts and assistants labelled on the cover without an e-mail: `Analyst 박성민` alone,
  // `· RA 정민호` after an analyst's e-mail.
  for (const Entry& e : entries)
    for (size_t i = 0; i < e.names.size(); ++i) {
      // A label printed, not inferred: the lines under a card are no persons for being there.
      if (used.contains({&e, i}) || e.labels[i] == Label::none ||
          e.label_rule[i] == "unlabelled_under_analyst")
        continue;
      Analyst a{e.names[i], std::nullopt, std::nullopt, e.team};
      if (e.labels[i] == Label::assistant) a.role = "research_assistant";
      whys.push_back(person_why("labelled_name", {e.label_line[i], e.line},
                                a.role == "analyst" ? "" : e.label_rule[i], cover->number));
      out.push_back(std::move(a));
    }
  // A name the cover does not print in text (a picture read by OCR, `dozed@ibks.com` under a
  // garbled name): the running footer that prints the same e-mail names its analyst.
  for (size_t i = 0; i < out.size(); ++i) {
    if (out[i].name || !out[i].email) continue;
    int page = 0;
    if (auto hit = name_elsewhere(pages, *out[i].email, &page)) {
      out[i].name = hit->first;
      // The card's text was no text (OCR misreads digits): the footer's phone, if it has one.
      if (auto phone = find_phone(hit->second->text)) out[i].phone = phone;
      whys[i] = {"name_from_same_email", hit->second->text, page};
    }
  }
  // The notice's 작성자(…, …) names every author: one the cover does not print in text (a
  // second card drawn as a picture, a byline image) is an analyst too.
  for (const std::string& n : notice_authors(pages))
    if (std::none_of(out.begin(), out.end(), [&](const Analyst& a) { return a.name == n; })) {
      out.push_back({n, {}, {}, {}});
      whys.push_back({"notice_author", "작성자: " + n, 0});
    }
  if (why) *why = std::move(whys);
  return out;
}

}  // namespace kreport::extract
