#!/usr/bin/env bash
# Takes an AWS account (empty or not) to a working wordfreq pipeline, idempotently: each part is
# created when missing and set when it differs from what is asked; a second run changes nothing.
# It prints one line per part: created, changed or unchanged.
#
#   emr/deploy.sh [--skip-build]
#
#   uploads bucket     versioning, SSE-S3, public access blocked, to Glacier after 30 days
#   processing bucket  same but no Glacier (the nightly step reads it); ObjectCreated:* *.txt -> jobs queue
#   code bucket        the job jar (target/wordfreq.jar), EMR logs under logs/
#   queues             wordfreq-jobs (SSE, DLQ wordfreq-jobs-dlq after 5 receives, only the processing
#                      bucket may send), wordfreq-results
#   table              on-demand, point-in-time recovery; and its runs table (<table>-runs)
#   IAM                wordfreq-emr-service, wordfreq-emr-instance (+ instance profile), wordfreq-launcher,
#                      wordfreq-nightly, wordfreq-scheduler
#   Lambda             wordfreq-launcher on the jobs queue, wordfreq-nightly on a 02:00 UTC schedule
#
# The EMR cluster is not created here: the launcher starts it (RunJobFlow) with the first batch, and it
# ends itself after 30 idle minutes. Its definition (emr/cluster.json plus LogUri and the subnet) goes
# into the Lambda package. Names: see emr/lib.sh. Needs aws, jq, zip, openssl and (unless --skip-build) mvn.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=emr/lib.sh
source "$here/emr/lib.sh"

build=true
for arg in "$@"; do
  case "$arg" in
    --skip-build) build=false ;;
    -h | --help) sed -n '2,22p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) die "unknown argument '$arg' (usage: emr/deploy.sh [--skip-build])" ;;
  esac
done

if $build; then wordfreq_setup aws jq zip openssl mvn; else wordfreq_setup aws jq zip openssl; fi
cd "$here"
work="$here/target/deploy"
mkdir -p "$work"
echo "deploying wordfreq to account $account, region $region"

# ---- buckets -------------------------------------------------------------------------------------

versioning_get() { aws s3api get-bucket-versioning --bucket "$1" --query '{Status: Status}'; }
versioning_set() { aws s3api put-bucket-versioning --bucket "$2" --versioning-configuration "$1"; }
encryption_get() {
  aws s3api get-bucket-encryption --bucket "$1" --query 'ServerSideEncryptionConfiguration.Rules[0].ApplyServerSideEncryptionByDefault'
}
encryption_set() {
  aws s3api put-bucket-encryption --bucket "$2" \
    --server-side-encryption-configuration "{\"Rules\":[{\"ApplyServerSideEncryptionByDefault\":$1}]}"
}
public_access_get() { aws s3api get-public-access-block --bucket "$1" --query PublicAccessBlockConfiguration; }
public_access_set() { aws s3api put-public-access-block --bucket "$2" --public-access-block-configuration "$1"; }
lifecycle_get() { aws s3api get-bucket-lifecycle-configuration --bucket "$1" --query '{Rules: Rules}'; }
lifecycle_set() { aws s3api put-bucket-lifecycle-configuration --bucket "$2" --lifecycle-configuration "$1"; }

bucket() { # name lifecycle-template
  if aws s3api head-bucket --bucket "$1" >/dev/null 2>&1; then
    report unchanged "bucket $1"
  elif [[ "$region" == us-east-1 ]]; then
    aws s3api create-bucket --bucket "$1" >/dev/null
    report created "bucket $1"
  else
    aws s3api create-bucket --bucket "$1" --create-bucket-configuration "LocationConstraint=$region" >/dev/null
    report created "bucket $1"
  fi
  ensure "  versioning" '{"Status":"Enabled"}' versioning_get versioning_set "$1"
  ensure "  default encryption (SSE-S3)" '{"SSEAlgorithm":"AES256"}' encryption_get encryption_set "$1"
  ensure "  public access block" \
    '{"BlockPublicAcls":true,"IgnorePublicAcls":true,"BlockPublicPolicy":true,"RestrictPublicBuckets":true}' \
    public_access_get public_access_set "$1"
  ensure "  lifecycle ($(basename "$2"))" "$(fill "$2")" lifecycle_get lifecycle_set "$1"
}

