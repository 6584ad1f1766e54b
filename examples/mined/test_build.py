"""Tests of the rules of build.py: python3 -m unittest discover -s examples/mined"""
import os
import sys
import tempfile
import unittest

sys.path.insert(0, os.path.dirname(__file__))
import build  # noqa: E402

#: A curated reference of the cases below.
CURATED = {
    "command line interface": {"命令行界面"},
    "cli": {"命令行界面"},
    "computer vision": {"计算机视觉"},
    "cv": {"计算机视觉"},
    "topology": {"拓扑"},
    "package manager": {"包管理器"},
}
OWNERS = {
    "命令行界面": {("command line interface", "CLI", True)},
    "计算机视觉": {("computer vision", "CV", True)},
    "拓扑": {("topology", "", True)},
    "包管理器": {("package manager", "", True)},
}


def kept(pairs, lines=None):
    out, _ = build.build(pairs, CURATED, OWNERS, 2, lines)
    return {(p[0], p[2]) for p in out}


class Rules(unittest.TestCase):
    def test_each_rule(self):
        table = [
            # (what, pair, kept)
            ("a plain pair", ("gradient clipping", "", "梯度裁剪", 3, 4), True),
            ("too few documents", ("gradient clipping", "", "梯度裁剪", 1, 4), False),
            ("the curated reference has it", ("Command Line Interfaces", "", "命令行界面", 5, 5), False),
            ("the Chinese of the acronym alone", ("Acme CLI", "CLI", "命令行界面", 9, 9), False),
            ("the Chinese of the last word alone", ("Storm topology", "", "拓扑", 4, 6), False),
            ("the Chinese of an unrelated curated term", ("PIP", "", "包管理器", 3, 3), False),
            ("another expansion of the acronym", ("cross-validation", "CV", "计算机视觉", 4, 4), False),
            ("a code of letters and digits", ("ABC-C01", "", "考试", 5, 5), False),
            ("no Chinese character", ("Kafka", "", "Kafka", 5, 5), False),
            ("a character no term has", ("cast iron", "", "铸铁ˌ生铁", 5, 5), False),
            ("a variable", ("xi", "", "现有点", 5, 5), False),
            ("a name with a dot", ("Adam Smith", "", "亚当·斯密", 2, 2), True),
            ("an acronym glossed short", ("CAS", "", "交换", 3, 3), False),
            ("an acronym glossed in full", ("CAS", "", "比较并交换", 3, 3), True),
            ("an acronym with Latin words", ("AKS", "", "Azure Kubernetes 服务", 3, 3), True),
        ]
        for what, pair, want in table:
            self.assertEqual((pair[0], pair[2]) in kept([pair]), want, what)

    def test_the_end_of_a_longer_rendering_is_cut_short(self):
        pairs = [("CKA", "", "管理员", 7, 7), ("CKA", "", "认证 Kubernetes 管理员", 1, 1)]
        self.assertEqual(kept(pairs), set())
        pairs[1] = ("CKA", "", "认证 Kubernetes 管理员", 3, 3)
        self.assertEqual(kept(pairs), {("CKA", "认证 Kubernetes 管理员")})

    def test_a_full_term_glossed_only_through_its_acronym_goes_to_the_acronym(self):
        pair = ("Spring Tool Suite", "STS", "安全令牌服务", 2, 2)
        self.assertEqual(kept([pair], ["使用安全令牌服务(STS)获取凭证。\n"]), {("STS", "安全令牌服务")})
        self.assertEqual(kept([pair], ["安全令牌服务（Spring Tool Suite）\n"]), {("Spring Tool Suite", "安全令牌服务")})
        self.assertEqual(kept([pair]), {("Spring Tool Suite", "安全令牌服务")}, "without the corpus, no check")

    def test_rows_group_an_english_and_the_output_is_whole(self):
        pairs = [("GCP", "", "谷歌云平台", 9, 10), ("GCP", "", "谷歌云", 3, 3)]
        out, _ = build.build(pairs, CURATED, OWNERS, 2)
        self.assertEqual(build.rows(out), [["GCP", "谷歌云平台|谷歌云", "", "9|3", "10|3"]])
        with tempfile.TemporaryDirectory() as d:
            path = os.path.join(d, "m.csv")
            build.write(path, build.COLUMNS, build.rows(out))
            with open(path, encoding="utf-8") as f:
                self.assertEqual(f.read().splitlines()[1], "GCP,谷歌云平台|谷歌云,,9|3,10|3")
            self.assertEqual(os.listdir(d), ["m.csv"])


if __name__ == "__main__":
    unittest.main()
