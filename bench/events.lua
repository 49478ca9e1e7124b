-- wrk script of bench/events.sh: POST /backend/followup/events with a fresh body per request, every
-- event a lead.status_changed into the trigger status for a lead never seen before (unique event_id and
-- lead_id: run, thread and counter), so each one enrolls a new lead. The rest of the settings come from
-- the environment: BACKEND_TOKEN, ASSISTANT, CHANNEL, STATUS.
-- Arguments (after --): RUN (a name unique per wrk run: ids repeated from another run are duplicates, not enrollments), SIZE (1: a single event object; more: a JSON
-- array of SIZE events), and optionally DUMP, a file the first body is written to, to check it.
-- done() prints "events sent: N": the events of every request written, those still in flight when the
-- run ended too (the service finishes them), to compare with the rows in the enrollment table. wrk builds
-- one request on the first thread before the run to check the script, and never sends it: that one is
-- not counted, and it is the body DUMP gets, so a check may post it itself.
local threads = {}

function setup(thread)
  thread:set("tid", #threads)
  table.insert(threads, thread)
end

function init(args)
  run = args[1]
  size = tonumber(args[2])
  dump = args[3]
  sent = 0
  wrk.method = "POST"
  wrk.headers["Authorization"] = "Bearer " .. os.getenv("BACKEND_TOKEN")
  wrk.headers["Content-Type"] = "application/json"
  event = '{"event_id": "e-%s", "type": "lead.status_changed", "assistant_id": "' .. os.getenv("ASSISTANT")
    .. '", "lead_id": "l-%s", "channel_id": "' .. os.getenv("CHANNEL") .. '", "status_id": "' .. os.getenv("STATUS")
    .. '", "occurred_at": "%s", "lead": {"first_name": "Ana", "phone": "+5511988887777"}}'
end

function request()
  -- now: the first step is due 30 minutes after occurred_at, so no step job runs during the bench
  local now = os.date("!%Y-%m-%dT%H:%M:%SZ")
  local events = {}
  for i = 1, size do
    sent = sent + 1
    local id = run .. "-" .. tid .. "-" .. sent
    events[i] = string.format(event, id, id, now)
  end
  local body = size == 1 and events[1] or "[" .. table.concat(events, ", ") .. "]"
  if dump then
    local file = io.open(dump, "w")
    file:write(body)
    file:close()
    dump = nil
  end
  return wrk.format(nil, nil, nil, body)
end

function done(summary, latency, requests)
  local total = 0
  for _, thread in ipairs(threads) do
    total = total + thread:get("sent")
  end
  io.write(string.format("events sent: %d\n", total - threads[1]:get("size")))
end