echo "== buckets"
bucket "$upload_bucket" emr/lifecycle-uploads.json
bucket "$processing_bucket" emr/lifecycle-processing.json
bucket "$code_bucket" emr/lifecycle-code.json

# ---- queues --------------------------------------------------------------------------------------

attributes_get() { # url keys-json
  aws sqs get-queue-attributes --queue-url "$1" --attribute-names All --query Attributes --output json \
    | jq --argjson keys "$2" 'with_entries(select(.key as $k | $keys | index($k)))'
}
attributes_set() { aws sqs set-queue-attributes --queue-url "$2" --attributes "$1"; }

queue() { # name attributes-json; sets queue_url_out and queue_arn_out
  local url
  if url="$(queue_url "$1")"; then
    report unchanged "queue $1"
  else
    url="$(aws sqs create-queue --queue-name "$1" --attributes "$2" --query QueueUrl --output text)"
    report created "queue $1"
  fi
  ensure "  attributes $(jq -r 'keys | join(", ")' <<<"$2")" "$2" attributes_get attributes_set "$url" "$(jq -c keys <<<"$2")"
  queue_url_out="$url"
  queue_arn_out="$(aws sqs get-queue-attributes --queue-url "$url" --attribute-names QueueArn --query Attributes.QueueArn --output text)"
}

echo "== queues"
queue "$dlq" '{"SqsManagedSseEnabled":"true","MessageRetentionPeriod":"1209600"}'
dlq_arn="$queue_arn_out"
# Visibility timeout: 6 x the launcher function's timeout (60 s) + the batching window (60 s), as
# Lambda asks of an SQS trigger.
queue "$jobs_queue" "$(jq -nc --arg dlq "$dlq_arn" --arg policy "$(fill emr/jobs-queue-policy.json | jq -c .)" '{
  SqsManagedSseEnabled: "true", VisibilityTimeout: "420", MessageRetentionPeriod: "1209600",
  RedrivePolicy: ({deadLetterTargetArn: $dlq, maxReceiveCount: 5} | tojson), Policy: $policy}')"
jobs_arn="$queue_arn_out"
queue "$results_queue" '{"SqsManagedSseEnabled":"true"}'
results_url="$queue_url_out"

# The notification after the queue policy: S3 checks that it may send to the queue.
notification_get() { aws s3api get-bucket-notification-configuration --bucket "$1" --output json | jq '.QueueConfigurations[]?.Filter.Key.FilterRules[]?.Name |= ascii_downcase'; }
# S3 checks that the queue's policy lets it send, which a policy set seconds ago may not yet show.
notification_set() {
  retrying 'Unable to validate the following destination configurations' \
    aws s3api put-bucket-notification-configuration --bucket "$2" --notification-configuration "$1"
}
ensure "bucket $processing_bucket: ObjectCreated:* *.txt -> $jobs_queue" "$(fill emr/processing-notification.json)" \
  notification_get notification_set "$processing_bucket"

# ---- table ---------------------------------------------------------------------------------------

echo "== table"
if aws dynamodb describe-table --table-name "$table" >/dev/null 2>&1; then
  # shellcheck disable=SC2016 # a JMESPath literal, not a shell expansion
  report unchanged "table $table ($(aws dynamodb describe-table --table-name "$table" \
    --query 'Table.BillingModeSummary.BillingMode || `PROVISIONED`' --output text))"
