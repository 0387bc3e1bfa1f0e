#!/usr/bin/env bash
# Removes a wordfreq stack: ends its active cluster, empties its logs bucket, deletes the stack.
# The data (the uploads and processing buckets, the results and runs tables) is kept — the stack
# retains them — unless --delete-data: then every version in the buckets and the tables go too, and
# the bootstrap stack wordfreq-artifacts once no other wordfreq stack of the region uses it.
#
#   emr/teardown.sh [--stack-name NAME] [--region R] [--delete-data]
#
# Running it again is fine: what is gone is reported as absent.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=emr/lib.sh
source "$here/emr/lib.sh"

common_options "$@"
delete_data=false
for arg in "${rest[@]}"; do
  case "$arg" in
    --delete-data) delete_data=true ;;
    -h | --help) sed -n '2,9p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) die "unknown argument '$arg' (usage: emr/teardown.sh [--stack-name NAME] [--region R] [--delete-data])" ;;
  esac
done
wordfreq_setup aws jq
echo "removing stack $stack from account $account, region $region"

# Every object version and delete marker, 1000 a request; with "delete", then the bucket.
empty_bucket() { # bucket [delete]
  if ! aws s3api head-bucket --bucket "$1" >/dev/null 2>&1; then
    echo "absent    bucket $1"
    return
  fi
  local batch
  while batch="$(aws s3api list-object-versions --bucket "$1" --max-items 1000 --output json \
    | jq -c '{Objects: ([(.Versions // [])[], (.DeleteMarkers // [])[] | {Key, VersionId}]), Quiet: true}')" \
    && [[ "$(jq '.Objects | length' <<<"$batch")" -gt 0 ]]; do
    aws s3api delete-objects --bucket "$1" --delete "$batch" >/dev/null
  done
  if [[ "${2:-}" == delete ]]; then
    aws s3api delete-bucket --bucket "$1"
    echo "removed   bucket $1"
  else
    echo "emptied   bucket $1"
  fi
}

echo "== cluster"
clusters="$(active_clusters)"
[[ -n "$clusters" ]] || echo "absent    active cluster $stack"
terminating=()
while read -r id state; do
  [[ -n "$id" ]] || continue
  aws emr terminate-clusters --cluster-ids "$id"
  echo "ending    cluster $id (was $state)"
  terminating+=("$id")
done <<<"$clusters"
# EMR needs the stack's service role to release the nodes, and pushes its last logs into the logs
# bucket: both go only once the clusters have ended.
for id in "${terminating[@]}"; do
  echo "waiting for cluster $id to terminate ..."
  aws emr wait cluster-terminated --cluster-id "$id" || die "cluster $id did not terminate (see the EMR console); run teardown.sh again once it has"
done

uploads="$stack-uploads-$account-$region"
processing="$stack-processing-$account-$region"
echo "== stack $stack"
if [[ -n "$(stack_status "$stack")" ]]; then
  empty_bucket "$stack-logs-$account-$region"
  if $delete_data; then
    empty_bucket "$uploads"
    empty_bucket "$processing"
  fi
  aws cloudformation delete-stack --stack-name "$stack"
  aws cloudformation wait stack-delete-complete --stack-name "$stack" \
    || die "stack $stack not deleted: see aws cloudformation describe-stack-events --stack-name $stack"
  echo "removed   stack $stack"
else
  echo "absent    stack $stack"
fi

echo "== data"
tables=("$stack" "$stack-runs")
if $delete_data; then
  empty_bucket "$uploads" delete
  empty_bucket "$processing" delete
  for table in "${tables[@]}"; do
    if aws dynamodb describe-table --table-name "$table" >/dev/null 2>&1; then
      # The template protects both tables from deletion; asked to delete the data, lift it first.
      aws dynamodb update-table --table-name "$table" --no-deletion-protection-enabled >/dev/null
      aws dynamodb delete-table --table-name "$table" >/dev/null
      echo "removed   table $table"
    else
      echo "absent    table $table"
    fi
  done
  # The artifacts stack serves every wordfreq stack of the region: it goes with the last of them.
  users="$(aws cloudformation describe-stacks --output json | jq -r --arg bucket "$artifacts_bucket" \
    '[.Stacks[] | select(.StackStatus != "DELETE_COMPLETE") | select(any(.Parameters[]?; .ParameterValue == $bucket)) | .StackName] | join(" ")')"
  if [[ -n "$users" ]]; then
    echo "kept      stack $artifacts_stack (used by: $users)"
  elif [[ -n "$(stack_status "$artifacts_stack")" ]]; then
    empty_bucket "$artifacts_bucket"
    aws cloudformation delete-stack --stack-name "$artifacts_stack"
    aws cloudformation wait stack-delete-complete --stack-name "$artifacts_stack"
    echo "removed   stack $artifacts_stack"
  fi
else
  for bucket in "$uploads" "$processing"; do
    ! aws s3api head-bucket --bucket "$bucket" >/dev/null 2>&1 || echo "kept      bucket $bucket"
  done
  # The kept processing bucket still names the deleted jobs queue.
  if aws s3api head-bucket --bucket "$processing" >/dev/null 2>&1; then
    aws s3api put-bucket-notification-configuration --bucket "$processing" --notification-configuration '{}'
    echo "removed   its notification to the deleted jobs queue"
  fi
  for table in "${tables[@]}"; do
    ! aws dynamodb describe-table --table-name "$table" >/dev/null 2>&1 || echo "kept      table $table"
  done
  echo "(data kept: emr/teardown.sh --stack-name $stack --delete-data removes the buckets, every version, and the tables)"
fi
echo "teardown: done"
