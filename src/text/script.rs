//! Which form of Chinese characters a text is written in: Simplified (mainland China,
//! Singapore) or Traditional (Taiwan, Hong Kong, Macau), for the language tag of its
//! Chinese terms (`zh-Hans`, `zh-Hant`).
//!
//! The rule counts the characters that tell the two forms apart: a few hundred of the most
//! frequent characters whose Simplified and Traditional forms differ, each form taken only
//! where it is not also an ordinary character of the other (`后` is both 後's Simplified form
//! and a Traditional character of its own, so neither is counted). A text is Traditional when
//! most of its telling characters are Traditional ones. Characters that are the same in both
//! forms (`的`, `模`, `型`) say nothing and are not counted.

/// Pairs of a Simplified character and its Traditional form, each found only in its own
/// form of writing. Frequent words of technical prose first.
const PAIRS: &str = "们們个個这這来來时時会會说說学學对對为為发發经經过過动動还還从從开開关關\
问問题題数數据據语語种種进進机機电電实實体體现現点點长長应應间間类類处處样樣计計网網络絡\
资資讯訊软軟习習义義务務参參层層节節优優图圖将將结結构構统統练練测測试試录錄设設备備记記\
忆憶载載线線术術专專业業给給识識随隨杂雜产產质質价價变變换換区區块塊链鏈单單读讀写寫标標\
页頁码碼输輸译譯词詞汉漢简簡库庫储儲础礎历歷损損无無么麼见見觉覺视視观觀规規则則负負责責\
员員态態总總两兩门門闭閉释釋验驗证證话話该該请請让讓论論议議调調谈談认認访訪评評车車\
转轉轮輪边邊达達运運选選递遞远遠适適连連钟鐘错錯键鍵针針银銀铁鐵组組织織终終级級纯純纸紙\
细細红紅约約维維缩縮编編缓緩顺順预預领領颜顏风風飞飛馆館鱼魚鸟鳥龙龍齐齊东東乐樂书書买買\
卖賣亚亞众眾传傳伤傷决決况況减減图圖团團园園围圍国國圆圓场場坏壞声聲处處备備复複夺奪\
奋奮妇婦孙孫宁寧宝寶实實审審宽寬对對导導尽盡届屆属屬岁歲岛島币幣师師帮幫带帶归歸录錄\
彻徹态態总總恶惡悬懸惯慣战戰户戶扩擴扫掃执執护護报報担擔拟擬择擇挂掛损損换換据據\
摄攝数數断斷时時显顯晓曉权權杀殺条條来來杨楊极極构構枪槍档檔桥橋检檢楼樓模模欢歡毕畢\
气氣汇匯沟溝没沒泽澤洁潔测測济濟浏瀏润潤涨漲渐漸湾灣满滿滤濾灵靈灾災炼煉热熱爱愛\
状狀独獨猎獵环環现現盘盤监監码碼础礎确確离離种種积積称稱窗窗笔筆签簽简簡类類紧緊纪紀\
纳納线線练練织織终終绍紹经經绑綁绘繪给給络絡绝絕统統继繼绩績续續维維综綜缺缺网網罗羅\
职職联聯肤膚脑腦脚腳艺藝节節荐薦获獲营營蓝藍虑慮补補装裝见見规規视視览覽觉覺\
触觸订訂认認讨討让讓训訓议議记記讲講许許论論设設访訪证證评評识識诉訴诊診词詞译譯试試\
话話询詢该該详詳语語误誤说說请請诸諸读讀课課谁誰调調谈談谓謂谢謝贝貝负負贡貢财財责責\
败敗货貨质質购購贯貫费費资資赛賽赵趙跃躍践踐轨軌软軟轻輕载載较較辅輔输輸辑輯边邊过過\
运運还還这這进進远遠违違连連迟遲适適选選递遞逻邏遗遺邮郵释釋钱錢铺鋪链鏈销銷锁鎖错錯\
键鍵长長门門闪閃闲閒间間闻聞阅閱队隊阶階际際陆陸陈陳险險随隨隐隱难難页頁项項顺順须須\
领領频頻题題额額风風驱驅验驗马馬鲁魯黄黃齿齒";

/// A text is Traditional when at least this share of its telling characters is Traditional:
/// a Simplified text quoting a Traditional name, or the reverse, stays what most of it is.
const TRADITIONAL_SHARE: f64 = 0.6;

/// Fewer telling characters than this say nothing: a text of a few Chinese words is taken
/// as Simplified, the usual form of technical Chinese on the web.
const MIN_TELLING: usize = 4;

/// Which form a character belongs to, if it belongs to only one: `Some(true)` for
/// Traditional.
fn form(c: char) -> Option<bool> {
    static FORMS: std::sync::OnceLock<std::collections::HashMap<char, bool>> = std::sync::OnceLock::new();
    let forms = FORMS.get_or_init(|| {
        let chars: Vec<char> = PAIRS.chars().collect();
        let pairs = chars.chunks(2).filter(|pair| pair.len() == 2 && pair[0] != pair[1]);
        pairs.flat_map(|pair| [(pair[0], false), (pair[1], true)]).collect()
    });
    forms.get(&c).copied()
}

/// Counts of telling characters, Simplified and Traditional, in texts.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct ScriptCount {
    simplified: usize,
    traditional: usize,
}

impl ScriptCount {
    /// Adds the telling characters of `text`.
    pub(crate) fn add(&mut self, text: &str) {
        for c in text.chars().filter(|&c| super::is_cjk(c)) {
            match form(c) {
                Some(true) => self.traditional += 1,
                Some(false) => self.simplified += 1,
                None => {}
            }
        }
    }

    /// Whether the texts counted are written in Traditional characters.
    pub(crate) fn is_traditional(&self) -> bool {
        let telling = self.simplified + self.traditional;
        telling >= MIN_TELLING && self.traditional as f64 >= TRADITIONAL_SHARE * telling as f64
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn traditional(text: &str) -> bool {
        let mut count = ScriptCount::default();
        count.add(text);
        count.is_traditional()
    }

    #[test]
    fn pairs_are_whole_and_each_character_has_one_form() {
        let chars: Vec<char> = PAIRS.chars().collect();
        assert_eq!(chars.len() % 2, 0);
        let mut seen = std::collections::HashMap::new();
        for pair in chars.chunks(2) {
            if pair[0] == pair[1] {
                continue;
            }
            for (c, form) in [(pair[0], false), (pair[1], true)] {
                assert_eq!(*seen.entry(c).or_insert(form), form, "{c} is listed in both forms");
            }
        }
    }

    #[test]
    fn tells_the_forms_apart() {
        let table = [
            ("simplified prose", "我们用检索增强生成来减少模型的幻觉，这种方法很有效。", false),
            ("traditional prose", "我們用檢索增強生成來減少模型的幻覺，這種方法很有效。", true),
            ("taiwan usage", "機器學習的資料前處理與軟體測試", true),
            ("hong kong style", "這個網絡服務會把數據寫入資料庫", true),
            (
                "simplified quoting a traditional name",
                "我们在这个项目里用了「臺灣機器學習」的数据集和统计方法。",
                false,
            ),
            ("traditional quoting simplified words", "這篇文章討論「机器学习」在語音識別與自然語言處理的應用。", true),
            ("too few telling characters", "模型很好", false),
            ("no chinese", "overfitting and underfitting", false),
            ("characters alike in both forms only", "的是在有和人中大上", false),
        ];
        for (name, text, expected) in table {
            assert_eq!(traditional(text), expected, "{name}: {text}");
        }
    }
}