else
  aws dynamodb create-table --table-name "$table" --billing-mode PAY_PER_REQUEST \
    --attribute-definitions AttributeName=Filename,AttributeType=S --key-schema AttributeName=Filename,KeyType=HASH \
    --tags Key=project,Value=wordfreq >/dev/null
  aws dynamodb wait table-exists --table-name "$table"
  report created "table $table (on-demand)"
fi
pitr_get() {
  aws dynamodb describe-continuous-backups --table-name "$1" \
    --query '{Status: ContinuousBackupsDescription.PointInTimeRecoveryDescription.PointInTimeRecoveryStatus}'
}
pitr_set() { aws dynamodb update-continuous-backups --table-name "$2" --point-in-time-recovery-specification PointInTimeRecoveryEnabled=true; }
ensure "  point-in-time recovery" '{"Status":"ENABLED"}' pitr_get pitr_set "$table"
# The count job's run summaries (wordfreq runs, the notebooks): one small item per run.
if aws dynamodb describe-table --table-name "$runs_table" >/dev/null 2>&1; then
  report unchanged "table $runs_table"
else
  aws dynamodb create-table --table-name "$runs_table" --billing-mode PAY_PER_REQUEST \
    --attribute-definitions AttributeName=RunId,AttributeType=S --key-schema AttributeName=RunId,KeyType=HASH \
    --tags Key=project,Value=wordfreq >/dev/null
  aws dynamodb wait table-exists --table-name "$runs_table"
  report created "table $runs_table (on-demand)"
fi

# ---- the job jar and the Lambda package ----------------------------------------------------------

echo "== code"
if $build; then
  echo "building: mvn -B -q package -DskipTests"
  mvn -B -q package -DskipTests
fi
for built in target/wordfreq.jar target/classpath.txt target/classes/io/wordfreq/launcher/aws/LaunchLambdaHandler.class; do
  [[ -f "$built" ]] || die "$built missing: build first (mvn -B package -DskipTests), or run without --skip-build"
done

jar_sha="$(sha256sum target/wordfreq.jar | cut -d' ' -f1)"
if [[ "$(aws s3api head-object --bucket "$code_bucket" --key wordfreq.jar --query Metadata.sha256 --output text 2>/dev/null)" == "$jar_sha" ]]; then
  report unchanged "s3://$code_bucket/wordfreq.jar (sha256 ${jar_sha:0:12})"
else
  aws s3 cp target/wordfreq.jar "s3://$code_bucket/wordfreq.jar" --metadata "sha256=$jar_sha" --only-show-errors
  report changed "s3://$code_bucket/wordfreq.jar (sha256 ${jar_sha:0:12})"
fi

# The cluster the launcher creates: emr/cluster.json with LogUri and a subnet. AWS's v2 EMR service
# policy launches only into a subnet tagged for-use-with-amazon-emr-managed-policies=true, creates
# its default security groups only in a VPC with that tag, and manages only groups that carry it.
subnet="${WORDFREQ_SUBNET_ID:-$(aws ec2 describe-subnets --filters Name=default-for-az,Values=true \
  --query 'sort_by(Subnets, &AvailabilityZone)[0].SubnetId' --output text)}"
[[ -n "$subnet" && "$subnet" != None ]] || die "no default VPC subnet in $region: set WORDFREQ_SUBNET_ID to the subnet the cluster runs in"
vpc="$(aws ec2 describe-subnets --subnet-ids "$subnet" --query 'Subnets[0].VpcId' --output text)"
tag_for_emr() { # resource-id what
  if [[ "$(aws ec2 describe-tags --filters "Name=resource-id,Values=$1" "Name=key,Values=for-use-with-amazon-emr-managed-policies" \
    --query 'Tags[0].Value' --output text)" == true ]]; then
    report unchanged "$2 $1 tagged for-use-with-amazon-emr-managed-policies"
  else
    aws ec2 create-tags --resources "$1" --tags Key=for-use-with-amazon-emr-managed-policies,Value=true
    report changed "$2 $1 tagged for-use-with-amazon-emr-managed-policies"
  fi
}
tag_for_emr "$subnet" subnet
tag_for_emr "$vpc" vpc
# EMR's default groups, where an earlier cluster in this VPC created them without the tag.
for group in $(aws ec2 describe-security-groups --filters "Name=vpc-id,Values=$vpc" \
  "Name=group-name,Values=ElasticMapReduce-master,ElasticMapReduce-slave" --query 'SecurityGroups[].GroupId' --output text); do
  tag_for_emr "$group" "security group"
