#!/usr/bin/env bash
# Removes what emr/deploy.sh created: the schedule, the event source mapping, the functions, the
# roles and instance profile, the queues, the code bucket (jar and EMR logs), and ends the active
# wordfreq cluster. The data — the uploads and processing buckets and the results table — is kept
# (the processing bucket loses its notification to the removed jobs queue) unless --delete-data.
#
#   emr/teardown.sh [--delete-data]
#
# What is already gone is reported as absent; running it twice is fine.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=emr/lib.sh
source "$here/emr/lib.sh"

delete_data=false
for arg in "$@"; do
  case "$arg" in
    --delete-data) delete_data=true ;;
    -h | --help) sed -n '2,9p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) die "unknown argument '$arg' (usage: emr/teardown.sh [--delete-data])" ;;
  esac
done
wordfreq_setup aws jq
echo "removing wordfreq from account $account, region $region"

# Every object version and delete marker, 1000 a request, then the bucket.
remove_bucket() {
  if ! aws s3api head-bucket --bucket "$1" >/dev/null 2>&1; then
    report absent "bucket $1"
    return
  fi
  local batch
  while batch="$(aws s3api list-object-versions --bucket "$1" --max-items 1000 --output json \
    | jq -c '{Objects: ([(.Versions // [])[], (.DeleteMarkers // [])[] | {Key, VersionId}]), Quiet: true}')" \
    && [[ "$(jq '.Objects | length' <<<"$batch")" -gt 0 ]]; do
    aws s3api delete-objects --bucket "$1" --delete "$batch" >/dev/null
  done
  aws s3api delete-bucket --bucket "$1"
  report removed "bucket $1"
}

echo "== schedule and trigger"
if aws scheduler get-schedule --name "$schedule" >/dev/null 2>&1; then
  aws scheduler delete-schedule --name "$schedule"
  report removed "schedule $schedule"
else
  report absent "schedule $schedule"
fi
mappings="$(aws lambda list-event-source-mappings --function-name wordfreq-launcher --query 'EventSourceMappings[].UUID' --output text 2>/dev/null || true)"
for uuid in $mappings; do
  [[ "$uuid" != None ]] || continue
  aws lambda delete-event-source-mapping --uuid "$uuid" >/dev/null
  report removed "event source mapping $uuid"
done

echo "== functions"
for function in "${functions[@]}"; do
  if aws lambda get-function --function-name "$function" >/dev/null 2>&1; then
    aws lambda delete-function --function-name "$function" >/dev/null
    report removed "function $function"
  else
    report absent "function $function"
  fi
done

echo "== cluster"
clusters="$(active_clusters)"
[[ -n "$clusters" ]] || report absent "active cluster $cluster_name"
terminating=()
while read -r id state; do
  [[ -n "$id" ]] || continue
  aws emr terminate-clusters --cluster-ids "$id"
  report removed "cluster $id (was $state; terminating)"
  terminating+=("$id")
done <<<"$clusters"
# EMR needs its service role to release the nodes, and pushes the last logs into the code bucket:
# both go only once the clusters have ended.
for id in "${terminating[@]}"; do
  echo "waiting for cluster $id to terminate ..."
  aws emr wait cluster-terminated --cluster-id "$id" || die "cluster $id did not terminate (see the EMR console); run teardown.sh again once it has"
done

echo "== IAM"
if aws iam get-instance-profile --instance-profile-name wordfreq-emr-instance >/dev/null 2>&1; then
  for role in $(aws iam get-instance-profile --instance-profile-name wordfreq-emr-instance --query 'InstanceProfile.Roles[].RoleName' --output text); do
    aws iam remove-role-from-instance-profile --instance-profile-name wordfreq-emr-instance --role-name "$role"
  done
  aws iam delete-instance-profile --instance-profile-name wordfreq-emr-instance
  report removed "instance profile wordfreq-emr-instance"
else
  report absent "instance profile wordfreq-emr-instance"
fi
for role in "${roles[@]}"; do
  if ! aws iam get-role --role-name "$role" >/dev/null 2>&1; then
    report absent "role $role"
    continue
  fi
  for policy in $(aws iam list-role-policies --role-name "$role" --query 'PolicyNames[]' --output text); do
    aws iam delete-role-policy --role-name "$role" --policy-name "$policy"
  done
  for arn in $(aws iam list-attached-role-policies --role-name "$role" --query 'AttachedPolicies[].PolicyArn' --output text); do
    aws iam detach-role-policy --role-name "$role" --policy-arn "$arn"
  done
  aws iam delete-role --role-name "$role"
  report removed "role $role"
done

echo "== queues"
for queue in "$jobs_queue" "$dlq" "$results_queue"; do
  if url="$(queue_url "$queue")"; then
    aws sqs delete-queue --queue-url "$url"
    report removed "queue $queue"
  else
    report absent "queue $queue"
  fi
done

echo "== buckets and table"
remove_bucket "$code_bucket"
if $delete_data; then
  remove_bucket "$upload_bucket"
  remove_bucket "$processing_bucket"
  for t in "$table" "$runs_table"; do
    if aws dynamodb describe-table --table-name "$t" >/dev/null 2>&1; then
      aws dynamodb delete-table --table-name "$t" >/dev/null
      report removed "table $t"
    else
      report absent "table $t"
    fi
  done
else
  for bucket in "$upload_bucket" "$processing_bucket"; do
    if aws s3api head-bucket --bucket "$bucket" >/dev/null 2>&1; then
      report kept "bucket $bucket"
    fi
  done
  if aws s3api head-bucket --bucket "$processing_bucket" >/dev/null 2>&1; then
    aws s3api put-bucket-notification-configuration --bucket "$processing_bucket" --notification-configuration '{}'
    report removed "  its notification to $jobs_queue"
  fi
  if aws dynamodb describe-table --table-name "$table" >/dev/null 2>&1; then
    report kept "table $table"
  fi
  echo "(data kept: emr/teardown.sh --delete-data removes the uploads and processing buckets, every version, and the tables)"
fi
echo "teardown: done"
