#!/usr/bin/env bash
# Deploys wordfreq to an AWS account (empty or not) as one CloudFormation stack, emr/wordfreq.yaml.
#
#   emr/deploy.sh [--stack-name NAME] [--region R] [--skip-build] [Key=Value ...]
#
# NAME defaults to wordfreq; Key=Value are the template's parameters (AlertEmail, MaxAttempts,
# Dataset, Rules, MinLength, StopWords, MaxFiles, NightlyScheduleExpression, LogRetentionDays,
# OldestJobAlarmSeconds; see docs/deploy.md). In order:
#   1. builds (mvn package) unless --skip-build;
#   2. creates the service-linked roles AWSServiceRoleForEMRCleanup and AWSServiceRoleForEC2Spot
#      when the account lacks them (EMR needs the first to clean up, Spot task groups the second);
#   3. deploys the bootstrap stack wordfreq-artifacts (emr/artifacts.yaml: one bucket per account and
#      region) and uploads the job jar and the Lambda package there under content-addressed keys;
#   4. tags the cluster's subnet, its VPC and EMR's security groups for EMR's managed policy;
#   5. runs aws cloudformation deploy (a no-op when nothing changed) and prints the stack's outputs.
# The EMR cluster is not created here: the launcher starts it with the first batch. Needs aws, jq,
# zip, sha256sum and (unless --skip-build) mvn. WORDFREQ_SUBNET_ID picks the cluster's subnet
# (default: the default VPC's first).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=emr/lib.sh
source "$here/emr/lib.sh"

common_options "$@"
build=true
parameters=()
for arg in "${rest[@]}"; do
  case "$arg" in
    --skip-build) build=false ;;
    -h | --help) sed -n '2,20p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    [A-Z]*=*) parameters+=("$arg") ;;
    *) die "unknown argument '$arg' (usage: emr/deploy.sh [--stack-name NAME] [--region R] [--skip-build] [Key=Value ...])" ;;
  esac
done
if $build; then wordfreq_setup aws jq zip sha256sum mvn; else wordfreq_setup aws jq zip sha256sum; fi
cd "$here"
work="$here/target/deploy/$stack-$region"
mkdir -p "$work"
echo "deploying stack $stack to account $account, region $region"

if $build; then
  echo "== build: mvn -B -q package -DskipTests"
  mvn -B -q package -DskipTests
fi
for built in target/wordfreq.jar target/classpath.txt; do
  [[ -f "$built" ]] || die "$built missing: build first (mvn -B package -DskipTests), or run without --skip-build"
done
# The template names the handlers; a package without one deploys a function that fails on every call.
while read -r handler; do
  [[ -f "target/classes/${handler//.//}.class" ]] \
    || die "handler class $handler is not in the build: that function would fail on every call"
done < <(grep -o 'Handler: [A-Za-z0-9_.]*' emr/wordfreq.yaml | cut -d' ' -f2)

echo "== service-linked roles"
# Found by their path, /aws-service-role/<service>/, whatever the role's name.
linked="$(aws iam list-roles --path-prefix /aws-service-role/ --query 'Roles[].Path' --output text)"
for service in elasticmapreduce.amazonaws.com:AWSServiceRoleForEMRCleanup spot.amazonaws.com:AWSServiceRoleForEC2Spot; do
  if [[ "$linked" == *"/aws-service-role/${service%%:*}/"* ]]; then
    echo "present   ${service#*:}"
  else
    aws iam create-service-linked-role --aws-service-name "${service%%:*}" >/dev/null
    echo "created   ${service#*:}"
  fi
done

echo "== artifacts (stack $artifacts_stack, bucket $artifacts_bucket)"
# Outside the wordfreq stack because the code must be in S3 before that stack creates its functions;
# a stack (not a CLI call) so the bucket's settings are declared, linted and checked like the rest.
cfn_deploy --template-file emr/artifacts.yaml --stack-name "$artifacts_stack" --tags project=wordfreq >/dev/null
upload() { # file key
  if aws s3api head-object --bucket "$artifacts_bucket" --key "$2" >/dev/null 2>&1; then
    echo "present   s3://$artifacts_bucket/$2"
  else
    aws s3 cp "$1" "s3://$artifacts_bucket/$2" --only-show-errors
    echo "uploaded  s3://$artifacts_bucket/$2"
  fi
}
jar_key="jars/$(sha256sum target/wordfreq.jar | cut -d' ' -f1).jar"
upload target/wordfreq.jar "$jar_key"

# The cluster's subnet. AWS's v2 EMR service policy launches only into a subnet tagged
# for-use-with-amazon-emr-managed-policies=true, creates its default security groups only in a VPC
# with that tag, and manages only groups that carry it.
subnet="${WORDFREQ_SUBNET_ID:-$(aws ec2 describe-subnets --filters Name=default-for-az,Values=true \
  --query 'sort_by(Subnets, &AvailabilityZone)[0].SubnetId' --output text)}"
[[ -n "$subnet" && "$subnet" != None ]] || die "no default VPC subnet in $region: set WORDFREQ_SUBNET_ID to the subnet the cluster runs in"
vpc="$(aws ec2 describe-subnets --subnet-ids "$subnet" --query 'Subnets[0].VpcId' --output text)"
groups="$(aws ec2 describe-security-groups --filters "Name=vpc-id,Values=$vpc" \
  "Name=group-name,Values=ElasticMapReduce-master,ElasticMapReduce-slave" --query 'SecurityGroups[].GroupId' --output text)"