done

# The Lambda package: the classes at the top, the runtime dependencies in lib/ (no Spark, no Hadoop),
# the deployed cluster definition. Fixed times and order, so the same build gives the same zip and
# an unchanged function is left alone.
rm -rf "$work/lambda" "$work/lambda.zip"
mkdir -p "$work/lambda/lib" "$work/lambda/deployed"
cp -r target/classes/. "$work/lambda/"
rm -rf "$work/lambda/org/apache/hadoop" # the DynamoDB connector's classes, if an older build left them here: the Lambda has no use for them
tr ':' '\n' <target/classpath.txt | while read -r dependency || [[ -n "$dependency" ]]; do
  [[ -z "$dependency" ]] || cp "$dependency" "$work/lambda/lib/" # the file has no final newline: keep its last entry
done
jq --arg log "$log_uri" --arg subnet "$subnet" '.LogUri = $log | .Instances.Ec2SubnetId = $subnet' emr/cluster.json \
  >"$work/lambda/deployed/cluster.json"
cp "$work/lambda/deployed/cluster.json" "$work/cluster.json"
find "$work/lambda" -exec touch -h -d '2020-01-01T00:00:00Z' {} +
(cd "$work/lambda" && find . -type f | LC_ALL=C sort | zip -q -X -D "$work/lambda.zip" -@)
zip_sha="$(openssl dgst -sha256 -binary "$work/lambda.zip" | openssl base64 -A)"

# ---- IAM -----------------------------------------------------------------------------------------

echo "== IAM"
trust_get() { aws iam get-role --role-name "$1" --query Role.AssumeRolePolicyDocument --output json; }
trust_set() { aws iam update-assume-role-policy --role-name "$2" --policy-document "$1"; }
inline_get() { aws iam get-role-policy --role-name "$1" --policy-name "$1" --query PolicyDocument --output json; }
inline_set() { aws iam put-role-policy --role-name "$2" --policy-name "$2" --policy-document "$1"; }

