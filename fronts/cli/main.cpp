// rigfit: will it fit? The command-line front over the fit engine.
#include "cli.hpp"
#include "common/text.hpp"
#include "paint.hpp"
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
  rigfit report BUILD [-o FILE.html|.md|.json] [--format html|md|json] [--with-solve]
                                           the fit report, with drawings and sources (to
                                           standard output, Markdown, without -o)
  rigfit render BUILD -o FILE.png [--view iso|front|side|top] [--size WxH]
                                           a picture of the build, offscreen (no display)
  rigfit parts list [--category C] | show ID | validate [DIR]   (list, show: --format json)
  rigfit parts search WORDS [--category C] [--limit N] [--format text|json]
                                           find a part by name, maker or part number
  rigfit parts audit [--all]               what the OpenDB snapshot gave, refused and why
  rigfit import LIST -o BUILD.json [--pick LINE=ID]
                                           a PCPartPicker part list made into a build
  rigfit export BUILD [-o LIST.md] [--format pcpartpicker-md]
                                           the build as a part list to post, with a fit
                                           column and notes (to standard output without -o)

BUILD is a build file (JSON; docs/FORMATS.md), or - to read one from standard input. The docs/
named here are in the source, and in share/doc/rigfit/docs where rigfit is installed.

options:
  --format text|json|md    output format (default text; json has a versioned shape: docs/)
  --min-clearance MM       a clearance below this is not a pass (default 0: touching fits)
  --strict                 check: a verdict that depends on an estimate is a "does not fit"
  --parts DIR              the catalog folder (default: $RIGFIT_PARTS, else the one
                           installed with rigfit, share/rigfit/parts)
  --more-parts DIR         your own part files, added to the catalog (repeatable); see
                           docs/CUSTOM_PARTS.md

On a terminal, verdicts are in colour (fail red, warn amber, pass green); not when the output
is piped or NO_COLOR is set. `rigfit CMD --help` gives one command's options.

exit codes: 0 everything fits, 1 something does not fit, 2 bad input or usage,
            3 (check) it fits at the estimates but depends on a figure nobody published,
            4 (check, report) nothing to check: a case with nothing in it
)";

// Each command's own help: `rigfit CMD --help` or `rigfit help CMD`.
struct Command {
  const char* name;
  int (*run)(const std::vector<std::string>&);
  const char* help;
};

