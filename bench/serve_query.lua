-- wrk script for `neardup serve`: POST bodies built from a file of JSON
-- string literals (one article text per line, JSON-encoded).
--
--   wrk -t2 -c64 -d30s --latency -s bench/serve_query.lua URL -- TEXTS [ingest]
--
-- Default: POST /v1/query {"id": "q", "text": ...}. With "ingest":
-- POST /v1/ingest with ids unique per wrk thread and request ("w<t>-<n>").

local counter = 0
local threads = 0
local texts = {}
local path = "/v1/query"

function setup(thread)
  thread:set("tid", threads)
  threads = threads + 1
end

function init(args)
  for line in io.lines(args[1]) do
    texts[#texts + 1] = line
  end
  if args[2] == "ingest" then path = "/v1/ingest" end
  counter = 0
end

local headers = { ["Content-Type"] = "application/json" }

function request()
  counter = counter + 1
  local text = texts[(counter % #texts) + 1]
  local id = "q"
  if path == "/v1/ingest" then
    id = "w" .. tostring(tid) .. "-" .. tostring(counter)
  end
  return wrk.format("POST", path, headers,
                    '{"id":"' .. id .. '","text":' .. text .. '}')
end
