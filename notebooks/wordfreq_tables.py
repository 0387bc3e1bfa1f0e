"""Reads what WordFreq on Spark writes into pandas DataFrames, for the notebooks beside this file.

Where from, all taken from the environment (nothing in the notebooks is fixed):

- ``WORDFREQ_JSONL``: a ``jsonl:PATH`` output (a path or a glob of them). File records come from the
  results files, run summaries from the ``*.run.jsonl`` files written beside them.
- otherwise DynamoDB: tables ``WORDFREQ_TABLE`` (default ``wordfreq``) and ``WORDFREQ_RUNS_TABLE``
  (default ``wordfreq-runs``), read with boto3; the endpoint is ``AWS_ENDPOINT_URL_DYNAMODB`` when it
  is set (DynamoDB Local: ``source .wordfreq-local/env``), else AWS (EMR Studio: the workspace's
  region and role).
- ``WORDFREQ_DATASET``: the Parquet dataset of ``count --output parquet:URI`` (one row per file and
  run, partitioned by run date), read by ``history()`` where it exists; pandas reads it with pyarrow
  (and s3fs for ``s3://``).
- ``WORDFREQ_FIGURES``: a folder where every figure drawn is also saved as PNG (optional).
"""
import glob
import json
import os

import boto3
import pandas as pd
from boto3.dynamodb.types import TypeDeserializer

TABLE = os.environ.get("WORDFREQ_TABLE") or "wordfreq"
RUNS_TABLE = os.environ.get("WORDFREQ_RUNS_TABLE") or f"{TABLE}-runs"
JSONL = os.environ.get("WORDFREQ_JSONL") or None
FIGURES = os.environ.get("WORDFREQ_FIGURES") or None
DATASET = os.environ.get("WORDFREQ_DATASET") or None

FILE_COLUMNS = ["Filename", "Status", "StatusMessage", "TotalWords", "DistinctWords", "Bytes", "RunId",
                "ProcessedAt", "Rules", "TopWords"]
RUN_COLUMNS = ["RunId", "StartedAt", "EndedAt", "Input", "Rules", "FilesOk", "FilesFailed", "Bytes", "Tokens",
               "WallSeconds", "MBps", "TopWords"]


def source():
    """One line saying where the data comes from."""
    if JSONL:
        return f"jsonl output {JSONL}"
    endpoint = os.environ.get("AWS_ENDPOINT_URL_DYNAMODB")
    where = endpoint or f"AWS ({boto3.session.Session().region_name or 'no region set'})"
    return f"DynamoDB tables {TABLE} and {RUNS_TABLE} at {where}"


def _scan(table):
    client = boto3.client("dynamodb", endpoint_url=os.environ.get("AWS_ENDPOINT_URL_DYNAMODB") or None)
    plain = TypeDeserializer()
    items = []
    for page in client.get_paginator("scan").paginate(TableName=table):
        items.extend({k: plain.deserialize(v) for k, v in item.items()} for item in page["Items"])
    return items


def _jsonl(paths):
    rows = []
    for path in paths:
        with open(path, encoding="utf-8") as f:
            rows.extend(json.loads(line) for line in f if line.strip())
    return rows


def _jsonl_paths(runs):
    paths = sorted(glob.glob(JSONL)) or [JSONL]
    if runs:
        return sorted({p[:-len(".jsonl")] + ".run.jsonl" if not p.endswith(".run.jsonl") else p for p in paths})
    return [p for p in paths if not p.endswith(".run.jsonl")]


def _top_words(value):
    return [{"Word": w["Word"], "Count": int(w["Count"])} for w in (value or [])]


def files():
    """One row per file record, newest first."""
    rows = _jsonl(_jsonl_paths(False)) if JSONL else _scan(TABLE)
    df = pd.DataFrame(rows, columns=FILE_COLUMNS)
    for column in ["TotalWords", "DistinctWords", "Bytes"]:
        df[column] = pd.to_numeric(df[column]).fillna(0).astype("int64")
    df["TopWords"] = df["TopWords"].map(_top_words)
    df["StatusMessage"] = df["StatusMessage"].fillna("")
    return df.sort_values(["ProcessedAt", "Filename"], ascending=[False, True]).reset_index(drop=True)


def runs():
    """One row per run summary, newest first."""
    rows = _jsonl(p for p in _jsonl_paths(True) if os.path.exists(p)) if JSONL else _scan(RUNS_TABLE)
    df = pd.DataFrame(rows, columns=RUN_COLUMNS)
    for column in ["FilesOk", "FilesFailed", "Bytes", "Tokens"]:
        df[column] = pd.to_numeric(df[column]).fillna(0).astype("int64")
    for column in ["WallSeconds", "MBps"]:
        df[column] = pd.to_numeric(df[column]).astype("float64")
    df["TopWords"] = df["TopWords"].map(_top_words)
    return df.sort_values(["StartedAt", "RunId"], ascending=False).reset_index(drop=True)


def history():
    """Every file's record of every run from the Parquet dataset, newest first; a string saying why
    not when there is none to read (no WORDFREQ_DATASET, nothing written there yet, no pyarrow)."""
    if not DATASET:
        return "no dataset: set WORDFREQ_DATASET to a count --output parquet:URI location"
    local = DATASET[len("file://"):] if DATASET.startswith("file://") else DATASET
    if "://" not in local and not os.path.exists(local):
        return f"no dataset at {DATASET} yet"
    try:
        import pyarrow  # noqa: F401  (pandas reads Parquet through it)
    except ImportError:
        return "the dataset needs pyarrow to read: pip install pyarrow (Debian: no package)"
    df = pd.read_parquet(local if "://" not in local else DATASET)
    df["TopWords"] = df["TopWords"].map(lambda words: [{"Word": w["Word"], "Count": int(w["Count"])} for w in words])
    return df.sort_values(["ProcessedAt", "Filename"], ascending=[False, True]).reset_index(drop=True)


def save(fig, name):
    """Saves a figure as WORDFREQ_FIGURES/name.png when that folder is set; returns the path or None."""
    if not FIGURES:
        return None
    os.makedirs(FIGURES, exist_ok=True)
    path = os.path.join(FIGURES, name + ".png")
    fig.savefig(path, dpi=100, bbox_inches="tight")
    return path
