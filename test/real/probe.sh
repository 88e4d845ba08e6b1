#!/bin/sh
# Runs inside a network namespace: probe.sh tcp HOST PORT COUNT TIMEOUT_S. Opens COUNT real TCP connections to
# HOST:PORT one after another with socat and prints one line per attempt: what the listener said ("who=... peer=...")
# or the error the kernel gave ("error=refused|timeout|unreachable|other"). (UDP goes through probe.mjs, which retries.)
proto=$1 host=$2 port=$3 count=$4 timeout=$5
i=0
while [ "$i" -lt "$count" ]; do
  if [ "$proto" = udp ]; then
    out=$(echo probe | socat -T"$timeout" - "UDP4:$host:$port" 2>&1)
  else
    out=$(socat -T"$timeout" - "TCP4:$host:$port,connect-timeout=$timeout" </dev/null 2>&1)
  fi
  case "$out" in
    *who=*) echo "$out" | grep -m1 'who=' ;;
    *"Connection refused"*) echo error=refused ;;
    *"No route to host"*|*"Network is unreachable"*) echo error=unreachable ;;
    *"timed out"*|"") echo error=timeout ;;
    *) echo "error=other $out" | head -1 ;;
  esac
  i=$((i + 1))
done
