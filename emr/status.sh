#!/usr/bin/env bash
# Is the pipeline working, and does anything need a person? Reads the stack, then prints the
# cluster and its last steps — failed, cancelled and interrupted ones, and retried ones (an
# "attempt N" above 1 in the step's name) — the manifests under _wordfreq/failed/ (batches that
# failed every attempt), the depths of the jobs queue, its dead-letter queue, the events
# dead-letter queue (schedule and step-rule deliveries that failed) and the results queue, the
# trigger, the schedule, the alarms in ALARM and the last runs. Read-only.
#
#   emr/status.sh [--stack-name NAME] [--region R] [--steps N] [--runs N]
#
# Exit status 0 when nothing needs a person; 1 when a manifest is under _wordfreq/failed/, a
# dead-letter queue holds messages, an alarm is in ALARM, the trigger is not enabled, or the stack
# is missing or incomplete.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=emr/lib.sh
source "$here/emr/lib.sh"

common_options "$@"
steps=10
runs=5
set -- ${rest[@]+"${rest[@]}"}
while [[ $# -gt 0 ]]; do
  case "$1" in
    --steps) steps="${2:?--steps needs a number}"; shift 2 ;;
    --runs) runs="${2:?--runs needs a number}"; shift 2 ;;
    -h | --help) sed -n '2,16p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) die "unknown argument '$1' (usage: emr/status.sh [--stack-name NAME] [--region R] [--steps N] [--runs N])" ;;
  esac
done
wordfreq_setup aws jq
problems=0
problem() {
  echo "  ! $*"
  problems=$((problems + 1))
}

echo "== stack $stack ($region)"
status="$(stack_status "$stack")"
[[ -n "$status" ]] || { echo "  ! no stack $stack in $region (emr/deploy.sh --stack-name $stack --region $region)"; exit 1; }
echo "  $status"
[[ "$status" == *_COMPLETE && "$status" != *ROLLBACK* && "$status" != DELETE_* ]] || problem "stack $stack is $status"
stack_resources

echo "== cluster $stack"
clusters="$(active_clusters)"
[[ -n "$clusters" ]] || echo "  no active cluster: the next batch starts one (it ends itself when idle)"
while read -r id state; do
  [[ -n "$id" ]] || continue
  aws emr describe-cluster --cluster-id "$id" --output json | jq -r '.Cluster |
    "  \(.Id) \(.Status.State) \(.ReleaseLabel), log uri \(.LogUri // "none")"'
  listed="$(aws emr list-steps --cluster-id "$id" --output json)"
  echo "  last $steps steps:"
  jq -r --argjson n "$steps" '.Steps[:$n][] |
    "    \(.Id) \(.Status.State) \(.Name)\(if .Status.FailureDetails.Reason then " — " + .Status.FailureDetails.Reason else "" end)"' <<<"$listed" \
    | grep . || echo "    none yet"
  # A failed step is resubmitted by the step-status function up to the stack's MaxAttempts; after the
  # last one its manifest moves to _wordfreq/failed/ (checked below), which is what needs a person.
  jq -r '.Steps[] | select(.Status.State == "FAILED" or .Status.State == "CANCELLED" or .Status.State == "INTERRUPTED")
    | "  failed    \(.Id) \(.Status.State) \(.Name)"' <<<"$listed"
  jq -r '.Steps[] | select(.Name | test("attempt [2-9][0-9]*"; "i")) | "  retried   \(.Id) \(.Status.State) \(.Name)"' <<<"$listed"
done <<<"$clusters"

echo "== batches that failed every attempt (s3://${res[ProcessingBucket]}/_wordfreq/failed/)"
failed="$(aws s3api list-objects-v2 --bucket "${res[ProcessingBucket]}" --prefix _wordfreq/failed/ \
  --query 'Contents[].[Key, LastModified]' --output text 2>/dev/null | grep -v '^None$' || true)"
