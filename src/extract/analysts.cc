// The analysts: names (2–4 Hangul syllables), e-mails, phones and teams from the cover.
// E-mail addresses anchor the search, because every firm prints one per analyst:
//   1. a line holding names and e-mails pairs them in order
//      (`한예린 yerin.han@sks.co.kr / 3773-8826, 박제민 jemin.park@sks.co.kr / 3773-8884`);
//   2. an e-mail alone on its line belongs to the nearest name line above it in the same
//      column or just left of it on its baseline (`이준서` … `junseo.lee@daishin.com`);
//      a line with several names takes the e-mails below it in order
//      (`디지털리서치팀 한종목, 김은지` + two e-mail lines);
//   3. a name labelled `RA`, `R.A`, `Research Assistant` or `Research Associate`, on its
//      line, beside it or just under it, is a research assistant: listed with its e-mail and
//      role `research_assistant`, never taken for the report's author
//      (`RA 김민지 minji.kim@hanafn.com`).
// The compliance notice's `(작성자: 이시우)` adds the authors the cover does not name in text
// (the byline a picture, a second analyst's card drawn as one).
#include <algorithm>
#include <cmath>
#include <regex>
#include <set>

#include "params.h"
#include "rules.h"

namespace kreport::extract {

bool is_ra_label(std::string_view text) {
  std::string t = " " + lower_ascii(text) + " ";
  for (char& c : t)
    if (c == '(' || c == ')' || c == ',' || c == ':' || c == '|') c = ' ';
  for (const char* w : vocab::cover_words("ra_label"))  // "RA", "R.A", "Research Assistant"
    if (contains(t, " " + lower_ascii(w) + " ") || contains(t, " " + lower_ascii(w) + ". "))
      return true;
  return false;
}

bool has_analyst_label(std::string_view text) {
  for (const char* w : vocab::cover_words("analyst_label"))
    if (contains(lower_ascii(text), lower_ascii(w))) return true;
  return false;
}

namespace {

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

bool has_hangul(std::string_view s) {
  std::u32string u = utf8::decode(s);
  return std::any_of(u.begin(), u.end(), is_hangul);
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

struct Entry {
  const Line* line;
  std::vector<std::string> names;
  bool ra = false;
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
  static const std::regex email(R"(([A-Za-z0-9._%+-]+) ?@([A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+))");
  std::vector<std::string> out;
  if (line.find('@') == std::string_view::npos) return out;  // most lines: no regex run
  std::string s(line);
  for (std::sregex_iterator it(s.begin(), s.end(), email), end; it != end; ++it)
    out.push_back(lower_ascii((*it)[1].str() + "@" + (*it)[2].str()));
  return out;
}

std::optional<std::string> find_phone(std::string_view line) {
  static const std::regex phone(
      R"((?:^|[^0-9.,])((?:\(?0[0-9]{1,2}\)? ?-?)?[0-9]{3,4}[- ][0-9]{4})(?:[^0-9]|$))");
  std::string s(line);
  std::smatch m;
  if (!std::regex_search(s, m, phone)) return std::nullopt;
  return trim(m[1].str());
}

std::vector<std::string> names_in_line(std::string_view line) {
  std::string text(line);
  std::string lower = lower_ascii(text);
  if (size_t at = lower.find("analyst"); at != std::string::npos) text = text.substr(at + 7);
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
               (has_hangul(tokens[i]) || !std::regex_search(tokens[i], std::regex("[0-9]")))) {
      break;  // `최유진 자동차·2 차전지`: the words after a name are not names
    }
  }
  return names;
}

namespace {

bool column_overlap(const Line& a, const Line& b) {
  return std::min(a.bbox.x1, b.bbox.x1) - std::max(a.bbox.x0, b.bbox.x0) > -kExtract.same_x;
}

// Name lines: those with names that are near an e-mail or carry an Analyst/RA label.
std::vector<Entry> name_entries(const PageLayout& page) {
  std::vector<Entry> out;
  for (const Line& l : page.lines) {
    if (utf8::decode(l.text).size() > kExtract.max_name_line_chars && find_emails(l.text).empty())
      continue;
    std::string text = l.text;
    std::vector<std::string> names = names_in_line(text);
    if (names.empty()) continue;
    Entry e{&l, names, ra_label_before(l.text, names.front()), team_in_line(l.text)};
    for (const Line& o : page.lines) {
      bool left = &o != &l && same_baseline(o, l) && o.bbox.x1 <= l.bbox.x0 + 1 &&
                  l.bbox.x0 - o.bbox.x1 < kExtract.name_left_gap;
      bool under = o.bbox.y0 > l.bbox.y0 && o.bbox.y0 - l.bbox.y1 < kExtract.label_under_gap &&
                   std::abs(o.bbox.x0 - l.bbox.x0) < kExtract.same_x;
      if ((left || under) && is_ra_label(o.text) &&
          utf8::decode(o.text).size() < kExtract.max_label_chars)
        e.ra = true;
    }
    out.push_back(std::move(e));
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

}  // namespace

std::vector<Analyst> find_analysts(const std::vector<PageLayout>& pages) {
  std::vector<Analyst> out;
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
      bool ra = false;
      if (owner) {
        size_t idx = 0;
        while (idx < owner->names.size() && used.contains({owner, idx})) ++idx;
        if (idx < owner->names.size()) {
          a.name = owner->names[idx];
          used.insert({owner, idx});
        }
        ra = owner->ra;
        a.team = owner->team;
      }
      if (ra || ra_label_before(el->text, emails[k])) a.role = "research_assistant";
      a.phone = phone_near(*cover, *el, owner ? owner->line : nullptr);
      if (emails.size() > 1) a.phone = std::nullopt;  // which phone is whose: see below
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
  for (const Entry& e : entries) {
    if (!e.ra && !has_analyst_label(e.line->text)) continue;
    for (size_t i = 0; i < e.names.size(); ++i) {
      if (used.contains({&e, i})) continue;
      Analyst a{e.names[i], std::nullopt, std::nullopt, e.team};
      if (e.ra || ra_label_before(e.line->text, e.names[i])) a.role = "research_assistant";
      out.push_back(std::move(a));
    }
  }
  // The notice's 작성자(…, …) names every author: one the cover does not print in text (a
  // second card drawn as a picture, a byline image) is an analyst too.
  for (const std::string& n : notice_authors(pages))
    if (std::none_of(out.begin(), out.end(), [&](const Analyst& a) { return a.name == n; }))
      out.push_back({n, {}, {}, {}});
  return out;
}

}  // namespace kreport::extract
