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


#: Words the cases below render, as termbridge's word lists give them.
LEXICON = build.acronyms.Lexicon(
    [
        (z, [e])
        for z, e in [
            ("虚拟", "virtual"), ("桌面", "desktop"), ("基础设施", "infrastructure"), ("资源", "resource"),
            ("管理器", "manager"), ("容器", "container"), ("注册", "registry"), ("中心", "center"),
            ("服务", "service"), ("弹性", "elastic"), ("组织", "organization"), ("单位", "unit"),
            ("缓冲区", "buffer"), ("保存", "save"), ("云", "cloud"), ("原生", "native"), ("可执行", "executable"),
            ("文件", "file"), ("梯度", "gradient"), ("裁剪", "clip"), ("被动", "passive"), ("交互", "interactive"),
            ("安全", "security"), ("测试", "testing"), ("应用", "application"), ("程序", "program"),
            ("比较", "compare"), ("交换", "swap"), ("认证", "certified"), ("管理员", "administrator"),
        ]
    ]
    + [("命令行界面", ["command", "line", "interface"]), ("虚拟机", ["virtual", "machine"])]
)


def kept(pairs, lines=None, full_forms=None):
    out, _ = build.build(pairs, CURATED, OWNERS, 2, lines, LEXICON, full_forms or {})
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
            ("a unit", ("mm Hg", "", "舒张压", 5, 5), False),
            ("a name with a dot", ("Adam Smith", "", "亚当·斯密", 2, 2), True),
            ("an acronym glossed short", ("CAS", "", "交换", 3, 3), False),
            ("an acronym glossed in full", ("CAS", "", "比较并交换", 3, 3), True),
            ("an acronym with Latin words", ("AKS", "", "Azure Kubernetes 服务", 3, 3), True),
            ("an acronym alone in two inputs", ("CAS", "", "比较并交换", 2, 2), False),
            ("a mixed-case acronym alone in two inputs", ("CaS", "", "比较并交换", 2, 2), False),
            ("an acronym with its full form in two inputs",
             ("Virtual Desktop Infrastructure", "VDI", "虚拟桌面基础设施", 2, 2), True),
            ("two words in two inputs", ("gradient clipping", "", "梯度裁剪", 2, 2), True),
            ("one word in two inputs", ("fine-tuning", "", "微调", 2, 2), False),
            ("one word in three inputs", ("fine-tuning", "", "微调", 3, 3), True),
            ("a plain word in lowercase", ("clipping", "", "裁剪", 9, 9), False),
            ("a general word with a capital", ("Meaning", "", "含义", 9, 9), False),
            ("a name of one word", ("Oracle", "", "甲骨文", 9, 9), True),
            ("a code with a level", ("XYZ-A", "", "架构师助理", 5, 5), False),
        ]
        for what, pair, want in table:
            self.assertEqual((pair[0], pair[2]) in kept([pair]), want, what)

    def test_an_acronym_s_chinese_accounts_for_its_letters(self):
        # (what, pair, full forms known, the English kept with the Chinese or None)
        table = [
            ("each letter a word", ("VDI", "", "虚拟桌面基础设施", 3, 3), {}, "VDI"),
            ("a letter missing", ("VDI", "", "桌面基础设施", 3, 3), {}, None),
            ("a word of the lists is no unknown letter", ("ECR", "", "容器注册中心", 3, 3), {}, None),
            ("one letter of three by characters no list knows", ("ECR", "", "亚马逊容器注册", 3, 3), {}, "ECR"),
            ("words the acronym lacks", ("IAST", "", "被动交互式安全测试", 3, 3), {}, None),
            ("a compound word for two letters, a Latin word", ("JVM", "", "Java 虚拟机", 3, 3), {}, "JVM"),
            ("a Latin acronym for its initial", ("ACM", "", "AWS 证书管理器", 3, 3), {}, "ACM"),
            ("a Latin acronym for its initial, a letter missing", ("ACM", "", "AWS 管理器", 3, 3), {}, None),
            ("the full form rendered: written with it", ("ARM", "", "Azure 资源管理器", 3, 3),
             {"ARM": {"Azure Resource Manager"}}, "Azure Resource Manager"),
            ("a full form with its acronym, its Chinese cut short", ("Virtual Desktop Infrastructure", "VDI", "桌面基础设施", 3, 3),
             {}, None),
            ("two letters, one missing: none may be unknown", ("OU", "", "单位", 3, 3), {}, None),
            ("two letters", ("OU", "", "组织单位", 3, 3), {}, "OU"),
        ]
        for what, pair, full_forms, want in table:
            out = kept([pair], full_forms=full_forms)
            self.assertEqual(next((e for e, z in out if z == pair[2]), None), want, what)

    def test_words_code_and_the_curated_english(self):
        table = [
            # (what, pair, kept)
            ("the curated English, another Chinese", ("topology", "", "拓扑结构", 3, 3), False),
            ("a CamelCase identifier", ("TaskManager", "", "工作节点", 3, 3), False),
            ("a short CamelCase abbreviation", ("CapEx", "", "资本支出", 3, 3), True),
            ("a literal of code", ("None", "", "默认值", 3, 3), False),
            ("a Chinese of other words", ("protobuf", "", "缓冲区", 3, 3), False),
            ("a Chinese no list knows", ("Oracle", "", "甲骨文", 3, 3), True),
            ("a multi-word English none of whose known words is rendered", ("Cloud Native Associate", "", "朝鲜中央通讯社", 3, 3), False),
            ("one word rendered", ("cloud native", "", "云原生", 3, 3), True),
            ("a transliterated name", ("Adam Smith", "", "亚当·斯密", 3, 3), True),
        ]
        for what, pair, want in table:
            self.assertEqual((pair[0], pair[2]) in kept([pair]), want, what)

    def test_a_row_that_merged_another_term_gives_its_first_chinese(self):
        self.assertTrue(build.merges_other_term("spout", "Bolt|bolts|Spouts"))
        for variants in ("GCs|gc", "LoRa|lora", "RNNs|rnn", "Spouts|spouts", ""):
            self.assertFalse(build.merges_other_term({"GCs|gc": "garbage collection", "LoRa|lora": "Low-Rank Adaptation",
                                                      "RNNs|rnn": "Recurrent Neural Network"}.get(variants, "spout"), variants), variants)

    def test_the_end_of_a_longer_rendering_is_cut_short(self):
        pairs = [("CKA", "", "管理员", 7, 7), ("CKA", "", "认证 Kubernetes 管理员", 1, 1)]
        self.assertEqual(kept(pairs), set())
        pairs[1] = ("CKA", "", "认证 Kubernetes 管理员", 3, 3)
        self.assertEqual(kept(pairs), {("CKA", "认证 Kubernetes 管理员")})

    def test_a_full_term_glossed_only_through_its_acronym_goes_to_the_acronym(self):
        pair = ("Spring Tool Suite", "STS", "安全令牌服务", 3, 3)
        self.assertEqual(kept([pair], ["使用安全令牌服务(STS)获取凭证。\n"]), {("STS", "安全令牌服务")})
        two = ("Spring Tool Suite", "STS", "安全令牌服务", 2, 2)
        self.assertEqual(kept([two], ["使用安全令牌服务(STS)获取凭证。\n"]), set(), "then an acronym alone")
        self.assertEqual(kept([pair], ["安全令牌服务（Spring Tool Suite）\n"]), {("Spring Tool Suite", "安全令牌服务")})
        self.assertEqual(kept([pair]), {("Spring Tool Suite", "安全令牌服务")}, "without the corpus, no check")

    def test_headings_and_labels_of_columns_are_no_terms(self):
        pair = ("Next steps", "", "后续步骤", 3, 3)
        heading = "## [](#next-steps)后续步骤（Next steps）\n"
        self.assertEqual(kept([pair], [heading, heading]), set())
        self.assertEqual(kept([pair], ["| Next steps（后续步骤）| 说明 |\n"]), set(), "a cell of its own")
        prose = "读完本章，请看后续步骤（Next steps）一节。\n"
        self.assertEqual(kept([pair], [heading, prose]), {("Next steps", "后续步骤")}, "glossed in prose too")
        acronym = ("VDI", "", "虚拟桌面基础设施", 3, 3)
        self.assertEqual(kept([acronym], ["## 虚拟桌面基础设施（VDI）\n"]), {("VDI", "虚拟桌面基础设施")}, "no plain words")

    def test_an_acronym_s_full_form_from_the_corpus_is_spelled_by_initials(self):
        for abbreviation, full, want in [
            ("DDoS", "Distributed Denial of Service", True),
            ("LoRA", "Low-Rank Adaptation", True),
            ("JSON", "JavaScript Object Notation", True),
            ("JMX", "Java Management Extensions", True),
            ("AKS", "Azure Kubernetes", False),
            ("CAS", "compare and swap", True),
            ("CAS", "Chinese Academy", False),
        ]:
            self.assertEqual(build.spelled_by_initials(abbreviation, full), want, (abbreviation, full))
        # a corpus pair whose words merely hold the acronym's letters gives no full form
        forms = build.read_full_forms(os.path.join(os.path.dirname(__file__), "../../glossary/reference.csv"),
                                      [("Azure Kubernetes", "AKS", "Azure Kubernetes 服务", 6, 9)])
        self.assertNotIn("AKS", forms)

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
