# shellcheck shell=bash
# shellcheck disable=SC2034 # the names set here are used by the scripts that source this file
# Shared by deploy.sh, status.sh and teardown.sh (sourced, not run): the common options, the
# prerequisites, and the stack's names. Everything the stack owns is declared in emr/wordfreq.yaml;
# the scripts find its resources through the stack itself.
#
# AWS_REGION (or AWS_DEFAULT_REGION, or the CLI profile's region, or --region), credentials and
# AWS_ENDPOINT_URL / AWS_ENDPOINT_URL_<SERVICE> are read by the AWS CLI the standard way.

die() {
  echo "$(basename "$0"): $*" >&2
  exit 1
}

stack=wordfreq
region=""
# Parses --stack-name NAME and --region R out of "$@"; what is left is in the array rest.
common_options() {
  rest=()
  while [[ $# -gt 0 ]]; do
    case "$1" in
      --stack-name) stack="${2:?--stack-name needs a name}"; shift 2 ;;
      --stack-name=*) stack="${1#*=}"; shift ;;
      --region) region="${2:?--region needs a region}"; shift 2 ;;
      --region=*) region="${1#*=}"; shift ;;
      *) rest+=("$1"); shift ;;
    esac
  done
  # Bucket names are global, lower case and at most 63 characters: <stack>-processing-<account>-<region>.
  [[ "$stack" =~ ^[a-z][a-z0-9-]{0,19}$ && "$stack" != *- ]] \
    || die "stack name '$stack': lower-case letters, digits and hyphens, starting with a letter, at most 20 characters"
}

# Checks the tools named as arguments, the region and the credentials; sets account, region,
# artifacts_stack and artifacts_bucket.
wordfreq_setup() {
  local tool out
  for tool in "$@"; do
    command -v "$tool" >/dev/null || die "'$tool' is not installed or not on PATH (this script needs: $*)"
  done
  region="${region:-${AWS_REGION:-${AWS_DEFAULT_REGION:-$(aws configure get region 2>/dev/null || true)}}}"
  [[ -n "$region" ]] || die "no AWS region: use --region, or set AWS_REGION (or AWS_DEFAULT_REGION, or region in the CLI profile)"
  # AWS CLI v1 reads only AWS_DEFAULT_REGION; v2 prefers AWS_REGION. Both get the one resolved here.
  export AWS_REGION="$region" AWS_DEFAULT_REGION="$region" AWS_PAGER=""
  if ! out="$(aws sts get-caller-identity --query Account --output text 2>&1)"; then
    die "no usable AWS credentials (aws sts get-caller-identity said: $(tail -n 1 <<<"$out"))"
  fi
  account="$out"
  # One bootstrap stack per account and region (emr/artifacts.yaml); its bucket is named after it.
  artifacts_stack=wordfreq-artifacts
  artifacts_bucket="$artifacts_stack-$account-$region"
}

# The stack's status, or nothing when there is no such stack.
stack_status() {
  aws cloudformation describe-stacks --stack-name "$1" --query 'Stacks[0].StackStatus' --output text 2>/dev/null || true
}

# Reads the stack's resources into the associative array res: logical id -> physical id (a bucket or
# table name, a queue URL, a topic ARN...). The stack's own record, the same on AWS and on moto (whose
# stacks made by a change set carry no Outputs).
declare -A res
stack_resources() {
  local line
  res=()
  while IFS=$'\t' read -r -a line; do
    [[ ${#line[@]} -eq 2 && "${line[1]}" != None ]] && res["${line[0]}"]="${line[1]}"
  done < <(aws cloudformation describe-stack-resources --stack-name "$stack" \
    --query 'StackResources[].[LogicalResourceId, PhysicalResourceId]' --output text)
  [[ ${#res[@]} -gt 0 ]] || die "stack $stack has no resources in $region (deployed with emr/deploy.sh --stack-name $stack --region $region?)"
}

# Active clusters of this stack (named after it): "id state" lines.
active_clusters() {
  aws emr list-clusters --active --output json \
    | jq -r --arg name "$stack" '.Clusters[] | select(.Name == $name) | "\(.Id) \(.Status.State)"'
}

# aws cloudformation deploy ARGS..., where a template that changes nothing is success: the CLI
# tolerates AWS's empty change set (--no-fail-on-empty-changeset), and this also the refusal "No
# updates are to be performed" (moto answers so). Any other failure is shown and fails.
cfn_deploy() {
  local out
  if out="$(aws cloudformation deploy --no-fail-on-empty-changeset "$@" 2>&1)"; then
    grep -v '^$' <<<"$out" || true
  elif grep -q 'No updates are to be performed' <<<"$out"; then
    echo "No changes to deploy."
  else
    printf '%s\n' "$out" >&2
    return 1
  fi
}
