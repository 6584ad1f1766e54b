#!/usr/bin/env python3
"""Mine a glossary from a corpus with termbridge on Spark.

Each partition of the list of paths is piped through `termbridge extract --partial --quiet`,
giving one partial glossary per partition; the partials are combined in a tree of
`termbridge merge --partial` (any grouping gives the same partial), and one last
`termbridge merge` decides the glossary of all the inputs, the same as one
`termbridge extract` over them.

    python3 mine.py --paths paths.txt --output glossary.csv [--master local[4]] \
        [--partitions N] [--depth D] [--termbridge PATH] [--combined FILE] [-- MERGE-OPTIONS...]

`paths.txt` lists one input per line. Local paths are read where they are (every worker must
see them: local mode, or a shared file system) and the glossary names them as listed. Paths
with a scheme Hadoop reads (`hdfs://`, `s3a://`, `file://`) are fetched by Spark and each
partition writes its files to a local folder first: the glossary then names them relative to
`--root` (by default the longest folder they share). Options after `--` go to the last merge
(`--pair-counts`, `-f tbx`, `--min-score 0.3`, ...).
"""

import argparse
import os
import shlex
import shutil
import subprocess
import sys
import tempfile
from urllib.parse import urlparse

# the header of a partial glossary: a partition with no input gives nothing, not a partial
PARTIAL_HEADER = '{"termbridge":"partial"'


def arguments(argv):
    """The job's options, and the options for the last merge (after `--`)."""
    mine, merge_options = (argv[: argv.index("--")], argv[argv.index("--") + 1 :]) if "--" in argv else (argv, [])
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--paths", required=True, help="file listing one input path per line (any path Spark reads)")
    p.add_argument("--output", required=True, help="where the last merge writes the glossary (local to the driver)")
    p.add_argument("--master", default=None, help="Spark master, e.g. local[2]; by default spark-submit's")
    p.add_argument("--partitions", type=int, default=None, help="partitions of the list (default: 4 per core)")
    p.add_argument("--depth", type=int, default=2, help="depth of the tree of merges (treeReduce)")
    p.add_argument("--termbridge", default="termbridge", help="the termbridge command on every worker")
    p.add_argument("--root", default=None, help="with remote paths: name inputs relative to this folder")
    p.add_argument("--combined", default=None, help="also write the combined partial to this local file")
    return p.parse_args(mine), merge_options


def run(command, **kwargs):
    """Runs a command; its failure fails the task, with its standard error."""
    done = subprocess.run(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, **kwargs)
    if done.returncode != 0:
        raise RuntimeError(f"{' '.join(command)}: exit {done.returncode}: {done.stderr.decode(errors='replace')}")
    return done.stdout


def merge_partials(termbridge):
    """The function that combines two partials (as bytes) into one."""

    def merge(a, b):
        if not a:
            return b
        if not b:
            return a
        with tempfile.TemporaryDirectory(prefix="termbridge-merge-") as tmp:
            names = []
            for i, part in enumerate((a, b)):
                names.append(os.path.join(tmp, f"{i}.jsonl"))
                with open(names[-1], "wb") as f:
                    f.write(part)
            out = os.path.join(tmp, "merged.jsonl")
            run([termbridge, "merge", "--partial", *names, "-o", out])
            with open(out, "rb") as f:
                return f.read()

    return merge


def local_partials(sc, paths, partitions, termbridge):
    """One partial per partition of local paths: the paths piped through `xargs termbridge`."""
    command = f"xargs -r -d '\\n' {shlex.quote(termbridge)} extract --partial --quiet"
    lines = sc.parallelize(paths, partitions).pipe(command, checkCode=True)
    return lines.mapPartitions(lambda part: [("\n".join(part) + "\n").encode()]).filter(
        lambda p: p.startswith(PARTIAL_HEADER.encode())
    )


def remote_partials(sc, paths, partitions, termbridge, root):
    """One partial per partition of remote paths: Spark reads the files, each partition
    writes its own under their names relative to `root` and runs termbridge on them there."""

    def extract(files):
        files = list(files)
        if not files:
            return []
        with tempfile.TemporaryDirectory(prefix="termbridge-extract-") as tmp:
            names = []
            for path, content in files:
                name = relative(path, root)
                os.makedirs(os.path.join(tmp, os.path.dirname(name)), exist_ok=True)
                with open(os.path.join(tmp, name), "wb") as f:
                    f.write(content)
                names.append(name)
            listed = "\n".join(names).encode()
            return [run(["xargs", "-r", "-d", "\\n", termbridge, "extract", "--partial", "--quiet"], input=listed, cwd=tmp)]

    return sc.binaryFiles(",".join(paths), partitions).mapPartitions(extract)


def relative(path, root):
    """`path` below the folder `root` (URIs, compared by their path alone: Hadoop writes
    `file:///a` as `file:/a`), as a relative file name."""
    path, root = urlparse(path).path, urlparse(root).path.rstrip("/") + "/"
    name = path[len(root) :] if path.startswith(root) else ""
    if not name or any(part in ("", ".", "..") for part in name.split("/")):
        raise ValueError(f"{path}: no file name below {root}")
    return name


def common_root(paths):
    """The longest folder that holds every path (as a URI path)."""
    root = os.path.commonprefix([urlparse(p).path for p in paths])
    return root[: root.rfind("/") + 1]


def main(argv):
    options, merge_options = arguments(argv)
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    from pyspark.sql import SparkSession

    builder = SparkSession.builder.appName("termbridge-mine").config("spark.ui.showConsoleProgress", "false")
    if options.master:
        builder = builder.master(options.master)
    spark = builder.getOrCreate()
    sc = spark.sparkContext
    try:
        listed = sc.textFile(options.paths, 1).collect() if "://" in options.paths else open(options.paths).read().split("\n")
        paths = [p for p in (line.rstrip("\r") for line in listed) if p.strip()]
        if not paths:
            raise SystemExit(f"{options.paths}: lists no path")
        partitions = max(1, min(len(paths), options.partitions or 4 * sc.defaultParallelism))
        remote = [p for p in paths if "://" in p]
        if remote and len(remote) != len(paths):
            raise SystemExit(f"{options.paths}: mixes local paths and URIs ({remote[0]}): list one kind")
        if remote:
            parts = remote_partials(sc, paths, partitions, options.termbridge, options.root or common_root(paths))
        else:
            parts = local_partials(sc, paths, partitions, options.termbridge)
        combined = parts.treeReduce(merge_partials(options.termbridge), depth=options.depth)
    finally:
        spark.stop()
    with tempfile.TemporaryDirectory(prefix="termbridge-decide-") as tmp:
        partial = os.path.join(tmp, "combined.jsonl")
        with open(partial, "wb") as f:
            f.write(combined)
        if options.combined:
            shutil.copyfile(partial, options.combined)
        # the glossary is written whole or not at all, by termbridge itself
        done = subprocess.run([options.termbridge, "merge", partial, "-o", options.output, *merge_options])
        return done.returncode


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
