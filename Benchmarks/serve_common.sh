# Sourced by serve_load.sh and serve_schemathesis.sh. Needs $podium and $work.

# start_server INDEX [SERVE FLAGS…]: starts `podium serve` over INDEX on a free loopback port, its output
# in $work/serve.out and serve.err; sets server_pid and url. Exits if the server dies, prints no URL within
# 60 s, or listens anywhere but on loopback.
start_server() {
    local index=$1 me=${0##*/}
    shift
    "$podium" serve --index "$index" --port 0 "$@" >"$work/serve.out" 2>>"$work/serve.err" &
    server_pid=$!
    url=""
    for _ in $(seq 1 600); do
        url=$(sed -n 's|.*listening on \(http://[^ ]*\).*|\1|p' "$work/serve.out" | head -1)
        url=${url%/}
        [ -n "$url" ] && break
        kill -0 "$server_pid" 2>/dev/null || { echo "$me: the server exited" >&2; cat "$work/serve.err" >&2; exit 1; }
        sleep 0.1
    done
    [ -n "$url" ] || { echo "$me: the server printed no URL in 60 s" >&2; exit 1; }
    case "$url" in http://127.0.0.1:*) ;; *) echo "$me: not on loopback: $url" >&2; exit 1 ;; esac
}
