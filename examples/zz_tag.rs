fn main() {
    let j = jieba_rs::Jieba::new();
    for s in std::env::args().skip(1) {
        let t = j.tag(&s, true);
        println!("{}", t.iter().map(|x| format!("{}/{}", x.word, x.tag)).collect::<Vec<_>>().join(" "));
    }
}
