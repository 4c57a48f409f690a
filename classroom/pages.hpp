#pragma once

namespace parley {

// The classroom's pages: plain HTML with inline CSS and JavaScript, nothing loaded from any
// network (they work on a classroom LAN without the internet). Each reads its token from the
// link's fragment and polls the server's JSON API (classroom/server.hpp).
const char* join_page_html();        // "/": paste a join code
const char* instructor_page_html();  // "/instructor#TOKEN": every table, live
const char* seat_page_html();        // "/seat#TOKEN": one party's brief and table

}  // namespace parley
