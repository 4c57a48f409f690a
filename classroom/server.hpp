#pragma once
#include <memory>
#include <string>

#include "classroom/classroom.hpp"

namespace parley {

// The classroom over HTTP (cpp-httplib, Debian's libcpp-httplib-dev): three pages (a join page,
// the instructor's, a seat's) and a JSON API under /api/. A request proves who it is by its
// token in an "Authorization: Bearer TOKEN" header; the pages read the token from the link's
// fragment (#TOKEN), which browsers never send to a server or put in a referrer.
//
//   GET  /api/instructor/class                          every table, seats and tokens, live
//   POST /api/instructor/tables                         {"seats": {"PARTY": "person" | ...}}
//   POST /api/instructor/tables/T/seats/PARTY           {"seat": "person" | "agent[:MODEL]"}
//   POST /api/instructor/tables/T/clock, /api/instructor/clock   {"running": true | false}
//   POST /api/instructor/tables/T/inject                {"event": "EVENT_ID"}
//   GET  /api/seat                                      the caller's table, live
//   GET  /api/seat/brief                                the caller's brief (once per page)
//   POST /api/seat/move                                 {"action": ..., "terms" | "text": ...}
//
// Refused: no or wrong token 403, a seat's token on the instructor's API (or the other way)
// 403, an unknown path or table 404. Requests are answered one at a time on one thread
// (classroom/serial_executor.hpp); a move is answered after the store has it on disk.
class ClassroomServer {
 public:
  explicit ClassroomServer(Classroom& classroom);
  ~ClassroomServer();
  ClassroomServer(const ClassroomServer&) = delete;
  ClassroomServer& operator=(const ClassroomServer&) = delete;

  // Binds to host:port (port 0: any free one) and returns the port; throws std::runtime_error
  // when the address cannot be bound.
  int bind(const std::string& host, int port);
  // Serves until stop() (from another thread or a signal handler's thread).
  void listen();
  void stop();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace parley
