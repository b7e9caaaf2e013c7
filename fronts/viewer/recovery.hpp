#pragma once
// Autosave and recovery: while a build has unsaved changes, the viewer keeps a copy of it in
// the builder's state folder, so a crash, a kill or a power cut loses seconds, not work. The
// next start offers it back. No GL here: tested headless.
#include "build/build.hpp"

#include <string>

namespace rigfit::viewer {

// Where the copy lives: $RIGFIT_RECOVERY_FILE, else $XDG_STATE_HOME/rigfit/recovery.json, else
// ~/.local/state/rigfit/recovery.json; "" when there is no home to put it in.
std::string recoveryFile();

struct Recovered {
  Build build;
  std::string buildPath; // the file the build belongs to, "" when it was never saved
  std::string savedAt;   // when the copy was written, local time, for the builder
};

// Writes the copy atomically (its folder made if needed).
Status writeRecovery(const std::string& file, const Build& build, const std::string& buildPath);
// The copy, or an Error when there is none or it cannot be read.
Result<Recovered> readRecovery(const std::string& file);
// Removes the copy: the work it held was saved, or the builder chose to drop it.
void clearRecovery(const std::string& file);

} // namespace rigfit::viewer
