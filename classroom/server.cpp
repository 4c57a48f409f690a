#include "classroom/server.hpp"

#include <httplib.h>

#include <stdexcept>

#include "classroom/pages.hpp"
#include "classroom/serial_executor.hpp"

namespace parley {

using nlohmann::json;

struct ClassroomServer::Impl {
  Classroom* classroom;
  SerialExecutor executor;
  httplib::Server http;

  explicit Impl(Classroom& c) : classroom(&c) {}
};

namespace {
constexpr std::size_t kMaxBody = 64 * 1024;
constexpr std::size_t kThreads = 256;

void secure(httplib::Response& res) {
  res.set_header("Cache-Control", "no-store");
  res.set_header("X-Content-Type-Options", "nosniff");
  res.set_header("Referrer-Policy", "no-referrer");
  res.set_header("X-Frame-Options", "DENY");
  // The pages load nothing from anywhere: their scripts and styles are inline, and they talk
  // only to this server.
  res.set_header("Content-Security-Policy",
                 "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; "
                 "connect-src 'self'; img-src data:; form-action 'none'; base-uri 'none'; "
                 "frame-ancestors 'none'");
}

void send(httplib::Response& res, int status, const json& body) {
  secure(res);
  res.status = status;
  res.set_content(body.dump(), "application/json; charset=utf-8");
}

void error(httplib::Response& res, int status, const std::string& message) {
  send(res, status, {{"error", message}});
}

std::string bearer(const httplib::Request& req) {
  const std::string header = req.get_header_value("Authorization");
  const std::string prefix = "Bearer ";
  return header.rfind(prefix, 0) == 0 ? header.substr(prefix.size()) : std::string();
}

json body_of(const httplib::Request& req) {
  if (req.body.empty()) return json::object();
  json body = json::parse(req.body, nullptr, false);
  if (body.is_discarded()) throw TableError(400, "the request body is not JSON");
  return body;
}
}  // namespace

ClassroomServer::ClassroomServer(Classroom& classroom) : impl_(std::make_unique<Impl>(classroom)) {
  Impl& I = *impl_;
  I.http.set_payload_max_length(kMaxBody);
  // A kept-alive connection holds one of the pool's threads until it closes, and every open
  // page keeps one or more (a browser polls over the same connection): a pool of
  // cpp-httplib's default 8 threads would leave the ninth student waiting. The threads only
  // wait on sockets and on the executor, so many cost little.
  I.http.new_task_queue = [] { return new httplib::ThreadPool(kThreads); };
  // Headers and body go out in two writes: with Nagle's algorithm on, the body would wait for
  // the client's delayed acknowledgement of the headers (40 ms on Linux) on every answer.
  I.http.set_tcp_nodelay(true);
  I.http.set_keep_alive_max_count(1000);
  I.http.set_keep_alive_timeout(5);

  auto page = [](const char* (*html)()) {
    return [html](const httplib::Request&, httplib::Response& res) {
      secure(res);
      res.set_content(html(), "text/html; charset=utf-8");
    };
  };
  I.http.Get("/", page(&join_page_html));
  I.http.Get("/instructor", page(&instructor_page_html));
  I.http.Get("/seat", page(&seat_page_html));

  // Every API call: who is calling, then the answer, computed on the executor's thread.
  enum class Who { Instructor, Seat };
  auto api = [&I](Who who, auto handler) {
    return [&I, who, handler](const httplib::Request& req, httplib::Response& res) {
      try {
        const std::string token = bearer(req);
        const json answer = I.executor.run([&]() -> json {
          const Caller caller = I.classroom->identify(token);
          if (caller.role == Caller::Role::Nobody)
            throw TableError(403, "no valid token: open the link you were given");
          if (who == Who::Instructor && caller.role != Caller::Role::Instructor)
            throw TableError(403, "only the instructor may do this");
          if (who == Who::Seat && caller.role != Caller::Role::Seat)
            throw TableError(403, "only a seat's own link may do this");
          return handler(*I.classroom, caller, req);
        });
        send(res, 200, answer);
      } catch (const TableError& e) {
        error(res, e.status, e.what());
      } catch (const std::exception& e) {
        error(res, 500, std::string("the server could not do this: ") + e.what());
      }
    };
  };
  using Req = const httplib::Request&;
  I.http.Get("/api/instructor/class",
             api(Who::Instructor, [](Classroom& c, const Caller&, Req) { return c.class_view(); }));
  I.http.Post("/api/instructor/tables",
              api(Who::Instructor,
                  [](Classroom& c, const Caller&, Req r) { return c.create_table(body_of(r)); }));
  I.http.Post(R"(/api/instructor/tables/([A-Za-z0-9_-]{1,40})/seats/([A-Za-z0-9_.-]{1,80}))",
              api(Who::Instructor, [](Classroom& c, const Caller&, Req r) {
                return c.assign_seat(r.matches[1], r.matches[2], body_of(r));
              }));
  auto clock = [](Classroom& c, const std::string& table, Req r) {
    const json body = body_of(r);
    if (!body.is_object() || !body.contains("running") || !body["running"].is_boolean())
      throw TableError(400, "expected {\"running\": true | false}");
    return c.set_clock(table, body["running"].get<bool>());
  };
  I.http.Post(R"(/api/instructor/tables/([A-Za-z0-9_-]{1,40})/clock)",
              api(Who::Instructor, [clock](Classroom& c, const Caller&, Req r) {
                return clock(c, r.matches[1], r);
              }));
  I.http.Post("/api/instructor/clock",
              api(Who::Instructor,
                  [clock](Classroom& c, const Caller&, Req r) { return clock(c, "", r); }));
  I.http.Post(R"(/api/instructor/tables/([A-Za-z0-9_-]{1,40})/inject)",
              api(Who::Instructor, [](Classroom& c, const Caller&, Req r) {
                const json body = body_of(r);
                if (!body.is_object() || !body.contains("event") || !body["event"].is_string())
                  throw TableError(400, "expected {\"event\": \"EVENT_ID\"}");
                return c.inject(r.matches[1], body["event"].get<std::string>());
              }));
  I.http.Get("/api/seat",
             api(Who::Seat, [](Classroom& c, const Caller& who, Req) { return c.seat_view(who); }));
  I.http.Get("/api/seat/brief", api(Who::Seat, [](Classroom& c, const Caller& who, Req) {
               return c.seat_brief(who);
             }));
  I.http.Post("/api/seat/move", api(Who::Seat, [](Classroom& c, const Caller& who, Req r) {
                return c.move(who, body_of(r));
              }));

  // Anything else: not found, the same answer whether or not a token came with it.
  auto nothing = [](const httplib::Request&, httplib::Response& res) {
    error(res, 404, "nothing here");
  };
  I.http.Get(".*", nothing);
  I.http.Post(".*", nothing);
  I.http.Put(".*", nothing);
  I.http.Delete(".*", nothing);
  I.http.Patch(".*", nothing);
}

ClassroomServer::~ClassroomServer() {
  stop();
}

int ClassroomServer::bind(const std::string& host, int port) {
  const int bound = port == 0 ? impl_->http.bind_to_any_port(host.c_str())
                              : (impl_->http.bind_to_port(host.c_str(), port) ? port : -1);
  if (bound < 0)
    throw std::runtime_error("cannot listen on " + host + ":" + std::to_string(port) +
                             " (in use, or not an address of this machine)");
  return bound;
}

void ClassroomServer::listen() {
  impl_->http.listen_after_bind();
}

void ClassroomServer::stop() {
  impl_->http.stop();
}

}  // namespace parley