# shellcheck disable=SC2086 # the group ids are words
aws ec2 create-tags --resources "$subnet" "$vpc" $groups --tags Key=for-use-with-amazon-emr-managed-policies,Value=true
echo "tagged    subnet $subnet, vpc $vpc${groups:+, groups $groups} for EMR's managed policy"

# The Lambda package: the classes at the top, the runtime dependencies in lib/ (no Spark, no Hadoop),
# and the cluster definition with this stack's names (as the template makes them) and tag. Fixed
# times and order, so the same build gives the same zip, and the same key.
rm -rf "$work/lambda" "$work/lambda.zip"
mkdir -p "$work/lambda/lib" "$work/lambda/deployed"
cp -r target/classes/. "$work/lambda/"
rm -rf "$work/lambda/org/apache/hadoop" # the DynamoDB connector's classes: the Lambda has no use for them
# The launcher's core and its AWS runtime only: nothing of the Spark job, the command line, or the local
# servers and runners (the Lambda never runs a step itself).
rm -rf "$work/lambda/io/wordfreq/job" "$work/lambda/io/wordfreq/cli" "$work/lambda/io/wordfreq/output" \
  "$work/lambda/io/wordfreq/local" "$work/lambda/io/wordfreq/launcher/local" "$work/lambda/io/wordfreq/sample"
tr ':' '\n' <target/classpath.txt | while read -r dependency || [[ -n "$dependency" ]]; do
  [[ -z "$dependency" ]] || cp "$dependency" "$work/lambda/lib/" # the file has no final newline: keep its last entry
done
jq --arg stack "$stack" --arg log "s3://$stack-logs-$account-$region/emr/" --arg subnet "$subnet" \
  --arg service "$stack-$region-emr-service" --arg profile "$stack-$region-emr-instance" '
  .Name = $stack | .LogUri = $log | .Instances.Ec2SubnetId = $subnet | .ServiceRole = $service | .JobFlowRole = $profile
  | .Tags = ([.Tags[] | select(.Key != "wordfreq:stack")] + [{Key: "wordfreq:stack", Value: $stack}])' \
  emr/cluster.json >"$work/lambda/deployed/cluster.json"
cp "$work/lambda/deployed/cluster.json" "$work/cluster.json"
find "$work/lambda" -exec touch -h -d '2020-01-01T00:00:00Z' {} +
(cd "$work/lambda" && find . -type f | LC_ALL=C sort | zip -q -X -D "$work/lambda.zip" -@)
lambda_key="lambda/$(sha256sum "$work/lambda.zip" | cut -d' ' -f1).zip"
upload "$work/lambda.zip" "$lambda_key"

echo "== stack $stack"
status="$(stack_status "$stack")"
case "$status" in
  "" | REVIEW_IN_PROGRESS) # a new stack: kept data of an earlier one would make its creation fail
    for bucket in "$stack-uploads-$account-$region" "$stack-processing-$account-$region"; do
      ! aws s3api head-bucket --bucket "$bucket" >/dev/null 2>&1 \
        || die "bucket $bucket exists (kept by an earlier teardown?): remove it with emr/teardown.sh --stack-name $stack --delete-data, or deploy under another name"
    done ;;
  ROLLBACK_COMPLETE) # a first deploy that failed: CloudFormation cannot update it, only replace it
    echo "stack $stack is ROLLBACK_COMPLETE (its first deploy failed): deleting it first"
    aws cloudformation delete-stack --stack-name "$stack"
    aws cloudformation wait stack-delete-complete --stack-name "$stack" ;;
esac
# moto and CloudFormation take the template as JSON too; minified it stays under the 51,200 bytes of a
# template sent in the request (the YAML with its comments is larger), so no template bucket is needed.
aws cloudformation package --template-file emr/wordfreq.yaml --s3-bucket "$artifacts_bucket" --use-json \
  --output-template-file "$work/wordfreq.json" >/dev/null
jq -c . "$work/wordfreq.json" >"$work/wordfreq.min.json"
template_size="$(wc -c <"$work/wordfreq.min.json")"
s3_template=()
((template_size <= 51200)) || s3_template=(--s3-bucket "$artifacts_bucket" --s3-prefix templates)
cfn_deploy --template-file "$work/wordfreq.min.json" --stack-name "$stack" ${s3_template[@]+"${s3_template[@]}"} \
  --capabilities CAPABILITY_NAMED_IAM --tags project=wordfreq \
  --parameter-overrides ArtifactsBucket="$artifacts_bucket" LambdaPackageKey="$lambda_key" JobJarKey="$jar_key" \
  ${parameters[@]+"${parameters[@]}"}
# CloudFormation cannot tag an instance profile.
aws iam tag-instance-profile --instance-profile-name "$stack-$region-emr-instance" --tags Key=project,Value=wordfreq

echo "== outputs"
aws cloudformation describe-stacks --stack-name "$stack" --query 'Stacks[0].Outputs[].[OutputKey, OutputValue]' --output text
echo "deployed: uploads to s3://$stack-processing-$account-$region (*.txt) become EMR steps on the cluster named $stack;"
echo "the cluster starts with the first batch. Watch it with emr/status.sh --stack-name $stack --region $region."
