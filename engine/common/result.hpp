#pragma once
// Errors are values: a user error (bad file, bad field, unknown id) travels back to the front as
// an Error that names the file, the field and the reason. The engine never prints.
#include <string>
#include <utility>
#include <variant>

namespace rigfit {

struct Error {
  std::string file;   // path of the file at fault, or "" for in-memory input
  std::string field;  // JSON pointer-like path of the field at fault, or ""
  std::string reason; // what is wrong, in words a builder understands

  // "file: field: reason", leaving out the parts that are empty.
  std::string message() const;
};

// The value of a fallible operation, or the Error that stopped it.
template <class T> class Result {
public:
  Result(T value) : v_(std::move(value)) {}
  Result(Error error) : v_(std::move(error)) {}

  bool ok() const { return v_.index() == 0; }
  explicit operator bool() const { return ok(); }
  T& value() & { return std::get<0>(v_); }
  const T& value() const& { return std::get<0>(v_); }
  T&& value() && { return std::get<0>(std::move(v_)); }
  const Error& error() const { return std::get<1>(v_); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }

private:
  std::variant<T, Error> v_;
};

// For operations that only succeed or fail.
struct Ok {};
using Status = Result<Ok>;

} // namespace rigfit
