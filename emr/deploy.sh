#!/usr/bin/env bash
# Deploys the launcher with the AWS CLI: the job jar, the IAM roles, the two Lambda functions
# (SQS-triggered launcher and nightly), the event source mapping and the nightly schedule.
# The buckets, queues (jobs queue with its DLQ redrive) and the table exist already (same as the old
# service). Re-running updates what exists. The EMR cluster itself is created by the launcher
# (RunJobFlow from emr/cluster.json) when no active cluster named wordfreq exists.
#
#   WORDFREQ_CODE_BUCKET=my-code-bucket emr/deploy.sh
#
# Needs: aws (v2), mvn, zip; AWS_REGION and credentials the standard way.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
: "${WORDFREQ_CODE_BUCKET:?set WORDFREQ_CODE_BUCKET to the bucket holding the job jar}"
region="${AWS_REGION:-$(aws configure get region)}"
account="$(aws sts get-caller-identity --query Account --output text)"
processing_bucket="${WORDFREQ_PROCESSING_BUCKET:-wordfreq-processing}"
work="$here/target/deploy"
mkdir -p "$work"

# Fill the account, region and code bucket into a JSON template.
fill() {
  sed -e "s/REGION/$region/g" -e "s/ACCOUNT/$account/g" -e "s/WORDFREQ_CODE_BUCKET/$WORDFREQ_CODE_BUCKET/g" \
      -e "s/wordfreq-processing/$processing_bucket/g" "$1" > "$work/$(basename "$1")"
  echo "file://$work/$(basename "$1")"
}

role() { # name trust-file [inline-policy-file]
  aws iam get-role --role-name "$1" >/dev/null 2>&1 || aws iam create-role --role-name "$1" --assume-role-policy-document "$(fill "$2")" >/dev/null
  if [[ $# -ge 3 ]]; then
    aws iam put-role-policy --role-name "$1" --policy-name "$1" --policy-document "$(fill "$3")"
  fi
}

echo "== build: job jar and Lambda package"
mvn -q -B package -DskipTests
rm -rf "$work/lambda"
mvn -q -B dependency:copy-dependencies -DincludeScope=runtime -DoutputDirectory="$work/lambda/lib"
cp target/original-wordfreq.jar "$work/lambda/lib/wordfreq.jar" # unshaded: the SDK is already in lib/
(cd "$work/lambda" && rm -f ../lambda.zip && zip -qr ../lambda.zip lib)
aws s3 cp target/wordfreq.jar "s3://$WORDFREQ_CODE_BUCKET/wordfreq.jar"

echo "== IAM roles"
role wordfreq-emr-service emr/iam/emr-service-trust.json
aws iam attach-role-policy --role-name wordfreq-emr-service --policy-arn arn:aws:iam::aws:policy/service-role/AmazonEMRServicePolicy_v2
role wordfreq-emr-instance emr/iam/emr-instance-trust.json emr/iam/emr-instance-policy.json
aws iam get-instance-profile --instance-profile-name wordfreq-emr-instance >/dev/null 2>&1 || {
  aws iam create-instance-profile --instance-profile-name wordfreq-emr-instance >/dev/null
  aws iam add-role-to-instance-profile --instance-profile-name wordfreq-emr-instance --role-name wordfreq-emr-instance
}
role wordfreq-launcher emr/iam/lambda-trust.json emr/iam/lambda-launcher-policy.json
role wordfreq-scheduler emr/iam/scheduler-trust.json emr/iam/scheduler-policy.json
sleep 10 # new roles take a moment before Lambda can assume them

results_url="https://sqs.$region.amazonaws.com/$account/wordfreq-results"
env_vars="Variables={WORDFREQ_PROCESSING_BUCKETS=$processing_bucket,WORDFREQ_JOB_JAR=s3://$WORDFREQ_CODE_BUCKET/wordfreq.jar,WORDFREQ_TABLE=wordfreq,WORDFREQ_RESULTS_QUEUE_URL=$results_url,WORDFREQ_RUNNER=emr,WORDFREQ_CLUSTER_NAME=wordfreq,WORDFREQ_MAX_FILES=1000,WORDFREQ_NIGHTLY_PREFIX=s3://$processing_bucket/}"

function_up() { # name handler
  if aws lambda get-function --function-name "$1" >/dev/null 2>&1; then
    aws lambda update-function-code --function-name "$1" --zip-file "fileb://$work/lambda.zip" >/dev/null
    aws lambda wait function-updated --function-name "$1"
    aws lambda update-function-configuration --function-name "$1" --handler "$2" --environment "$env_vars" >/dev/null
  else
    aws lambda create-function --function-name "$1" --runtime java17 --architectures arm64 --memory-size 1024 --timeout 60 \
      --role "arn:aws:iam::$account:role/wordfreq-launcher" --handler "$2" --zip-file "fileb://$work/lambda.zip" \
      --snap-start ApplyOn=PublishedVersions --environment "$env_vars" >/dev/null
  fi
  aws lambda wait function-updated --function-name "$1"
}

echo "== Lambda functions"
function_up wordfreq-launcher io.wordfreq.launcher.LaunchLambdaHandler::handleRequest
function_up wordfreq-nightly io.wordfreq.launcher.NightlyLambdaHandler::handleRequest

echo "== jobs queue: visibility timeout 6 x the function timeout + the batching window, as Lambda asks"
jobs_url="$(aws sqs get-queue-url --queue-name wordfreq-jobs --query QueueUrl --output text)"
aws sqs set-queue-attributes --queue-url "$jobs_url" --attributes VisibilityTimeout=420

echo "== event source mapping (batch size 1000, window 60 s, ReportBatchItemFailures)"
existing="$(aws lambda list-event-source-mappings --function-name wordfreq-launcher --query 'EventSourceMappings[0].UUID' --output text)"
if [[ "$existing" == "None" || -z "$existing" ]]; then
  aws lambda create-event-source-mapping --cli-input-json "$(fill emr/event-source-mapping.json)" >/dev/null
else
  aws lambda update-event-source-mapping --uuid "$existing" --batch-size 1000 --maximum-batching-window-in-seconds 60 \
    --function-response-types ReportBatchItemFailures --scaling-config MaximumConcurrency=2 >/dev/null
fi

echo "== nightly schedule"
if aws scheduler get-schedule --name wordfreq-nightly >/dev/null 2>&1; then
  aws scheduler update-schedule --cli-input-json "$(fill emr/nightly-schedule.json)" >/dev/null
else
  aws scheduler create-schedule --cli-input-json "$(fill emr/nightly-schedule.json)" >/dev/null
fi
echo "deployed: uploads to s3://$processing_bucket now become EMR steps on the cluster named wordfreq"
