// Loading the OCR module, and turning what it reads into words. The module is opened with
// dlopen on first use, after OMP_THREAD_LIMIT=1 is put in the environment: libgomp reads it
// once, when it loads as the module's dependency (setenv in main would come too late for a
// linked libtesseract: libgomp starts before main). A process that never OCRs never loads
// tesseract, leptonica, libgomp and their 50 other libraries.
#include "ocr.h"

#include <dlfcn.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <climits>
#include <cstdlib>
#include <exception>
#include <memory>
#include <mutex>
#include <system_error>
#include <thread>

#include "glyph_lines.h"
#include "image_text.h"

namespace kreport::load {
namespace {

constexpr const char* kLanguages = "kor+eng";
// A tesseract line box spans the ink from ascenders to descenders: about one font size.
constexpr double kOcrLineHeightEm = 1.0;
// Regions on a page before a second engine shares them: its start (~0.2 s of CPU, two
// tesseract instances: tesseract_engine.cc) is paid back from about a dozen lines (~40 ms
// each, read on two cores).
constexpr size_t kRegionsForTwo = 16;

#ifdef KREPORT_WITH_OCR
// Next to the executable first (a copied build), then where this build put it.
std::vector<std::string> module_paths() {
  std::vector<std::string> paths;
  char exe[PATH_MAX];
  ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
  if (n > 0) {
    std::string dir(exe, static_cast<size_t>(n));
    paths.push_back(dir.substr(0, dir.rfind('/') + 1) + "libkreport_ocr.so");
  }
  paths.push_back(KREPORT_OCR_MODULE);
  return paths;
}

OcrEngine* load_engine(std::string* why) {
  setenv("OMP_THREAD_LIMIT", "1", 0);  // a value the user set stays
  std::string errors;
  for (const std::string& path : module_paths()) {
    void* module = dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL);
    if (!module) {
      errors += std::string(errors.empty() ? "" : "; ") + dlerror();
      continue;
    }
    auto create =
        reinterpret_cast<decltype(&kreport_ocr_create)>(dlsym(module, "kreport_ocr_create"));
    if (!create) {
      *why = "the OCR module " + path + " has no kreport_ocr_create";
      return nullptr;
    }
    OcrEngine* engine = create(kLanguages, why);
    return engine;  // the module stays loaded for the process
  }
  *why = "the OCR module cannot be loaded (" + errors + ")";
  return nullptr;
}
#endif

}  // namespace

namespace {

// One engine per slot, loaded on first use and kept for the process.
#ifdef KREPORT_WITH_OCR
struct Slot {
  std::once_flag once;
  OcrEngine* engine = nullptr;
  std::string reason;              // why it could not be loaded
  std::atomic<bool> tried{false};  // the load has finished, loaded or not
};

Slot& slot_of(int slot) {
  static Slot slots[2];
  return slots[slot];
}
#endif

OcrEngine* engine_in_slot(int slot, std::string* why) {
#ifdef KREPORT_WITH_OCR
  Slot& s = slot_of(slot);
  std::call_once(s.once, [&s, slot] {
    s.engine = load_engine(&s.reason);
    // Before the module's own statics go: tesseract reports its caches as leaks otherwise.
    if (s.engine && slot == 0) std::atexit([] { delete slot_of(0).engine; });
    if (s.engine && slot == 1) std::atexit([] { delete slot_of(1).engine; });
    s.tried = true;
  });
  if (!s.engine) *why = s.reason;
  return s.engine;
#else
  (void)slot;
  *why = "this kreport was built without OCR (cmake -DKREPORT_WITH_OCR=ON, libtesseract-dev)";
  return nullptr;
#endif
}

}  // namespace

bool ocr_engine_missing() {
#ifdef KREPORT_WITH_OCR
  return slot_of(0).tried && !slot_of(0).engine;
#else
  return true;
#endif
}

OcrEngine* ocr_engine(std::string* why) {
  return engine_in_slot(0, why);
}

OcrEngine* second_engine(std::string* why) {
  return engine_in_slot(1, why);
}

std::vector<OcrLine> read_lines(OcrEngine& engine, const GrayImage& image, int dpi,
                                const std::vector<OcrRegion>& regions,
                                const std::function<OcrEngine*()>& second,
                                std::vector<std::string>& messages) {
  auto alone = [&] {
    std::vector<OcrLine> lines = engine.read(image, dpi, regions);
    for (std::string& m : engine.take_messages()) messages.push_back(std::move(m));
    return lines;
  };
  if (!second || regions.size() < kRegionsForTwo) return alone();
  // Each engine reads the next region no one has taken (lines differ in length, so halves
  // would leave one engine waiting) and its lines go to the region's place.
  std::vector<std::vector<OcrLine>> read(regions.size());
  std::vector<std::vector<std::string>> said(regions.size());
  std::atomic<size_t> next{0};
  auto read_with = [&](OcrEngine& e) {
    for (size_t i = next++; i < regions.size(); i = next++) {
      read[i] = e.read(image, dpi, {regions[i]});
      said[i] = e.take_messages();
    }
  };
  std::exception_ptr failed;
  std::thread helper;
  try {
    helper = std::thread([&] {
      try {
        if (OcrEngine* other = second()) read_with(*other);
      } catch (...) {
        failed = std::current_exception();
        next = regions.size();
      }
    });
  } catch (const std::system_error&) {
    return alone();  // no second thread to be had: one engine reads
  }
  try {
    read_with(engine);
  } catch (...) {
    next = regions.size();
    helper.join();
    throw;
  }
  helper.join();
  if (failed) std::rethrow_exception(failed);
  std::vector<OcrLine> out;
  for (std::vector<OcrLine>& lines : read)
    out.insert(out.end(), std::make_move_iterator(lines.begin()),
               std::make_move_iterator(lines.end()));
  for (std::vector<std::string>& m : said)
    messages.insert(messages.end(), std::make_move_iterator(m.begin()),
                    std::make_move_iterator(m.end()));
  return out;
}

std::vector<Word> ocr_words(const std::vector<OcrLine>& lines, int dpi) {
  std::vector<Word> out;
  double pt = 72.0 / dpi;
  for (const OcrLine& line : lines) {
    Bbox box{line.x0 * pt, line.y0 * pt, line.x1 * pt, line.y1 * pt};
    std::vector<Word> words = words_of_line(line.text, box, kOcrLineHeightEm, Origin::ocr);
    out.insert(out.end(), words.begin(), words.end());
  }
  return out;
}

std::vector<OcrRegion> line_regions(std::vector<Bbox> runs, int dpi, int width, int height) {
  double px = dpi / 72.0;
  std::vector<OcrRegion> out;
  for (const RunLine& line : run_lines(std::move(runs))) {
    Bbox l = padded(line);
    OcrRegion region;
    region.x0 = std::clamp(static_cast<int>(l.x0 * px), 0, width);
    region.y0 = std::clamp(static_cast<int>(l.y0 * px), 0, height);
    region.x1 = std::clamp(static_cast<int>(l.x1 * px) + 1, 0, width);
    region.y1 = std::clamp(static_cast<int>(l.y1 * px) + 1, 0, height);
    if (region.x1 > region.x0 && region.y1 > region.y0) out.push_back(region);
  }
  return out;
}

}  // namespace kreport::load
