#!/usr/bin/env bash
# Is the pipeline working? Prints the cluster and its managed scaling policy, its last steps and
# their states, the depths of the jobs queue, its DLQ and the results queue, the trigger and the
# schedule, and the last runs (from the runs table, when there is one). Read-only.
#
#   emr/status.sh [--steps N] [--runs N]
#
# Exit status 0 when everything deployed is there, 1 when a part is missing or messages sit in the DLQ.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=emr/lib.sh
source "$here/emr/lib.sh"

steps=5
runs=5
while [[ $# -gt 0 ]]; do
  case "$1" in
    --steps) steps="${2:?--steps needs a number}"; shift 2 ;;
    --runs) runs="${2:?--runs needs a number}"; shift 2 ;;
    -h | --help) sed -n '2,8p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) die "unknown argument '$1' (usage: emr/status.sh [--steps N] [--runs N])" ;;
  esac
done
wordfreq_setup aws jq
problems=0
problem() {
  echo "  ! $*"
  problems=$((problems + 1))
}

echo "== cluster $cluster_name ($region)"
clusters="$(active_clusters)"
if [[ -z "$clusters" ]]; then
  echo "  no active cluster: the next batch starts one (the cluster ends itself after its idle timeout)"
fi
while read -r id state; do
  [[ -n "$id" ]] || continue
  aws emr describe-cluster --cluster-id "$id" --output json | jq -r '.Cluster |
    "  \(.Id) \(.Status.State) \(.ReleaseLabel) since \(.Status.Timeline.CreationDateTime | if type == "number" then (floor | todate) else (. // "?") end)\n  log uri: \(.LogUri // "none")"'
  if policy="$(aws emr get-managed-scaling-policy --cluster-id "$id" --output json 2>&1)"; then
    jq -r '.ManagedScalingPolicy.ComputeLimits // empty | "  managed scaling: \(.UnitType) \(.MinimumCapacityUnits)-\(.MaximumCapacityUnits), on-demand up to \(.MaximumOnDemandCapacityUnits), core up to \(.MaximumCoreCapacityUnits)"' <<<"$policy"
    jq -e '.ManagedScalingPolicy.ComputeLimits' <<<"$policy" >/dev/null || echo "  managed scaling: none (the launcher sets it with its next step)"
  else
    echo "  managed scaling: not readable ($(grep -m 1 -o 'An error occurred.*' <<<"$policy" | cut -c 1-160))"
  fi
  echo "  last $steps steps ($state):"
  aws emr list-steps --cluster-id "$id" --output json | jq -r --argjson n "$steps" '.Steps[:$n][] |
    "    \(.Id) \(.Status.State) \(.Name)\(if .Status.FailureDetails.Reason then " — " + .Status.FailureDetails.Reason else "" end)"'
done <<<"$clusters"

echo "== queues (visible / in flight)"
for queue in "$jobs_queue" "$dlq" "$results_queue"; do
  if url="$(queue_url "$queue")"; then
    depth="$(aws sqs get-queue-attributes --queue-url "$url" --attribute-names ApproximateNumberOfMessages ApproximateNumberOfMessagesNotVisible \
      --output json | jq -r '.Attributes | "\(.ApproximateNumberOfMessages) / \(.ApproximateNumberOfMessagesNotVisible)"')"
    printf '  %-18s %s\n' "$queue" "$depth"
    if [[ "$queue" == "$dlq" && "${depth%% *}" != 0 ]]; then
      problem "$dlq holds messages the launcher could not read or submit; see the launcher's log (/aws/lambda/wordfreq-launcher)"
    fi
  else
    problem "queue $queue missing (run emr/deploy.sh)"
  fi
done

echo "== trigger and schedule"
if mapping="$(aws lambda list-event-source-mappings --function-name wordfreq-launcher --output json 2>/dev/null)" \
  && [[ "$(jq '.EventSourceMappings | length' <<<"$mapping")" -gt 0 ]]; then
  jq -r '.EventSourceMappings[] | "  wordfreq-launcher <- \(.EventSourceArn | split(":") | last): \(.State), batch \(.BatchSize), window \(.MaximumBatchingWindowInSeconds) s, last result: \(.LastProcessingResult // "none")"' <<<"$mapping"
else
  problem "function wordfreq-launcher or its event source mapping missing (run emr/deploy.sh)"
fi
if nightly="$(aws scheduler get-schedule --name "$schedule" --output json 2>/dev/null)"; then
  jq -r '"  \(.Name): \(.State), \(.ScheduleExpression) \(.ScheduleExpressionTimezone // "UTC") -> \(.Target.Arn | split(":") | last)"' <<<"$nightly"
else
  problem "schedule $schedule missing (run emr/deploy.sh)"
fi

echo "== last runs ($runs_table)"
if aws dynamodb describe-table --table-name "$runs_table" >/dev/null 2>&1; then
  # One item per run; run ids sort by time, so the newest are the largest.
  aws dynamodb scan --table-name "$runs_table" --output json \
    --projection-expression 'RunId, StartedAt, FilesOk, FilesFailed, WallSeconds' \
    | jq -r --argjson n "$runs" '[.Items[] | map_values(.S // .N)] | sort_by(.RunId) | reverse | .[:$n][] |
        "  \(.RunId) started \(.StartedAt // "?"): \(.FilesOk // "?") ok, \(.FilesFailed // "?") failed, \(.WallSeconds // "?") s"' \
    | grep . || echo "  no runs yet"
else
  echo "  no runs table yet (the count job's run summaries go to $runs_table)"
fi

if [[ $problems -gt 0 ]]; then
  echo "status: $problems problem(s)"
  exit 1
fi
echo "status: ok"
