// rigfit: will it fit? The command-line front over the fit engine.
#include "cli.hpp"
#include "report/text.hpp"

#include <cstdlib>
#include <iostream>
#include <streambuf>

namespace {

// Everything rigfit prints passes through this: a control character from a part's name or a
// file's path (ESC, BEL, CR) reaches the terminal as '?'. JSON output escapes its own; nothing
// binary is printed (pictures and reports go to files).
class PrintableBuf : public std::streambuf {
public:
  explicit PrintableBuf(std::streambuf* out) : out_(out) {}

protected:
  int_type overflow(int_type c) override {
    if (traits_type::eq_int_type(c, traits_type::eof())) return traits_type::not_eof(c);
    auto ch = static_cast<unsigned char>(traits_type::to_char_type(c));
    // A C1 control (U+0080 to U+009F, CSI among them) is 0xC2 then 0x80 to 0x9F in UTF-8: the
    // 0xC2 waits for the byte after it.
    if (leadC2_) {
      leadC2_ = false;
      if (ch >= 0x80 && ch <= 0x9f) return put('?');
      if (put(static_cast<char>(0xc2)) == traits_type::eof()) return traits_type::eof();
    }
    if (ch == 0xc2) {
      leadC2_ = true;
      return c;
    }
    return put(rigfit::isControl(ch) ? '?' : static_cast<char>(ch));
  }
  std::streamsize xsputn(const char* s, std::streamsize n) override {
    for (std::streamsize i = 0; i < n; ++i)
      if (traits_type::eq_int_type(overflow(traits_type::to_int_type(s[i])), traits_type::eof()))
        return i;
    return n;
  }
  int sync() override {
    if (leadC2_) leadC2_ = false, put(static_cast<char>(0xc2)); // not a C1 control after all
    return out_->pubsync();
  }

private:
  int_type put(char ch) { return out_->sputc(ch); }
  std::streambuf* out_;
  bool leadC2_ = false; // a 0xC2 held back: it may begin a C1 control
};

const char* kUsage = R"(rigfit: virtual PC assembly and physical-fit checks, in millimetres

usage:
  rigfit                       the viewer on the default build (scenes/article-build.json);
                               with no display, its check
  rigfit view [BUILD]          drag parts into the case and see what fits, live
  rigfit check BUILD [--format text|json|md] [--min-clearance MM] [--strict]
  rigfit solve BUILD --add PART            every free compatible mount, tried in turn
  rigfit solve BUILD --max PART            the most copies that fit together
  rigfit solve BUILD --alternatives INSTANCE/MOUNT [--maker M] [--min-length MM]
        [--max-length MM] [--max-thickness MM] [--limit N]
                                           every catalog part (OpenDB's too) that fits there,
                                           best margin first (the best 20 unless --limit)
  rigfit report BUILD -o FILE.html|.md|.json [--with-solve]
                                           the fit report, with drawings and sources
  rigfit render BUILD -o FILE.png [--view iso|front|side|top] [--size WxH]
                                           a picture of the build, offscreen (no display)
  rigfit parts list [--category C] | show ID | validate [DIR]
  rigfit parts search WORDS [--category C] [--limit N]
                                           find a part by name, maker or part number
  rigfit parts audit [--all]               what the OpenDB snapshot gave, refused and why

options:
  --format text|json|md    output format (default text)
  --min-clearance MM       a clearance below this is not a pass (default 0: touching fits)
  --strict                 check: a verdict that depends on an estimate is a "does not fit"
  --parts DIR              the catalog folder (default: $RIGFIT_PARTS, else ./parts)
  --more-parts DIR         your own part files, added to the catalog (repeatable); see
                           docs/CUSTOM_PARTS.md

exit codes: 0 everything fits, 1 something does not fit, 2 bad input or usage,
            3 (check) it fits at the estimates but depends on a figure nobody published,
            4 (check, report) nothing to check: a case with nothing in it
)";

} // namespace

int main(int argc, char** argv) {
  using namespace rigfit::cli;
  std::streambuf *rawOut = std::cout.rdbuf(), *rawErr = std::cerr.rdbuf();
  PrintableBuf out(rawOut), err(rawErr);
  std::cout.rdbuf(&out);
  std::cerr.rdbuf(&err);
  struct Restore { // the streams outlive main's locals: give them their buffers back
    std::streambuf *o, *e;
    ~Restore() {
      std::cout.flush();
      std::cerr.flush();
      std::cout.rdbuf(o);
      std::cerr.rdbuf(e);
    }
  } restore{rawOut, rawErr};
  std::vector<std::string> args(argv + 1, argv + argc);
  const char* display = std::getenv("DISPLAY");
  const char* wayland = std::getenv("WAYLAND_DISPLAY");
  const bool windowed = (display && *display) || (wayland && *wayland);
  if (args.empty() && windowed && RIGFIT_WITH_VIEWER) return runView({});
  if (args.empty()) {
    std::cout << (RIGFIT_WITH_VIEWER
                      ? "(no display: checking the default build instead of opening the viewer)\n\n"
                      : "(built without the viewer: checking the default build)\n\n");
    int rc = runCheck({defaultBuildPath()});
    std::cout << "\nThe fit report: rigfit report scenes/article-build.json -o fit.html; "
                 "'rigfit --help' lists more.\n";
    return rc;
  }
  std::string cmd = args.front();
  args.erase(args.begin());
  if (cmd == "--help" || cmd == "-h" || cmd == "help") {
    std::cout << kUsage;
    return kExitFits;
  }
  if (cmd == "--version") {
    std::cout << "rigfit 0.1.0\n";
    return kExitFits;
  }
  if (cmd == "check") return runCheck(args);
  if (cmd == "solve") return runSolve(args);
  if (cmd == "parts") return runParts(args);
  if (cmd == "report") return runReport(args);
  if (cmd == "render") return runRender(args);
  if (cmd == "view") return runView(args);
  return usageError("unknown command \"" + cmd + "\"");
}