const Command kCommands[] = {
    {"check", rigfit::cli::runCheck,
     R"(usage: rigfit check BUILD [--format text|json|md] [--min-clearance MM] [--strict]
                    [--parts DIR] [--more-parts DIR]

Checks every part of the build against the case and each other, in millimetres, over the
bands of the figures that are estimates. BUILD may be - (standard input).

  --format text|json|md    output format (default text; json follows docs/check.schema.json)
  --min-clearance MM       a clearance below this is not a pass (default 0: touching fits)
  --strict                 a verdict that depends on an estimate is a "does not fit"
  --parts DIR              the catalog folder (default: $RIGFIT_PARTS, else the installed one)
  --more-parts DIR         your own part files, added to the catalog (repeatable)

exit codes: 0 fits, 1 does not fit, 2 bad input or usage, 3 depends on a figure nobody
            published, 4 nothing to check (a case with nothing in it)
)"},
    {"solve", rigfit::cli::runSolve, R"(usage: rigfit solve BUILD --add PART
       rigfit solve BUILD --max PART
       rigfit solve BUILD --alternatives INSTANCE/MOUNT [--maker M] [--min-length MM]
                    [--max-length MM] [--max-thickness MM] [--limit N]

  --add PART               every free compatible mount for PART, tried in turn
  --max PART               the most copies of PART that fit together
  --alternatives I/M       every catalog part (OpenDB's too) that fits at that mount, best
                           margin first (the best 20 unless --limit)
  --format text|json|md    output format (default text; json: docs/solve.schema.json)
  --min-clearance MM, --parts DIR, --more-parts DIR   as for check

BUILD may be - (standard input). PART may be any catalog id, the OpenDB snapshot's too.

exit codes: 0 done, 2 bad input or usage
)"},
    {"report", rigfit::cli::runReport,
     R"(usage: rigfit report BUILD [-o FILE.html|.md|.json] [--format html|md|json] [--with-solve]

Writes the fit report: the answer, every finding with its margin, drawings, the figures'
sources and estimates. The format follows the file's ending; without -o the report goes to
standard output, as Markdown unless --format names another. BUILD may be - (standard input).

  -o FILE, --output FILE   where to write it (.html, .md or .json)
  --format html|md|json    the format, where the file's ending does not say it
  --with-solve             add, for the first card, every free slot it could go in
  --no-renders             the HTML without its 3D pictures (no OpenGL needed)
  --min-clearance MM       as for check
  --parts DIR, --more-parts DIR   as for check

exit codes: as for check
)"},
    {"render", rigfit::cli::runRender,
     R"(usage: rigfit render BUILD -o FILE.png [--view iso|front|side|top] [--size WxH]

Draws the build offscreen (OpenGL through EGL; no display needed). BUILD may be -.

  -o FILE.png              where to write the picture
  --view iso|front|side|top   the camera (default iso)
  --size WxH               the picture's size in pixels (default 1024x768)
  --backend gl|mock        the renderer (default gl; mock draws nothing, for tests)

exit codes: 0 written, 2 bad input or usage
)"},
    {"parts", rigfit::cli::runParts, R"(usage: rigfit parts list [--category C]
       rigfit parts show ID
       rigfit parts search WORDS [--category C] [--limit N]
       rigfit parts validate [DIR]
       rigfit parts audit [--all]

  list                     the catalog's parts, by category
  show ID                  one part's figures, each with its source or how it was estimated
  search WORDS             find a part by name, maker or part number (OpenDB's too)
  validate [DIR]           check part files and name the field at fault
  audit [--all]            what the OpenDB snapshot gave, refused and why

  --category C             only parts of category C (case, motherboard, gpu, cpu, cooler,
                           memory, psu, storage, fan, radiator)
  --limit N                search: the best N (default 20)
  --format text|json       list, search, show: json follows docs/parts.schema.json and
                           docs/part.schema.json
  --parts DIR, --more-parts DIR   as for check
)"},
    {"import", rigfit::cli::runImport,
     R"(usage: rigfit import LIST -o BUILD.json [--pick LINE=ID]... [--name NAME]

Reads a PCPartPicker part list (its Markdown, HTML or text export, or a list page's text; - for
standard input), matches each line to a catalog part (by the part number in its product link,
else by every word of the part's name), places the parts as a builder would and writes the
build. Lines rigfit does not model (a monitor) are listed as skipped; a line with no sure match
is listed with the nearest parts, one with two close candidates of different sizes with both.

  -o FILE, --output FILE   the build file to write
  --pick LINE=ID           the part for that line of the list (repeatable)
  --name NAME              the build's name (default: "Imported from LIST")
  --parts DIR, --more-parts DIR   as for check

exit codes: 0 written with every part of the list, 1 written but some part of the list is not
            in it (unmatched, ambiguous or with no place: said above), 2 bad input or usage
            (no list, no case matched, a pick that names no part or line)
)"},
    {"export", rigfit::cli::runExport,
     R"(usage: rigfit export BUILD [-o LIST.md] [--format pcpartpicker-md]

Writes the build as a PCPartPicker-style Markdown part list to paste into a forum: a line per
part bought (a memory kit's modules on one line), a Fit column with each line's verdict and its
least room to material in mm, and numbered notes for what PCPartPicker does not check (cards
against cards, the cooler against memory, the bottom card against the PSU). `rigfit import`
reads it back. BUILD may be - (standard input).

  -o FILE, --output FILE   where to write it (default, or -: standard output)
  --format pcpartpicker-md the only format so far, and the default
  --min-clearance MM       as for check
  --parts DIR, --more-parts DIR   as for check

exit codes: as for check
)"},
    {"view", rigfit::cli::runView, R"(usage: rigfit view [BUILD] [--parts DIR] [--more-parts DIR]

Opens the viewer on the build (default: the article build shipped with rigfit, in
share/rigfit/scenes): drag parts into the case
and see what fits, live. Needs a display; `rigfit check` and `rigfit render` do not.
)"},
};

const Command* commandNamed(const std::string& name) {
  for (const Command& c : kCommands)
    if (name == c.name) return &c;
  return nullptr;
}

std::vector<std::string> commandNames() {
  std::vector<std::string> out;
  for (const Command& c : kCommands)
    out.push_back(c.name);
  out.push_back("help");
  out.push_back("version");
  return out;
}

} // namespace

int main(int argc, char** argv) {
  using namespace rigfit::cli;
  std::streambuf *rawOut = std::cout.rdbuf(), *rawErr = std::cerr.rdbuf();
  PrintableBuf out(rawOut), err(rawErr);
  std::cout.rdbuf(&out);
  std::cerr.rdbuf(&err);
  setRawOutput(rawOut);
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
    const std::string build = defaultBuildPath();
    int rc = runCheck({build});
    std::cout << "\nTry next:\n"
              << "  will a second card fit?   rigfit solve " << build << " --add evga-rtx2060-xc\n"
              << "  the fit report to share   rigfit report " << build << " -o fit.html\n"
              << "  find your parts by name   rigfit parts search WORDS\n"
              << "  check your own build      rigfit check MY-BUILD.json (examples in "
              << build.substr(0, build.rfind('/')) << ")\n"
              << "  every command             rigfit --help\n";
    return rc;
  }
  std::string cmd = args.front();
  args.erase(args.begin());
  if (cmd == "--help" || cmd == "-h" || cmd == "help") {
    if (args.empty()) {
      std::cout << kUsage;
      return kExitFits;
    }
    if (const Command* c = commandNamed(args.front())) {
      std::cout << c->help;
      return kExitFits;
    }
    cmd = args.front(); // an unknown command to help with: said below
  }
  if (cmd == "--version" || cmd == "-V" || cmd == "version") {
    std::cout << "rigfit " << RIGFIT_VERSION << "\n";
    return kExitFits;
  }
  if (const Command* c = commandNamed(cmd)) {
    for (const std::string& a : args)
      if (a == "--help" || a == "-h") {
        std::cout << c->help;
        return kExitFits;
      }
    return c->run(args);
  }
  std::vector<std::string> near = rigfit::nearestWords(cmd, commandNames());
  return usageError("unknown command \"" + cmd + "\"" + rigfit::didYouMean(near));
}
