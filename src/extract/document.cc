// The record's `document`: runs the rule files in order and decides what the input is.
// A securities firm's research report shows it: a compliance notice, an analyst with an
// e-mail at a securities firm's domain, a rating box, or the firm named where a firm names
// itself (a banner, a footer, its research centre as a source, a short cover line). A firm
// named only in sentences, or a person with a news site's e-mail, is what an article printed
// from a portal shows when it quotes an analyst: with none of the report's signs the record
// says `other` and warns NOT_A_REPORT, and keeps no firm, analyst or rating of it. A news
// site's page (three of the news marks of the cover-word table) is `other` unless it carries
// a compliance notice, whatever firm or analyst it quotes. The recommendation only stands
// for company reports: an industry report's cover lists many stocks, none of them "the"
// rating. When most pages have no readable text the kind stays `broker_report` (the tool's
// input), unproven.
//
// Each field's deciding rule and the text it read go to `explain` when asked (--explain).
#include <algorithm>

#include "extract_parts.h"
#include "kreport/extract.h"
#include "params.h"

namespace kreport {
namespace {

bool is_news_page(const std::vector<PageLayout>& pages) {
  std::vector<const char*> seen;
  for (const PageLayout& p : pages)
    for (const Line& l : p.lines)
      for (const char* w : vocab::cover_words(vocab::CoverKind::news_mark))
        if (extract::contains(l.text, w) && std::find(seen.begin(), seen.end(), w) == seen.end())
          seen.push_back(w);
  return seen.size() >= kExtract.news_marks;
}

std::string number(double v) {
  return std::to_string(static_cast<long long>(v));
}

// Collects the evidence of each field, when asked.
struct Explainer {
  std::vector<Evidence>* out;
  void add(std::string field, std::string value, const extract::Why& why) {
    if (out) out->push_back({std::move(field), std::move(value), why.rule, why.text, why.page});
  }
};

}  // namespace

DocumentInfo extract_document(const std::vector<PageLayout>& pages, const Compliance* notice,
                              Diagnostics& diag, std::vector<Evidence>* explain) {
  using namespace extract;
  Explainer ex{explain};
  const bool has_notice = notice != nullptr;
  DocumentInfo doc;
  BrokerWhy broker_why;
  doc.broker = identify_broker(pages, &broker_why);
  Why date_why;
  doc.published = find_published(pages, &date_why);
  if (!doc.published) doc.published = banner_date(pages, &date_why);
  if (std::string line;
      !doc.published && notice && (doc.published = notice_date(notice->text, &line)))
    date_why = {"notice_date_of_record", line, notice->page};
  std::vector<Why> analyst_whys;
  doc.analysts = find_analysts(pages, &analyst_whys);
  RecommendationWhy rec_why;
  doc.recommendation = find_recommendation(pages, &rec_why);
  TitleInfo t = find_title(pages, doc.recommendation ? doc.recommendation->company : OptString());
  doc.title = t.title;
  doc.series = t.series;
  doc.issue = t.issue;
  if (doc.recommendation) check_ocr_target(pages, rec_why.target, *doc.recommendation, diag);
  if (doc.recommendation && ocr_target_disagrees(pages, *doc.recommendation)) {
    diag.warn("OCR_NUMBER_DROPPED", 1,
              "the target price read by OCR (" + number(doc.recommendation->target_price->value) +
                  ") disagrees with the current price and upside: dropped");
    Recommendation& r = *doc.recommendation;
    if (r.previous_target && r.previous_target->value == r.target_price->value)
      r.previous_target.reset();  // "kept": the same misread figure
    r.target_price.reset();
    rec_why.target.rule = "ocr_target_dropped";
  }
  doc.report_type = classify_report(pages, t, doc.recommendation);
  if (doc.report_type != "company") doc.recommendation.reset();
  doc.language = detect_language(pages);

  // The signs of a report: the notice, a firm's e-mail, a rating box, the firm beyond prose.
  bool firm_email = false;
  for (const Analyst& a : doc.analysts)
    firm_email |= a.email && a.name && broker_of_email(*a.email).has_value();
  bool rated_box =
      doc.recommendation && doc.recommendation->rating && rec_why.rating.rule == "rating_line";
  bool firm_named = doc.broker && broker_why.outside_prose;
  bool news = is_news_page(pages);
  Why kind_why = has_notice   ? Why{"compliance_notice", "", notice->page}
                 : news       ? Why{"news_marks", "", 0}
                 : firm_email ? Why{"firm_email", "", 0}
                 : rated_box  ? rec_why.rating
                 : firm_named ? broker_why.why
                              : Why{"no_sign_of_a_report", "", 0};
  bool evidence = news ? has_notice : has_notice || firm_email || rated_box || firm_named;
  // Most pages unreadable (no text layer, fonts without a Unicode map): the text cannot
  // say what the document is, so it is not called `other` on the strength of silence.
  size_t readable = std::count_if(pages.begin(), pages.end(),
                                  [](const PageLayout& p) { return p.lines.size() >= 5; });
  if (!evidence && readable * 2 >= pages.size()) {
    doc.kind = "other";
    // What an article names is quoted, not published: no firm, analyst or rating of its own.
    doc.broker.reset(), doc.analysts.clear(), doc.recommendation.reset();
    ex.add("kind", "other", kind_why);
    diag.warn("NOT_A_REPORT", 0,
              "no securities firm, analyst, rating or compliance notice found: not a broker "
              "report");
    return doc;
  }
  ex.add("kind", doc.kind, kind_why);
  if (doc.broker)
    ex.add("broker", doc.broker->id + " (" + doc.broker->name + ")", broker_why.why);
  else
    ex.add("broker", "null", {"no_firm_named", "", 0});
  ex.add("published", doc.published.value_or("null"),
         doc.published ? date_why : Why{"no_date", "", 0});
  for (size_t i = 0; i < doc.analysts.size(); ++i)
    ex.add("analysts[" + std::to_string(i) + "]",
           doc.analysts[i].name.value_or("null") + " <" + doc.analysts[i].email.value_or("") +
               "> " + doc.analysts[i].role,
           i < analyst_whys.size() ? analyst_whys[i] : Why{});
  ex.add("title", doc.title.value_or("null"), doc.title ? t.why : Why{"no_title_line", "", 0});
  if (const auto& r = doc.recommendation) {
    ex.add("ticker", r->ticker.value_or("null"), rec_why.ticker);
    ex.add("rating", r->rating.value_or("null") + " (" + r->rating_text.value_or("") + ")",
           r->rating ? rec_why.rating : Why{"no_rating_line", "", 0});
    ex.add("target_price", r->target_price ? number(r->target_price->value) : "null",
           rec_why.target.rule.empty() ? Why{"no_target_label", "", 0} : rec_why.target);
  } else {
    ex.add("recommendation", "null",
           {doc.report_type == "company"
                ? std::string("no_ticker_on_the_cover")
                : "not_a_company_report (" + doc.report_type.value_or("null") + ")",
            "", 0});
  }
  if (!doc.broker) diag.warn("BROKER_UNKNOWN", 0, "the securities firm could not be identified");
  if (!doc.published) diag.warn("DATE_UNKNOWN", 0, "no publication date on the cover");
  return doc;
}

}  // namespace kreport