role() { # name trust-template policy-template [managed-policy-arn]
  if aws iam get-role --role-name "$1" >/dev/null 2>&1; then
    report unchanged "role $1"
  else
    aws iam create-role --role-name "$1" --assume-role-policy-document "$(fill "$2")" --tags Key=project,Value=wordfreq >/dev/null
    report created "role $1"
  fi
  ensure "  trust ($(basename "$2"))" "$(fill "$2")" trust_get trust_set "$1"
  ensure "  policy ($(basename "$3"))" "$(fill "$3")" inline_get inline_set "$1"
  if [[ $# -ge 4 ]]; then
    if aws iam list-attached-role-policies --role-name "$1" --query 'AttachedPolicies[].PolicyArn' --output text | tr '\t' '\n' | grep -qxF "$4"; then
      report unchanged "  managed policy ${4##*/}"
    else
      aws iam attach-role-policy --role-name "$1" --policy-arn "$4"
      report changed "  managed policy ${4##*/}"
    fi
  fi
}

role wordfreq-emr-service emr/iam/emr-service-trust.json emr/iam/emr-service-policy.json \
  arn:aws:iam::aws:policy/service-role/AmazonEMRServicePolicy_v2
role wordfreq-emr-instance emr/iam/emr-instance-trust.json emr/iam/emr-instance-policy.json
if aws iam get-instance-profile --instance-profile-name wordfreq-emr-instance >/dev/null 2>&1; then
  report unchanged "instance profile wordfreq-emr-instance"
else
  aws iam create-instance-profile --instance-profile-name wordfreq-emr-instance >/dev/null
  report created "instance profile wordfreq-emr-instance"
fi
if [[ "$(aws iam get-instance-profile --instance-profile-name wordfreq-emr-instance --query 'InstanceProfile.Roles[0].RoleName' --output text)" == wordfreq-emr-instance ]]; then
  report unchanged "  role wordfreq-emr-instance in it"
else
  aws iam add-role-to-instance-profile --instance-profile-name wordfreq-emr-instance --role-name wordfreq-emr-instance
  report changed "  role wordfreq-emr-instance in it"
fi
role wordfreq-launcher emr/iam/lambda-trust.json emr/iam/lambda-launcher-policy.json
role wordfreq-nightly emr/iam/lambda-trust.json emr/iam/lambda-nightly-policy.json
role wordfreq-scheduler emr/iam/scheduler-trust.json emr/iam/scheduler-policy.json

# ---- Lambda --------------------------------------------------------------------------------------

echo "== Lambda"
environment() { # the function's environment, as the CLI's JSON
  jq -nc --arg processing "$processing_bucket" --arg jar "s3://$code_bucket/wordfreq.jar" --arg table "$table" \
    --arg results "$results_url" --arg cluster "$cluster_name" --arg nightly "$1" \
    --arg rules "${WORDFREQ_RULES:-}" --arg min_length "${WORDFREQ_MIN_LENGTH:-}" --arg stopwords "${WORDFREQ_STOPWORDS:-}" '{Variables: ({
      WORDFREQ_PROCESSING_BUCKETS: $processing, WORDFREQ_JOB_JAR: $jar, WORDFREQ_TABLE: $table,
      WORDFREQ_RESULTS_QUEUE_URL: $results, WORDFREQ_RUNNER: "emr", WORDFREQ_CLUSTER_NAME: $cluster,
      WORDFREQ_CLUSTER_DEFINITION: "/var/task/deployed/cluster.json", WORDFREQ_MAX_FILES: "1000"}
      + (if $nightly == "" then {} else {WORDFREQ_NIGHTLY_PREFIX: $nightly} end)
      + ({WORDFREQ_RULES: $rules, WORDFREQ_MIN_LENGTH: $min_length, WORDFREQ_STOPWORDS: $stopwords}
         | with_entries(select(.value != ""))))}'
}
configuration_get() {
  aws lambda get-function-configuration --function-name "$1" --output json | jq '{Runtime, Handler, Role, MemorySize, Timeout,
    Architectures, Environment: {Variables: .Environment.Variables}}'
}
configuration_set() {
  aws lambda update-function-configuration --function-name "$2" --cli-input-json "$(jq -c 'del(.Architectures)' <<<"$1")"
  aws lambda wait function-updated --function-name "$2"
}

function_up() { # name handler nightly-prefix
  local role_arn="arn:aws:iam::$account:role/$1" configuration
  # Java 17 bytecode on java21 (Amazon Linux 2023): java17 can no longer be created or updated.
  configuration="$(jq -nc --arg role "$role_arn" --arg handler "$2" --argjson env "$(environment "$3")" '{
    Runtime: "java21", Handler: $handler, Role: $role, MemorySize: 1024, Timeout: 60, Architectures: ["arm64"],
    Environment: $env}')"
  if aws lambda get-function --function-name "$1" >/dev/null 2>&1; then
    report unchanged "function $1"
  else
    # A role just created takes a few seconds before Lambda may assume it.
    retrying 'cannot be assumed' aws lambda create-function --function-name "$1" --cli-input-json "$configuration" \
      --zip-file "fileb://$work/lambda.zip" --tags project=wordfreq >/dev/null || die "function $1 not created (above)"
    aws lambda wait function-active-v2 --function-name "$1" 2>/dev/null || aws lambda wait function-active --function-name "$1"
    report created "function $1"
  fi
  if [[ "$(aws lambda get-function-configuration --function-name "$1" --query CodeSha256 --output text)" == "$zip_sha" ]]; then
    report unchanged "  code (sha256 $zip_sha)"
  else
    aws lambda update-function-code --function-name "$1" --zip-file "fileb://$work/lambda.zip" --architectures arm64 >/dev/null
    aws lambda wait function-updated --function-name "$1"
    report changed "  code (sha256 $zip_sha)"
  fi
  ensure "  configuration (java21, $2)" "$configuration" configuration_get configuration_set "$1"
}

