// Copyright (c) cordon authors.
//
// Runs EngineHolder::Reload() on its own thread, so neither an HTTP worker
// nor the signal thread blocks for the seconds a full load takes; requests
// keep being served by the current engine meanwhile.
#ifndef CORDON_SERVER_RELOADER_H_
#define CORDON_SERVER_RELOADER_H_

#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <thread>

#include "engine_holder.h"

namespace cordon::server {

class Reloader {
 public:
  explicit Reloader(EngineHolder* holder);
  ~Reloader();  // waits for a reload in progress

  // Starts a reload unless one is running or queued (then the running one's
  // result will be reported). Returns the ticket of the reload that will
  // cover this request: the outcome is in holder->LastReload() once
  // completed() >= ticket. Thread-safe, never blocks on the load.
  uint64_t Trigger();

  // Reloads finished (accepted or refused).
  uint64_t completed() const;
  bool running() const;

  // Waits until completed() >= ticket or `timeout_ms` passes; true if done.
  bool Wait(uint64_t ticket, int timeout_ms);

 private:
  void Run();

  EngineHolder* holder_;
  mutable std::mutex mu_;
  std::condition_variable cv_;
  uint64_t requested_ = 0;
  uint64_t completed_ = 0;
  uint64_t current_target_ = 0;  // ticket of the reload running now
  bool running_ = false;
  bool stop_ = false;
  std::thread thread_;
};

}  // namespace cordon::server

#endif  // CORDON_SERVER_RELOADER_H_
