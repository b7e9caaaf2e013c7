#pragma once
// Undo and redo over whole builds: builds are small (tens of instances), so snapshots are
// simpler and safer than inverse commands.
#include "assembly/build.hpp"

#include <vector>

namespace rigfit {

class History {
public:
  explicit History(Build initial) : states_{std::move(initial)} {}

  const Build& current() const { return states_[at_]; }
  // Records a new state after the current one; anything that was redone-able is dropped.
  void commit(Build next) {
    states_.resize(at_ + 1);
    states_.push_back(std::move(next));
    ++at_;
  }
  bool canUndo() const { return at_ > 0; }
  bool canRedo() const { return at_ + 1 < states_.size(); }
  bool undo() { return canUndo() ? (--at_, true) : false; }
  bool redo() { return canRedo() ? (++at_, true) : false; }

private:
  std::vector<Build> states_;
  size_t at_ = 0;
};

} // namespace rigfit