function_up wordfreq-launcher io.wordfreq.launcher.aws.LaunchLambdaHandler::handleRequest ""
function_up wordfreq-nightly io.wordfreq.launcher.aws.NightlyLambdaHandler::handleRequest "s3://$processing_bucket/"

mapping="$(fill emr/event-source-mapping.json | jq -c --arg arn "$jobs_arn" '.EventSourceArn = $arn')"
mapping_uuid="$(aws lambda list-event-source-mappings --function-name wordfreq-launcher --event-source-arn "$jobs_arn" \
  --query 'EventSourceMappings[0].UUID' --output text)"
if [[ -z "$mapping_uuid" || "$mapping_uuid" == None ]]; then
  # The launcher's role, just created, may not yet show Lambda its SQS permissions.
  mapping_uuid="$(retrying 'does not have permissions' \
    aws lambda create-event-source-mapping --cli-input-json "$mapping" --query UUID --output text)" \
    || die "event source mapping not created (above)"
  report created "event source mapping $jobs_queue -> wordfreq-launcher"
else
  report unchanged "event source mapping $jobs_queue -> wordfreq-launcher"
fi
mapping_get() {
  aws lambda get-event-source-mapping --uuid "$1" --output json | jq '{BatchSize, MaximumBatchingWindowInSeconds,
    FunctionResponseTypes, ScalingConfig: {MaximumConcurrency: .ScalingConfig.MaximumConcurrency},
    Enabled: (.State == "Enabled" or .State == "Enabling")}'
}
mapping_set() { aws lambda update-event-source-mapping --uuid "$2" --cli-input-json "$1"; }
# A paused trigger is turned back on: after deploy.sh, uploads become steps.
ensure "  enabled, batch size 1000, window 60 s, ReportBatchItemFailures, concurrency 2" \
  "$(jq -c '{BatchSize, MaximumBatchingWindowInSeconds, FunctionResponseTypes, ScalingConfig, Enabled}' <<<"$mapping")" \
  mapping_get mapping_set "$mapping_uuid"

schedule_definition="$(fill emr/nightly-schedule.json)"
if aws scheduler get-schedule --name "$schedule" >/dev/null 2>&1; then
  report unchanged "schedule $schedule"
else
  aws scheduler create-schedule --cli-input-json "$schedule_definition" >/dev/null
  report created "schedule $schedule"
fi
schedule_get() {
  aws scheduler get-schedule --name "$1" --output json | jq '{Name, Description, ScheduleExpression, ScheduleExpressionTimezone,
    FlexibleTimeWindow, State, Target: (.Target | {Arn, RoleArn, Input, RetryPolicy})}'
}
schedule_set() { aws scheduler update-schedule --cli-input-json "$1"; }
ensure "  $(jq -r .ScheduleExpression <<<"$schedule_definition") $(jq -r .ScheduleExpressionTimezone <<<"$schedule_definition") -> wordfreq-nightly" \
  "$schedule_definition" schedule_get schedule_set "$schedule"

echo "deploy: $created created, $changed changed, $unchanged unchanged"
echo "uploads to s3://$processing_bucket (*.txt) now become EMR steps on the cluster named $cluster_name;"
echo "the cluster starts with the first batch (logs in $log_uri). Watch it with emr/status.sh."
