// `kreport show FILE --page N -o page.png`: the document converted as `extract` converts it,
// the stages' values kept (ConvertOptions::keep), and each page asked for drawn with them.

#include <spdlog/spdlog.h>

#include <CLI/CLI.hpp>
#include <chrono>
#include <ctime>
#include <filesystem>
#include <thread>

#include "command.h"
#include "kreport/error.h"
#include "kreport/files.h"
#include "kreport/pipeline.h"
#include "kreport/show.h"

namespace kreport::cli {
namespace {

struct ShowArgs {
  std::string input;   // path or "-"
  std::string output;  // a .png or .svg file (one page), or a folder (--pages)
  std::string password;
  int page = 1;
  std::string pages;           // "1-3", "2,4", "all"; empty: --page alone
  std::string format = "png";  // of the pictures written into a folder
  double dpi = 96;
  bool quiet = false;
  bool timings = false;
  OcrMode ocr = OcrMode::automatic;
};

int page_number(const std::string& s) {
  if (s.empty() || s.size() > 9 || s.find_first_not_of("0123456789") != std::string::npos)
    throw Error(Errc::usage, "--pages: expected page numbers like 1-3 or 2,5; got \"" + s + "\"");
  return std::stoi(s);
}

// "1-3,5" -> {1, 2, 3, 5}; "all" -> every page of `count`.
std::vector<int> pages_of(const std::string& spec, int count) {
  std::vector<int> out;
  if (spec == "all") {
    for (int p = 1; p <= count; ++p) out.push_back(p);
    return out;
  }
  for (size_t b = 0, e; b <= spec.size(); b = e + 1) {
    e = std::min(spec.find(',', b), spec.size());
    std::string part = spec.substr(b, e - b);
    size_t dash = part.find('-');
    int first = page_number(part.substr(0, dash));
    int last = dash == std::string::npos ? first : page_number(part.substr(dash + 1));
    if (last < first) throw Error(Errc::usage, "--pages: \"" + part + "\" runs backwards");
    // Past the last page one number is enough to be refused; "1-999999999" is not a loop.
    for (int p = first; p <= last && p <= count + 1; ++p) out.push_back(p);
  }
  return out;
}

std::string extension_of(const std::string& path) {
  std::string ext = std::filesystem::path(path).extension().string();
  for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return ext;
}

std::string picture_bytes(const Picture& picture, const RgbImage& image, const std::string& ext) {
  if (ext == ".svg") return picture_svg(picture, image);
  return png_bytes(picture_raster(picture, image));
}

// A page with nothing found on it: its size from the rendered image.
Picture bare_picture(int page, const RgbImage& image) {
  Picture p;
  p.page = page;
  p.width = image.width * 72 / image.dpi;
  p.height = image.height * 72 / image.dpi;
  return p;
}

int run_show(const ShowArgs& args) {
  bool folder = !args.pages.empty();
  std::string ext = folder ? "." + args.format : extension_of(args.output);
  if (ext != ".png" && ext != ".svg")
    throw Error(Errc::usage,
                "-o: a picture is FILE.png or FILE.svg (or, with --pages, a "
                "folder); got \"" +
                    args.output + "\"");
  if (!folder) check_output_file(args.output);
  std::string bytes = read_input(args.input);
  ConvertOptions options;
  options.path = args.input;
  options.password = args.password;
  options.ocr = args.ocr;
  options.threads = std::thread::hardware_concurrency() >= 2 ? 2 : 1;
  StageValues stages;
  options.keep = &stages;
  Report report;
  PdfDocument doc = PdfDocument::open(bytes, args.password);
  int count = doc.page_count();
  std::vector<int> pages = folder ? pages_of(args.pages, count) : std::vector<int>{args.page};
  if (pages.empty()) throw Error(Errc::usage, "--pages: no page named");
  for (int p : pages)
    if (p < 1 || p > count)
      throw Error(Errc::usage, "no page " + std::to_string(p) + ": the document has " +
                                   std::to_string(count) + " page(s)");
  // OCR only where it is drawn: the other pages' stages are read from their text layer, so a
  // scan's page 1 does not wait for the OCR of its other pages.
  options.ocr_pages = pages;
  using Clock = std::chrono::steady_clock;
  auto seconds = [](Clock::time_point since) {
    return std::chrono::duration<double>(Clock::now() - since).count();
  };
  // Wall time, and CPU time (std::clock: the process's, both reading cores included).
  auto cpu = [](std::clock_t since) {
    return static_cast<double>(std::clock() - since) / CLOCKS_PER_SEC;
  };
  auto start = Clock::now();
  std::clock_t cpu_start = std::clock();
  try {
    report = convert(bytes, options);
  } catch (const Error& e) {
    // A page with no text is what the picture is wanted for: it is drawn with nothing over
    // it, and the reason extract would give is said (exit 0: the pictures were made).
    if (e.code() != Errc::no_text) throw;
    spdlog::warn("{} (drawn with nothing found on it)", describe(e));
    stages = {};
  }
  if (!args.quiet)
    for (const Warning& w : report.warnings) spdlog::warn(warning_line(args.input, w));
  double converting = seconds(start), converting_cpu = cpu(cpu_start);
  std::string dir = folder ? folder_arg(args.output) : "";
  if (folder) make_folders(dir);
  start = Clock::now();
  cpu_start = std::clock();
  for (int p : pages) {
    RgbImage image = doc.render(p, args.dpi);
    Picture picture = stages.lines.empty() ? bare_picture(p, image) : picture_of(report, stages, p);
    std::string out = picture_bytes(picture, image, ext);
    std::string path =
        folder ? (std::filesystem::path(dir) / ("page-" + std::to_string(p) + ext)).string()
               : args.output;
    write_file_atomic(path, out);
  }
  if (args.timings)
    spdlog::info(
        "{}: timings: convert {:.1f} ms, CPU {:.1f} ms ({} pages); draw {:.1f} ms, CPU {:.1f} "
        "ms a page ({} drawn)",
        one_line(args.input), converting * 1000, converting_cpu * 1000, count,
        seconds(start) * 1000 / static_cast<double>(pages.size()),
        cpu(cpu_start) * 1000 / static_cast<double>(pages.size()), pages.size());
  return kExitOk;
}

}  // namespace

Run define_show(CLI::App& cmd) {
  auto shared = std::make_shared<ShowArgs>();
  ShowArgs& args = *shared;
  CLI::App* show = &cmd;
  show->add_option("input", args.input, "PDF file, or - for standard input")->required();
  show->add_option("-o,--output", args.output,
                   "The picture: FILE.png or FILE.svg; with --pages, a folder (made when "
                   "missing) that gets page-N.png (or .svg, --format)")
      ->required();
  show->add_option("--page", args.page, "The page to draw (default 1)")->check(CLI::PositiveNumber);
  show->add_option("--pages", args.pages, "Several pages into the folder -o: 1-3, 2,5 or all");
  show->add_option("--format", args.format, "png or svg: the pictures --pages writes")
      ->check(CLI::IsMember({"png", "svg"}));
  show->add_option("--dpi", args.dpi, "Pixels an inch of the page's image, 36 to 300")
      ->capture_default_str()
      ->check(CLI::Range(36.0, 300.0));
  show->add_option("--password", args.password, "Password of an encrypted PDF (user or owner)");
  show->add_flag("-q,--quiet", args.quiet, "Do not print the document's warnings on stderr");
  show->add_flag("--timings", args.timings,
                 "Print how long converting the document and drawing each page took");
  add_ocr(cmd, args.ocr);
  show->footer(footer(R"(
Examples:
  kreport show report.pdf --page 1 -o page.png      # page 1 with what kreport saw, and a legend
  kreport show report.pdf --page 2 -o page.svg      # the same as SVG (hover a box: what it is)
  kreport show report.pdf --pages 1-2 -o pictures/  # pictures/page-1.png, pictures/page-2.png

The page is rendered by poppler at --dpi; over it, in a fixed colour per kind: the running
lines (furniture), the regions (columns, sidebar, boxes, banner, figures, each figure's
caption - area - source), the tables with their cells, every block of the record with its
reading-order number and the section it went to, and the words read from /ActualText or by
OCR. The same input gives the same bytes.
)"));
  return {[shared] { return run_show(*shared); },
          std::shared_ptr<const std::string>(shared, &shared->input)};
}

}  // namespace kreport::cli
