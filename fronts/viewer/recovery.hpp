#pragma once
// Autosave and recovery: while a build has unsaved changes, the viewer keeps a copy of it in
// the builder's state folder, so a crash, a kill or a power cut loses seconds, not work. The
// next start offers it back. No GL here: tested headless.
#include "assembly/build.hpp"

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

// The copy this viewer owns. Its lock (a ".lock" file beside it) is held for the viewer's life,
// so two viewers never write, offer or remove each other's copy. A viewer takes the first of
// kRecoverySlots files (recovery.json, recovery-2.json, ...) whose lock is free, preferring one
// that holds a copy left by a viewer that has ended: that copy is offered back.
class RecoverySlot {
public:
  static constexpr int kRecoverySlots = 8;
  // `file` as recoveryFile() gives it; an Error when there is none, its folder cannot be made,
  // or every slot is held by a running viewer.
  static Result<RecoverySlot> claim(const std::string& file);
  RecoverySlot(RecoverySlot&& other) noexcept;
  RecoverySlot& operator=(RecoverySlot&& other) noexcept;
  RecoverySlot(const RecoverySlot&) = delete;
  RecoverySlot& operator=(const RecoverySlot&) = delete;
  ~RecoverySlot(); // releases the lock; the copy stays

  const std::string& file() const { return file_; }

private:
  RecoverySlot(std::string file, int lockFd) : file_(std::move(file)), lockFd_(lockFd) {}
  std::string file_;
  int lockFd_ = -1;
};

// Writes the copy atomically (its folder made if needed).
Status writeRecovery(const std::string& file, const Build& build, const std::string& buildPath);
// The copy, or an Error when there is none or it cannot be read.
Result<Recovered> readRecovery(const std::string& file);
// Removes the copy: the work it held was saved, or the builder chose to drop it.
void clearRecovery(const std::string& file);
// Moves a copy that cannot be read or restored aside, to "<file>.unrestorable", so it is not
// offered at every start and not lost either; returns where it now is ("" if it could not move).
std::string setRecoveryAside(const std::string& file);

} // namespace rigfit::viewer