if [[ -n "$failed" ]]; then
  while IFS=$'\t' read -r key when; do
    problem "$key ($when): resubmit with wordfreq launch --retry-failed s3://${res[ProcessingBucket]}/$key"
  done <<<"$failed"
else
  echo "  none"
fi

echo "== queues (visible / in flight)"
for queue in JobsQueue JobsDeadLetterQueue EventsDeadLetterQueue ResultsQueue; do
  url="${res[$queue]:-}"
  if [[ -z "$url" ]]; then
    problem "$queue missing from the stack"
    continue
  fi
  depth="$(aws sqs get-queue-attributes --queue-url "$url" --attribute-names ApproximateNumberOfMessages ApproximateNumberOfMessagesNotVisible \
    --output json | jq -r '.Attributes | "\(.ApproximateNumberOfMessages) / \(.ApproximateNumberOfMessagesNotVisible)"')"
  printf '  %-22s %s\n' "${url##*/}" "$depth"
  if [[ "$queue" == *DeadLetterQueue && "${depth%% *}" != 0 ]]; then
    case "$queue" in
      JobsDeadLetterQueue) problem "${url##*/} holds upload events the launcher could not read or submit; see /aws/lambda/${res[LauncherFunction]}" ;;
      *) problem "${url##*/} holds nightly runs or step-status events that never reached their function" ;;
    esac
  fi
done

echo "== trigger and schedule"
if ! mapping="$(aws lambda list-event-source-mappings --function-name "${res[LauncherFunction]}" --output json 2>&1)"; then
  problem "the trigger of ${res[LauncherFunction]} is not readable: $(tail -n 1 <<<"$mapping")"
elif [[ "$(jq '.EventSourceMappings // [] | length' <<<"$mapping")" -gt 0 ]]; then
  jq -r '.EventSourceMappings[] | "  \(.FunctionArn | split(":") | last) <- \(.EventSourceArn | split(":") | last): \(.State), batch \(.BatchSize), window \(.MaximumBatchingWindowInSeconds) s"' <<<"$mapping"
  state="$(jq -r '.EventSourceMappings[0].State' <<<"$mapping")"
  [[ "$state" == Enabled ]] || problem "the trigger is $state: uploads wait on the jobs queue"
else
  problem "no trigger on ${res[LauncherFunction]}"
fi
if nightly="$(aws scheduler get-schedule --group-name "$stack" --name "$stack-nightly" --output json 2>/dev/null)"; then
  jq -r '"  \(.Name): \(.State), \(.ScheduleExpression) \(.ScheduleExpressionTimezone // "UTC"), dead letters to \(.Target.DeadLetterConfig.Arn // "nowhere" | split(":") | last)"' <<<"$nightly"
else
  echo "  schedule $stack/$stack-nightly not readable here"
fi

echo "== alarms in ALARM"
alarms="$(aws cloudwatch describe-alarms --alarm-name-prefix "$stack-" --state-value ALARM \
  --query 'MetricAlarms[].[AlarmName, AlarmDescription]' --output text 2>/dev/null || true)"
if [[ -n "$alarms" && "$alarms" != None ]]; then
  while IFS=$'\t' read -r name description; do problem "$name: $description"; done <<<"$alarms"
else
  echo "  none"
fi

echo "== last runs (${res[RunsTable]:-$stack-runs})"
# One item per run; run ids sort by time, so the newest are the largest.
aws dynamodb scan --table-name "${res[RunsTable]:-$stack-runs}" --output json \
  --projection-expression 'RunId, StartedAt, FilesOk, FilesFailed, WallSeconds' 2>/dev/null \
  | jq -r --argjson n "$runs" '[.Items[] | map_values(.S // .N)] | sort_by(.RunId) | reverse | .[:$n][] |
      "  \(.RunId) started \(.StartedAt // "?"): \(.FilesOk // "?") ok, \(.FilesFailed // "?") failed, \(.WallSeconds // "?") s"' \
  | grep . || echo "  no runs yet"

if [[ $problems -gt 0 ]]; then
  echo "status: $problems need a person"
  exit 1
fi
echo "status: ok"
