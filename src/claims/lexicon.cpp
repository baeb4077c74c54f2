#include "claims/lexicon.hpp"

#include <array>

namespace claimtrack::claims::lexicon {

namespace {

// Companies, labs and outlets common in technology and business news (zh and en).
constexpr std::array k_organizations = std::to_array<std::string_view>({
    "英伟达", "超威半导体", "英特尔", "博通", "华为", "苹果公司", "微软", "谷歌", "亚马逊", "特斯拉",
    "阿里巴巴", "阿里", "腾讯", "百度", "字节跳动", "小米", "台积电", "三星", "高通", "联发科",
    "中芯国际", "寒武纪", "海光", "摩尔线程", "月之暗面", "深度求索", "智谱", "甲骨文", "美光",
    "SK海力士", "联想", "比亚迪", "宁德时代", "京东", "美团", "拼多多", "网易", "快手", "蚂蚁集团",
    "Nvidia", "NVIDIA", "AMD", "Intel", "Broadcom", "Huawei", "Apple", "Microsoft", "Google",
    "Alphabet", "Amazon", "Tesla", "Alibaba", "Tencent", "Baidu", "ByteDance", "Xiaomi", "TSMC",
    "Samsung", "Qualcomm", "MediaTek", "SMIC", "OpenAI", "Meta", "Anthropic", "xAI", "Oracle",
    "IBM", "Arm", "Micron", "SemiAnalysis", "Moonshot AI", "DeepSeek", "SpaceX", "Netflix", "Uber",
    "Cambricon", "Lenovo", "BYD", "CATL", "SK Hynix", "Zhipu", "Mistral", "Cohere", "Databricks",
    "Reuters", "Bloomberg", "Financial Times", "金融时报", "路透社", "彭博社",
});

// People often named in technology and business news, in the script articles use.
constexpr std::array k_people = std::to_array<std::string_view>({
    "黄仁勋", "苏姿丰", "陈立武", "陈福阳", "马斯克", "任正非", "马云", "马化腾", "李彦宏", "雷军",
    "张一鸣", "梁文锋", "杨植麟", "库克", "纳德拉", "皮查伊", "奥尔特曼", "扎克伯格", "贝索斯",
    "魏哲家", "余承东", "孟晚舟", "徐直军", "胡厚崑", "基辛格", "王传福", "曾毓群", "刘强东",
    "Jensen Huang", "Lisa Su", "Lip-Bu Tan", "Hock Tan", "Elon Musk", "Tim Cook", "Satya Nadella",
    "Sundar Pichai", "Sam Altman", "Mark Zuckerberg", "Jeff Bezos", "Pat Gelsinger", "C.C. Wei",
    "Dario Amodei", "Ren Zhengfei", "Jack Ma", "Pony Ma", "Robin Li", "Lei Jun", "Liang Wenfeng",
    "Yang Zhilin", "Zhang Yiming", "Musk", "Huang",
});

constexpr std::array k_zh_roles = std::to_array<std::string_view>({
    "首席执行官", "首席技术官", "首席财务官", "首席运营官", "轮值董事长", "董事会主席", "联合创始人",
    "董事长", "副总裁", "总裁", "创始人", "总经理", "掌门人", "CEO", "CTO", "CFO", "COO",
});

constexpr std::array k_en_roles = std::to_array<std::string_view>({
    "chief executive officer", "chief executive", "chief technology officer", "chief financial officer",
    "chief operating officer", "chairwoman", "chairman", "co-founder", "founder", "president",
    "managing director", "CEO", "CTO", "CFO", "COO",
});

constexpr std::array k_zh_speech = std::to_array<std::string_view>({
    "表示", "指出", "强调", "警告", "直言", "坦言", "透露", "称赞", "声称", "宣布", "回应", "说", "称",
});

constexpr std::array k_en_speech = std::to_array<std::string_view>({
    "said", "says", "told", "warned", "added", "stated", "argued", "claimed", "noted", "explained",
    "insisted", "declared", "predicted",
});

constexpr std::array k_zh_not_speech = std::to_array<std::string_view>({
    "说出", "说到", "说明", "说法", "小说", "说服", "说话", "别说", "不说", "虽说", "据说", "想说",
    "可以说", "应该说", "比如说", "就是说", "没说", "所说", "听说", "消息说", "称为", "称号", "称之",
    "消息称", "据称", "堪称", "号称", "简称", "俗称", "自称", "声称为",
});

constexpr std::array k_hedges = std::to_array<std::string_view>({
    "有消息说", "有消息称", "消息称", "据称", "据报道", "据悉", "传闻", "据传", "传言", "很难证实",
    "难以证实", "无法证实", "未经证实", "据说", "reportedly", "allegedly", "according to rumours",
    "according to rumors", "is said to", "are said to", "was said to", "were said to", "rumoured",
    "rumored", "unconfirmed", "could not be verified", "hard to confirm", "people familiar with",
});

constexpr std::array k_doubts = std::to_array<std::string_view>({
    "很难证实", "难以证实", "无法证实", "未经证实", "hard to confirm", "could not be verified",
    "cannot be verified", "difficult to verify", "impossible to verify", "unverified",
});

constexpr std::array k_opinions = std::to_array<std::string_view>({
    "太聪明", "我觉得", "我认为", "我看", "在我看来", "挺好用", "真挺", "我今天", "我也试", "我不会",
    "平心而论", "说到这里", "看到这里", "看来", "应该懂", "沾沾自喜", "太会", "真的太", "竟然",
    "还真", "可见", "I think", "I believe", "in my view", "in my opinion", "I feel", "I tried",
    "to be fair", "frankly", "honestly", "I'd say", "we think", "I suspect",
});

constexpr std::array k_zh_comparisons = std::to_array<std::string_view>({
    "迄今为止", "史上", "首次", "首个", "首款", "首家", "第一", "屠榜", "榜首", "超越", "击败",
    "打败", "赢了", "战胜", "干翻", "领先于", "比不过", "不如", "冠军", "差了一个数量级", "数量级", "最",
});

constexpr std::array k_en_comparisons = std::to_array<std::string_view>({
    "for the first time", "the first", "the largest", "the biggest", "the best", "the fastest",
    "the most", "the highest", "the lowest", "the strongest", "the cheapest", "world's largest",
    "world's biggest", "world's best", "beat", "beats", "outperformed", "outperforms", "surpassed",
    "surpasses", "overtook", "overtaken", "ahead of", "topped", "top-ranked", "record high",
    "record low",
});

constexpr std::array k_zh_surnames = std::to_array<std::string_view>({
    "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭",
    "何", "高", "林", "罗", "郑", "梁", "谢", "宋", "唐", "许", "韩", "冯", "邓", "曹", "彭", "曾",
    "肖", "田", "董", "袁", "潘", "于", "蒋", "蔡", "余", "杜", "叶", "程", "苏", "魏", "吕", "丁",
    "任", "沈", "姚", "卢", "姜", "崔", "钟", "谭", "陆", "汪", "范", "金", "石", "廖", "贾", "夏",
    "韦", "付", "方", "白", "邹", "孟", "熊", "秦", "邱", "江", "尹", "薛", "闫", "段", "雷", "侯",
    "龙", "史", "陶", "黎", "贺", "顾", "毛", "郝", "龚", "邵", "万", "钱", "严", "覃", "武", "戴",
    "莫", "孔", "向", "汤", "雷", "常", "温", "康", "施", "文", "牛", "樊", "葛", "邢", "安", "齐",
    "易", "乔", "伍", "庞", "颜", "倪", "庄", "聂", "章", "鲁", "岳", "翟", "殷", "詹", "申", "欧",
});

constexpr std::array k_en_not_names = std::to_array<std::string_view>({
    "The", "A", "An", "In", "On", "At", "But", "And", "It", "He", "She", "They", "We", "I", "This",
    "That", "These", "Those", "Last", "For", "According", "However", "Meanwhile", "After", "Before",
    "When", "While", "Its", "His", "Her", "Their", "Our", "As", "So", "Yet", "Then", "There", "Here",
    "What", "Why", "How", "Who", "If", "Since", "By", "From", "With", "Also", "Still", "Even", "Now",
    "Today", "Yesterday", "Earlier", "Later", "One", "Some", "Many", "Most", "All", "Both", "Each",
    "AI", "CEO", "CTO", "CFO", "COO", "Chief", "Executive", "Officer", "Chairman", "President",
    "Founder", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December", "Share", "Subscribe", "Not", "No", "Only", "Just", "Such",
    "Of", "To", "Under", "Over", "Until", "Through", "Despite", "Although", "Because", "Once",
    "Analysts", "Officials", "Regulators", "Investors", "Experts", "Researchers", "Scientists",
    "Economists", "Critics", "Lawmakers", "Authorities", "Residents", "Workers", "Voters", "People",
    "Companies", "Sales", "Prices", "Shares", "Revenue", "Profits", "Exports", "Imports", "Data",
    "Figures", "Reports", "Sources", "Studies", "Surveys", "Polls", "Our", "Your", "My", "Every",
    "Few", "Several", "Another", "Other", "Nobody", "Everyone", "Everybody", "Nothing", "Yes", "Well",
    "Oh", "Thank", "Thanks", "Look", "Let", "Please", "Mr", "Mrs", "Ms", "Dr",
});

constexpr std::array k_zh_name_stops = std::to_array<std::string_view>({
    "也", "是", "的", "在", "说", "表", "称", "和", "与", "了", "还", "就", "曾", "已", "将", "都",
    "又", "则", "对", "于", "今", "去", "明", "等", "及", "担", "当", "出", "任", "为", "接", "正",
    "并", "再", "才", "先", "向", "被", "把", "从", "由", "认", "指", "强", "透", "直", "坦",
});

constexpr std::array k_zh_places = std::to_array<std::string_view>({
    "美国", "中国", "英国", "日本", "韩国", "德国", "法国", "印度", "俄罗斯", "欧盟", "欧洲", "欧美",
    "台湾", "香港", "澳门", "新加坡", "加拿大", "澳大利亚", "越南", "以色列", "荷兰", "意大利", "巴西",
    "北京", "上海", "深圳", "杭州", "广州", "成都", "武汉", "硅谷", "华盛顿", "纽约", "伦敦", "东京",
});

// What a number measures; longer entries first so the longest wins.
constexpr std::array k_zh_attributes = std::to_array<std::string_view>({
    "市场份额", "市场占有率", "出货量", "销售额", "营业收入", "净利润", "毛利率", "增长率", "自给率",
    "国产化率", "渗透率", "失业率", "通胀率", "研发投入", "市值", "估值", "营收", "收入", "利润",
    "份额", "占比", "销量", "产量", "产能", "价格", "股价", "用户", "员工", "人口", "预算", "投资",
    "融资", "罚款", "关税", "税率", "增速", "订单", "补贴", "算力", "功耗", "成本",
});

constexpr std::array k_zh_noun_stops = std::to_array<std::string_view>({
    "的", "是", "在", "将", "把", "被", "让", "使", "用", "为", "有", "到", "给", "连", "联", "接",
    "组", "成", "进", "出", "来", "去", "了", "都", "也", "就", "和", "与", "及", "等", "”", "\"",
    "’", "》", "，", "。", "、", "；", "：", ",", " ",
});

constexpr std::array k_en_noun_stops = std::to_array<std::string_view>({
    "in", "on", "at", "of", "for", "to", "from", "by", "with", "and", "or", "but", "than", "that",
    "which", "who", "whom", "whose", "is", "are", "was", "were", "be", "been", "has", "have", "had",
    "will", "would", "can", "could", "should", "may", "might", "must", "do", "does", "did", "a",
    "an", "the", "per", "each", "this", "these", "those", "as", "into", "over", "under", "since",
    "ago", "if", "when", "while", "because", "so", "out", "up", "down", "off", "about", "through",
    "they", "we", "you", "he", "she", "it", "i", "there", "here", "not", "no", "just", "only",
    "percent", "times", "more", "less", "fewer", "last", "next", "during", "after", "before",
    "without", "within", "across", "among", "against", "like", "what", "where", "than", "then",
    "things", "thing", "ways", "questions", "points", "reasons", "minutes", "seconds", "words",
    "ideas", "issues", "steps", "parts", "kinds", "sides", "examples", "or", "from",
});

constexpr std::array k_en_change_verbs = std::to_array<std::string_view>({
    "rose", "rise", "rises", "risen", "rising", "fell", "fall", "falls", "fallen", "falling",
    "grew", "grow", "grows", "grown", "growing", "increased", "increase", "increases", "decreased",
    "decrease", "declined", "decline", "declines", "dropped", "drop", "drops", "jumped", "jumps",
    "climbed", "climbs", "gained", "gains", "surged", "surges", "soared", "soars", "slipped",
    "slid", "plunged", "plummeted", "tumbled", "shrank", "expanded", "up", "down", "cut", "raised",
    "boosted", "lowered", "reduced",
});

constexpr std::array k_en_past_verbs = std::to_array<std::string_view>({
    "won", "lost", "made", "took", "gave", "sent", "cut", "built", "sold", "bought", "paid", "left",
    "led", "met", "ran", "spent", "brought", "became", "began", "broke", "chose", "fought", "found",
    "grew", "held", "hit", "kept", "knew", "laid", "put", "quit", "rose", "fell", "set", "shut",
    "stood", "struck", "swore", "told", "threw", "wrote", "drove", "fled", "froze", "stole", "was",
    "were", "had", "did", "has", "have",
});

constexpr std::array k_en_not_superlatives = std::to_array<std::string_view>({
    "interest", "rest", "west", "test", "request", "protest", "contest", "forest", "guest", "honest",
    "modest", "harvest", "suggest", "latest", "arrest", "chest", "quest", "nest", "pest", "vest",
    "midwest", "conquest", "manifest", "invest", "digest", "inquest", "behest", "unrest",
});

constexpr std::array k_en_future = std::to_array<std::string_view>({
    "will", "going to", "gonna", "would", "should", "ought to", "must", "need to", "needs to",
    "want to", "wants to", "plan to", "plans to", "let's", "let us", "let me", "we'll", "I'll",
    "you'll", "they'll", "shall", "hope to", "promise to", "propose", "I'm going", "we're going",
});

constexpr std::array k_zh_future = std::to_array<std::string_view>({
    "将会", "将超过", "将达到", "将突破", "将在", "将于", "预计", "有望", "计划", "打算", "会不会", "明年",
});

// Longer entries first so "研究院" wins over "院"-less shorter ones.
constexpr std::array k_zh_org_suffixes = std::to_array<std::string_view>({
    "微电子", "半导体", "研究院", "研究所", "实验室", "有限公司", "公司", "集团", "科技", "银行", "机构",
    "控股", "证券", "资本", "基金", "大学", "电子", "通信",
});

constexpr std::array k_zh_alias_suffixes = std::to_array<std::string_view>({
    "微电子", "半导体", "集团", "科技", "控股", "电子", "通信", "有限公司", "公司",
});

constexpr std::array k_zh_generic_stems = std::to_array<std::string_view>({
    "科技", "芯片", "手机", "互联网", "汽车", "国内", "国外", "海外", "外国", "国际", "上市", "大型", "中小",
    "研究", "市场", "投资", "咨询", "金融", "评级", "调研", "分析", "存储", "半导体", "电子", "通信",
    "这", "该", "那", "此", "其", "某", "每", "各", "本", "一", "两", "几", "多", "小", "大", "新", "老",
    "母", "子", "分", "总", "贵", "我", "你", "他", "她", "它",
});

constexpr std::array k_en_not_speech = std::to_array<std::string_view>({
    "said to be", "said to have", "is said", "are said", "was said", "were said", "be said", "been said",
});

}  // namespace

std::span<const std::string_view> zh_future() { return k_zh_future; }
std::span<const std::string_view> zh_org_suffixes() { return k_zh_org_suffixes; }
std::span<const std::string_view> zh_alias_suffixes() { return k_zh_alias_suffixes; }
std::span<const std::string_view> zh_generic_stems() { return k_zh_generic_stems; }
std::span<const std::string_view> en_not_speech() { return k_en_not_speech; }
std::span<const std::string_view> en_past_verbs() { return k_en_past_verbs; }
std::span<const std::string_view> en_not_superlatives() { return k_en_not_superlatives; }
std::span<const std::string_view> en_future() { return k_en_future; }
std::span<const std::string_view> zh_places() { return k_zh_places; }
std::span<const std::string_view> zh_attributes() { return k_zh_attributes; }
std::span<const std::string_view> zh_noun_stops() { return k_zh_noun_stops; }
std::span<const std::string_view> en_noun_stops() { return k_en_noun_stops; }
std::span<const std::string_view> en_change_verbs() { return k_en_change_verbs; }

std::span<const std::string_view> organizations() { return k_organizations; }
std::span<const std::string_view> people() { return k_people; }
std::span<const std::string_view> zh_roles() { return k_zh_roles; }
std::span<const std::string_view> en_roles() { return k_en_roles; }
std::span<const std::string_view> zh_speech_verbs() { return k_zh_speech; }
std::span<const std::string_view> en_speech_verbs() { return k_en_speech; }
std::span<const std::string_view> zh_not_speech() { return k_zh_not_speech; }
std::span<const std::string_view> hedges() { return k_hedges; }
std::span<const std::string_view> doubts() { return k_doubts; }
std::span<const std::string_view> opinions() { return k_opinions; }
std::span<const std::string_view> zh_comparisons() { return k_zh_comparisons; }
std::span<const std::string_view> en_comparisons() { return k_en_comparisons; }
std::span<const std::string_view> zh_surnames() { return k_zh_surnames; }
std::span<const std::string_view> en_not_names() { return k_en_not_names; }
std::span<const std::string_view> zh_name_stops() { return k_zh_name_stops; }

}  // namespace claimtrack::claims::lexicon
