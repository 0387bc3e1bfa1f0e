# shellcheck shell=bash
# shellcheck disable=SC2034 # the names set here are used by the scripts that source this file
# Shared by deploy.sh, status.sh and teardown.sh (sourced, not run): the prerequisites, the names of
# everything the pipeline owns, template filling, and the created/changed/unchanged report.
#
# Names come from the environment, with defaults that are unique per account and region (bucket
# names are global): WORDFREQ_UPLOAD_BUCKET, WORDFREQ_PROCESSING_BUCKET, WORDFREQ_CODE_BUCKET,
# WORDFREQ_TABLE. AWS_REGION (or AWS_DEFAULT_REGION, or the CLI profile's region), credentials and
# AWS_ENDPOINT_URL / AWS_ENDPOINT_URL_<SERVICE> are read by the AWS CLI the standard way.

die() {
  echo "$(basename "$0"): $*" >&2
  exit 1
}

# Checks the tools named as arguments, the region and the credentials, then sets the names.
wordfreq_setup() {
  local tool
  for tool in "$@"; do
    command -v "$tool" >/dev/null || die "'$tool' is not installed or not on PATH (this script needs: $*)"
  done
  region="${AWS_REGION:-${AWS_DEFAULT_REGION:-$(aws configure get region 2>/dev/null || true)}}"
  [[ -n "$region" ]] || die "no AWS region: set AWS_REGION (or AWS_DEFAULT_REGION, or region in the CLI profile)"
  # AWS CLI v1 reads only AWS_DEFAULT_REGION; v2 prefers AWS_REGION. Both get the one resolved here.
  export AWS_REGION="$region" AWS_DEFAULT_REGION="$region" AWS_PAGER=""
  local out
  if ! out="$(aws sts get-caller-identity --query Account --output text 2>&1)"; then
    die "no usable AWS credentials (aws sts get-caller-identity said: $(tail -n 1 <<<"$out"))"
  fi
  account="$out"
  upload_bucket="${WORDFREQ_UPLOAD_BUCKET:-wordfreq-uploads-$account-$region}"
  processing_bucket="${WORDFREQ_PROCESSING_BUCKET:-wordfreq-processing-$account-$region}"
  code_bucket="${WORDFREQ_CODE_BUCKET:-wordfreq-code-$account-$region}"
  table="${WORDFREQ_TABLE:-wordfreq}"
  runs_table="${table}-runs"
  log_uri="s3://$code_bucket/logs/"
  jobs_queue=wordfreq-jobs
  dlq=wordfreq-jobs-dlq
  results_queue=wordfreq-results
  cluster_name=wordfreq
  roles=(wordfreq-launcher wordfreq-nightly wordfreq-scheduler wordfreq-emr-instance wordfreq-emr-service)
  functions=(wordfreq-launcher wordfreq-nightly)
  schedule=wordfreq-nightly
}

# A template from emr/ with its @PLACEHOLDERS@ filled in, on stdout.
fill() {
  sed -e "s/@REGION@/$region/g" -e "s/@ACCOUNT@/$account/g" -e "s/@PROCESSING_BUCKET@/$processing_bucket/g" \
      -e "s/@CODE_BUCKET@/$code_bucket/g" -e "s/@TABLE@/$table/g" "$1"
}

created=0
changed=0
unchanged=0
# report created|changed|unchanged|removed|kept|absent WHAT
report() {
  printf '%-9s %s\n' "$1" "$2"
  case "$1" in
    created) created=$((created + 1)) ;;
    changed) changed=$((changed + 1)) ;;
    unchanged) unchanged=$((unchanged + 1)) ;;
  esac
}

# JSON in a canonical form for comparisons: keys sorted, nulls dropped, JSON held in strings (SQS
# attributes, policies) parsed, digit-only strings read as numbers.
canonical() {
  jq -S 'def norm: walk(if type == "string" then (if test("^[0-9]+$") then tonumber
                                                 elif test("^[\\[{]") then (try (fromjson | norm) catch .)
                                                 else . end)
                        elif type == "object" then with_entries(select(.value != null))
                        else . end);
         norm'
}

# ensure WHAT DESIRED_JSON GETTER SETTER [ARGS...]: GETTER ARGS prints the current value (fails or
# prints nothing when there is none); SETTER DESIRED_JSON ARGS sets it, only when the two differ.
ensure() {
  local what="$1" raw="$2" desired current getter="$3" setter="$4"
  shift 4
  desired="$(canonical <<<"$raw")"
  current="$("$getter" "$@" 2>/dev/null | canonical 2>/dev/null || true)"
  if [[ "$current" == "$desired" ]]; then
    report unchanged "$what"
  else
    "$setter" "$raw" "$@" >/dev/null
    report changed "$what"
  fi
}

# retrying PATTERN COMMAND...: runs COMMAND; while it fails with an error matching PATTERN, tries again
# every WORDFREQ_RETRY_SECONDS (5) seconds, 12 times at most. AWS takes seconds to propagate a role
# or a queue policy just created: Lambda, the event source mapping and S3's notification check refuse
# them until then. Any other error fails at once. COMMAND's output goes to stdout, its last error to stderr.
retrying() {
  local pattern="$1" attempt out
  shift
  for attempt in 1 2 3 4 5 6 7 8 9 10 11 12; do
    if out="$("$@" 2>&1)"; then
      [[ -z "$out" ]] || printf '%s\n' "$out"
      return 0
    fi
    if ! grep -qE "$pattern" <<<"$out" || ((attempt == 12)); then
      printf '%s\n' "$out" >&2
      return 1
    fi
    sleep "${WORDFREQ_RETRY_SECONDS:-5}"
  done
}

# The URL of a queue, or nothing (and status 1) when it does not exist.
queue_url() {
  aws sqs get-queue-url --queue-name "$1" --query QueueUrl --output text 2>/dev/null
}

# Active clusters named like ours: "id state" lines.
active_clusters() {
  aws emr list-clusters --active --output json \
    | jq -r --arg name "$cluster_name" '.Clusters[] | select(.Name == $name) | "\(.Id) \(.Status.State)"'
}
