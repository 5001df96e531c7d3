"""Where the safety data lives and the floors it is held to: defined here and nowhere else.

Paths are explicit (relative to this checkout: src/talestream_tools/safety/ -> its root), never
found by walking up directories; every command takes an option to point elsewhere. The sets are
repository data, not package data: an installed wheel has none.
"""

from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[3]
DEFAULT_DATA_DIR = REPO_ROOT / "tests" / "data" / "safety"  # passages, inputs, holdout
DEFAULT_TRAIN_DIR = REPO_ROOT / "datasets" / "safety" / "train"  # the classifier's corpus
FRESH_HOLDOUT = REPO_ROOT / "datasets" / "safety" / "holdout-fresh.jsonl"
SECOND_HOLDOUT = REPO_ROOT / "datasets" / "safety" / "holdout-2.jsonl"  # unseen when measured
ENCODER_CACHE_DIR = REPO_ROOT / ".cache" / "safety-encoder"  # corpus embeddings, outside git
THIRD_HOLDOUT = REPO_ROOT / "datasets" / "safety" / "holdout-3.jsonl"  # blind: never tuned on
HOLDOUTS = (FRESH_HOLDOUT, SECOND_HOLDOUT, THIRD_HOLDOUT)  # measured by default when present

# The acceptance floors (docs/safety.md): every unsafe category's recall at least RECALL_FLOOR,
# benign passages blocked at most FPR_CEILING.
RECALL_FLOOR = 0.95
FPR_CEILING = 0.03

SEED = 20261129  # the classifier's training seed
