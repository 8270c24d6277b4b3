"""Tests of the scoring scripts on hand-made inputs: `python3 -m unittest test_relevance` in this folder."""

from __future__ import annotations

import math
import tempfile
import unittest
from pathlib import Path

import merge_qrels
import ndcg
import podium_runs
import pool
import relset
import significance


def dcg(gains):
    return sum(g / math.log2(i + 2) for i, g in enumerate(gains))


class NdcgTests(unittest.TestCase):
    grades = {"a#1": 2, "b#1": 1, "c#1": 0, "d#1": 2}

    def test_ideal_ranking_scores_one(self):
        score, unjudged = ndcg.ndcg_query(["a#1", "d#1", "b#1", "c#1"], self.grades, {})
        self.assertAlmostEqual(score, 1.0)
        self.assertEqual(unjudged, [])

    def test_graded_gains_and_log2_discount(self):
        score, _ = ndcg.ndcg_query(["b#1", "c#1", "a#1"], self.grades, {})
        self.assertAlmostEqual(score, dcg([1, 0, 2]) / dcg([2, 2, 1]))

    def test_only_the_top_ten_count(self):
        keys = [f"x#{i}" for i in range(10)] + ["a#1"]
        score, unjudged = ndcg.ndcg_query(keys, self.grades, {})
        self.assertEqual(score, 0.0)
        self.assertEqual(len(unjudged), 10)

    def test_unjudged_statements_are_reported_and_gain_nothing(self):
        score, unjudged = ndcg.ndcg_query(["new#1", "a#1"], self.grades, {})
        self.assertEqual(unjudged, ["new#1"])
        self.assertAlmostEqual(score, dcg([0, 2]) / dcg([2, 2, 1]))

    def test_a_copy_counts_once_in_the_ranking_and_in_the_ideal(self):
        copies = {"a#1": "a#1", "a-copy#1": "a#1"}
        grades = {"a#1": 2, "a-copy#1": 2, "b#1": 1}
        skipped, _ = ndcg.ndcg_query(["a#1", "a-copy#1", "b#1"], grades, copies)
        self.assertAlmostEqual(skipped, 1.0)
        kept, _ = ndcg.ndcg_query(["a#1", "a-copy#1", "b#1"], grades, copies, skip_copies=False)
        self.assertAlmostEqual(kept, dcg([2, 0, 1]) / dcg([2, 1]))

    def test_queries_without_relevant_statements_are_left_out(self):
        qrels = {"q1": {"a#1": 2}, "q2": {"b#1": 0}}
        scores, _ = ndcg.score_run({"q1": ["a#1"]}, qrels, ["q1", "q2", "q3"], {})
        self.assertEqual(scores, {"q1": 1.0})

    def test_a_query_missing_from_the_run_scores_zero(self):
        scores, _ = ndcg.score_run({}, {"q1": {"a#1": 1}}, ["q1"], {})
        self.assertEqual(scores, {"q1": 0.0})


class SignificanceTests(unittest.TestCase):
    def test_identical_runs_are_not_different(self):
        self.assertEqual(significance.randomization_p([0.0] * 20, 1000, 1), 1.0)
        self.assertEqual(significance.bootstrap_interval([0.0] * 20, 1000, 1), (0.0, 0.0))

    def test_a_consistent_gain_is_significant(self):
        diffs = [0.2, 0.3, 0.25, 0.1, 0.4, 0.2, 0.3, 0.15, 0.35, 0.2, 0.25, 0.3]
        p = significance.randomization_p(diffs, 10000, 15)
        self.assertLess(p, 0.01)
        lo, hi = significance.bootstrap_interval(diffs, 10000, 15)
        self.assertTrue(0 < lo < sum(diffs) / len(diffs) < hi)

    def test_a_mixed_difference_is_not_significant(self):
        diffs = [0.3, -0.3, 0.2, -0.25, 0.1, -0.1, 0.05, -0.05]
        self.assertGreater(significance.randomization_p(diffs, 10000, 15), 0.5)
        lo, hi = significance.bootstrap_interval(diffs, 10000, 15)
        self.assertLess(lo, 0)
        self.assertGreater(hi, 0)

    def test_the_exact_p_for_two_queries(self):
        # Four sign patterns, two of them (++, --) as extreme as the observed: p ~ 0.5.
        self.assertAlmostEqual(significance.randomization_p([0.5, 0.5], 20000, 3), 0.5, delta=0.02)

    def test_the_same_seed_gives_the_same_answer(self):
        diffs = [0.1, -0.05, 0.2, 0.0, 0.15]
        self.assertEqual(significance.randomization_p(diffs, 2000, 7), significance.randomization_p(diffs, 2000, 7))


class FileTests(unittest.TestCase):
    def test_runs_and_qrels_round_trip(self):
        with tempfile.TemporaryDirectory() as d:
            run = Path(d) / "r.trec"
            relset.write_run(run, {"q1": [("b#2", 3.0), ("a#1", 2.5)]}, "t")
            self.assertEqual(relset.read_run(run), {"q1": ["b#2", "a#1"]})
            qrels = Path(d) / "qrels.tsv"
            qrels.write_text("qid\tkey\tgrade\nq1\ta#1\t2\nq1\tb#2\t0\n", encoding="utf-8")
            self.assertEqual(relset.read_qrels(qrels), {"q1": {"a#1": 2, "b#2": 0}})

    def test_a_bad_grade_names_the_file_and_line(self):
        with tempfile.TemporaryDirectory() as d:
            f = Path(d) / "en01.tsv"
            f.write_text("key\tgrade\na#1\t2\nb#1\t3\n", encoding="utf-8")
            with self.assertRaises(SystemExit) as e:
                merge_qrels.read_grades(f, {"a#1", "b#1"})
            self.assertIn("en01.tsv:3", str(e.exception))
            f.write_text("a#1\t2\nb#1 1\n", encoding="utf-8")
            self.assertEqual(merge_qrels.read_grades(f, {"a#1", "b#1"}), {"a#1": 2, "b#1": 1})


class ChineseTests(unittest.TestCase):
    def test_bigrams_of_a_run_and_mixed_queries(self):
        self.assertEqual(relset.split_cjk("萨德部署"), "萨德 德部 部署")
        self.assertEqual(relset.split_cjk("华为5G网络"), "华为 5g 网络")
        self.assertEqual(relset.split_cjk("碳"), "碳")
        self.assertEqual(podium_runs.bigram_or("退出巴黎协定"), "退出 OR 出巴 OR 巴黎 OR 黎协 OR 协定")

    def test_the_pool_folds_copies_and_counts_depth_in_statements(self):
        statements = {k: {"group": g} for k, g in
                      [("a#1", "a#1"), ("a2#1", "a#1"), ("b#1", "b#1"), ("c#1", "c#1")]}
        runs = [{"q": ["a#1", "a2#1", "b#1", "c#1"]}, {"q": ["c#1", "a2#1"]}]
        self.assertEqual(pool.pool(runs, "q", 2, statements, set()), ["a#1", "b#1", "c#1"])
        self.assertEqual(pool.pool(runs, "q", 2, statements, {"a#1"}), ["b#1", "c#1"])


if __name__ == "__main__":
    unittest.main()
