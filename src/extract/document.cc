// The record's `document`: runs the rule files in order and decides what the input is.
// A securities firm's research report shows it: an identified firm, an analyst with a firm's
// e-mail, a rating box or a compliance notice. With none of these (a printed news page) the
// record says `other` and warns NOT_A_REPORT; a news site's page (three of the news marks
// of the cover-word table) is `other` unless it carries a compliance notice, whatever firm or
// analyst it quotes. The recommendation only stands for company
// reports: an industry report's cover lists many stocks, none of them "the" rating. When most
// pages have no readable text the kind stays `broker_report` (the tool's input), unproven.
#include <algorithm>

#include "kreport/extract.h"
#include "rules.h"

namespace kreport {
namespace {

// A page with this many different marks of a news site (its search box, a reporter's byline,
// the copyright line) is an article, whatever firm or analyst it quotes; a report has none.
constexpr size_t kNewsMarks = 3;

bool is_news_page(const std::vector<PageLayout>& pages) {
  std::vector<const char*> seen;
  for (const PageLayout& p : pages)
    for (const Line& l : p.lines)
      for (const char* w : vocab::cover_words("news_mark"))
        if (extract::contains(l.text, w) && std::find(seen.begin(), seen.end(), w) == seen.end())
          seen.push_back(w);
  return seen.size() >= kNewsMarks;
}

}  // namespace

DocumentInfo extract_document(const std::vector<PageLayout>& pages, const Compliance* notice,
                              Diagnostics& diag) {
  using namespace extract;
  const bool has_notice = notice != nullptr;
  DocumentInfo doc;
  doc.broker = identify_broker(pages);
  doc.published = find_published(pages);
  if (!doc.published && notice) doc.published = notice_date(notice->text);
  doc.analysts = find_analysts(pages);
  doc.recommendation = find_recommendation(pages);
  TitleInfo t = find_title(pages, doc.recommendation ? doc.recommendation->company : OptString());
  doc.title = t.title;
  doc.series = t.series;
  doc.issue = t.issue;
  if (doc.recommendation && ocr_target_disagrees(pages, *doc.recommendation)) {
    diag.warn("OCR_NUMBER_DROPPED", 1,
              "the target price read by OCR (" +
                  std::to_string(static_cast<long long>(doc.recommendation->target_price->value)) +
                  ") disagrees with the current price and upside: dropped");
    doc.recommendation->target_price.reset();
  }
  doc.report_type = classify_report(pages, t, doc.recommendation);
  if (doc.report_type != "company") doc.recommendation.reset();
  doc.language = detect_language(pages);

  bool analyst_with_email = false;
  for (const Analyst& a : doc.analysts) analyst_with_email |= a.email && a.name;
  bool rated = doc.recommendation && doc.recommendation->rating;
  // A news article quoting an analyst names a firm and maybe a rating: only a compliance
  // notice makes it a report.
  bool news = is_news_page(pages);
  bool evidence = news ? has_notice : doc.broker || analyst_with_email || rated || has_notice;
  // Most pages unreadable (no text layer, fonts without a Unicode map): the text cannot
  // say what the document is, so it is not called `other` on the strength of silence.
  size_t readable = std::count_if(pages.begin(), pages.end(),
                                  [](const PageLayout& p) { return p.lines.size() >= 5; });
  if (!evidence && readable * 2 >= pages.size()) {
    doc.kind = "other";
    if (news) doc.broker.reset(), doc.analysts.clear();  // quoted, not the publisher
    diag.warn("NOT_A_REPORT", 0,
              "no securities firm, analyst, rating or compliance notice found: not a broker "
              "report");
    return doc;
  }
  if (!doc.broker) diag.warn("BROKER_UNKNOWN", 0, "the securities firm could not be identified");
  if (!doc.published) diag.warn("DATE_UNKNOWN", 0, "no publication date on the cover");
  return doc;
}

}  // namespace kreport
