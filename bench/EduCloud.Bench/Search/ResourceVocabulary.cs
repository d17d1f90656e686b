namespace EduCloud.Bench.Search;

/// <summary>
/// Real words of the Chinese school catalogue the generated resources are built from: stages, subjects with real
/// textbook chapter names (人教版/部编版 tables of contents), editions, volumes, CELTS-41-style resource types and
/// the phrases teachers use in titles and descriptions.
/// </summary>
internal static class ResourceVocabulary
{
    public sealed record Subject(string Code, string Name, string Stage, string[] Chapters);

    public static readonly (string Code, string Name, string[] Grades)[] Stages =
    [
        ("primary", "小学", ["一年级", "二年级", "三年级", "四年级", "五年级", "六年级"]),
        ("junior", "初中", ["七年级", "八年级", "九年级"]),
        ("senior", "高中", ["高一", "高二", "高三"]),
    ];

    public static readonly Subject[] Subjects =
    [
        new("chinese", "语文", "primary", ["静夜思", "春晓", "咏鹅", "小蝌蚪找妈妈", "乌鸦喝水", "司马光", "坐井观天", "曹冲称象", "找春天", "雷雨", "古诗三首", "草船借箭", "景阳冈", "猴王出世", "将相和", "圆明园的毁灭", "少年闰土", "狼牙山五壮士", "开国大典", "匆匆"]),
        new("math", "数学", "primary", ["准备课", "位置", "1～5的认识和加减法", "认识图形", "11～20各数的认识", "20以内的进位加法", "100以内数的认识", "认识人民币", "长度单位", "表内乘法", "角的初步认识", "观察物体", "认识时间", "万以内的加法和减法", "多位数乘一位数", "分数的初步认识", "小数的初步认识", "三角形", "多边形的面积", "圆", "百分数", "比例", "鸡兔同笼", "扇形统计图"]),
        new("english", "英语", "primary", ["Hello", "Colours", "Look at me", "Animals", "Let's eat", "Numbers", "My classroom", "My schoolbag", "My friends", "My home", "Weather", "Shopping", "My school", "What time is it", "My family"]),
        new("science", "科学", "primary", ["植物", "动物", "我们的身体", "水", "空气", "天气", "声音", "运动和力", "岩石与土壤", "地球与宇宙", "物质的变化", "生物与环境"]),
        new("morality", "道德与法治", "primary", ["我是小学生啦", "校园生活真快乐", "家中的安全与健康", "我们的公共生活", "我们是公民", "法律保护我们健康成长"]),
        new("chinese", "语文", "junior", ["春", "济南的冬天", "雨的四季", "秋天的怀念", "从百草园到三味书屋", "论语十二章", "背影", "桃花源记", "岳阳楼记", "醉翁亭记", "出师表", "孔乙己", "故乡", "沁园春·雪", "愚公移山", "茅屋为秋风所破歌"]),
        new("math", "数学", "junior", ["有理数", "整式的加减", "一元一次方程", "几何图形初步", "相交线与平行线", "实数", "平面直角坐标系", "二元一次方程组", "不等式与不等式组", "三角形", "全等三角形", "轴对称", "勾股定理", "平行四边形", "一次函数", "一元二次方程", "二次函数", "旋转", "相似", "锐角三角函数"]),
        new("physics", "物理", "junior", ["机械运动", "声现象", "物态变化", "光现象", "透镜及其应用", "质量与密度", "力", "运动和力", "压强", "浮力", "功和机械能", "简单机械", "内能", "电流和电路", "欧姆定律", "电功率", "电与磁"]),
        new("chemistry", "化学", "junior", ["走进化学世界", "我们周围的空气", "物质构成的奥秘", "自然界的水", "化学方程式", "碳和碳的氧化物", "燃料及其利用", "金属和金属材料", "溶液", "酸和碱", "盐 化肥", "化学与生活"]),
        new("biology", "生物", "junior", ["生物和生物圈", "细胞是生命活动的基本单位", "生物圈中的绿色植物", "光合作用", "人体的营养", "人体的呼吸", "动物的运动和行为", "生物的遗传和变异", "生态系统", "传染病和免疫"]),
        new("history", "历史", "junior", ["中华文明的起源", "夏商周时期", "秦统一中国", "三国两晋南北朝", "隋唐时期", "宋元时期", "明清时期", "鸦片战争", "辛亥革命", "五四运动", "中华人民共和国的成立", "改革开放"]),
        new("geography", "地理", "junior", ["地球和地图", "陆地和海洋", "天气与气候", "居民与聚落", "中国的疆域", "中国的自然环境", "中国的自然资源", "中国的经济发展", "北方地区", "南方地区", "西北地区", "青藏地区"]),
        new("math", "数学", "senior", ["集合与常用逻辑用语", "函数的概念与性质", "指数函数与对数函数", "三角函数", "平面向量", "复数", "立体几何初步", "统计", "概率", "数列", "导数及其应用", "圆锥曲线的方程"]),
        new("physics", "物理", "senior", ["运动的描述", "匀变速直线运动的研究", "相互作用——力", "牛顿运动定律", "曲线运动", "万有引力与宇宙航行", "机械能守恒定律", "静电场", "电路及其应用", "电磁感应"]),
        new("chemistry", "化学", "senior", ["物质及其变化", "海水中的重要元素——钠和氯", "铁 金属材料", "物质结构 元素周期律", "化学反应速率与化学平衡", "有机化合物"]),
        new("english", "英语", "senior", ["Teenage life", "Travelling around", "Sports and fitness", "Cultural heritage", "The internet", "Environmental protection"]),
        new("politics", "思想政治", "senior", ["中国特色社会主义", "经济与社会", "政治与法治", "哲学与文化"]),
        new("it", "信息技术", "senior", ["数据与计算", "算法与程序设计", "信息系统与社会", "人工智能初步"]),
    ];

    public static readonly (string Code, string Name)[] Editions = [("pep", "人教版"), ("bnu", "北师大版"), ("js", "苏教版"), ("moe", "部编版"), ("hj", "沪教版"), ("fltrp", "外研版")];

    /// <summary>Type code, the words a title uses, the usual formats.</summary>
    public static readonly (string Code, string[] Names, string[] Formats)[] Types =
    [
        ("courseware", ["课件", "PPT课件", "精品课件"], ["pptx", "ppt"]),
        ("lesson-plan", ["教学设计", "教案", "说课稿", "导学案"], ["docx", "pdf"]),
        ("micro-lecture", ["微课", "微课视频"], ["mp4"]),
        ("classroom-record", ["课堂实录", "优质课视频"], ["mp4"]),
        ("test-paper", ["同步练习", "单元测试卷", "课时作业"], ["docx", "pdf"]),
        ("item-bank", ["习题", "试题及答案"], ["docx"]),
        ("media", ["教学素材", "图片素材", "朗读音频"], ["jpg", "png", "mp3"]),
        ("case", ["教学案例", "教学反思"], ["docx"]),
    ];

    public static readonly string[] Openings = ["本资源", "这份材料", "本节课", "本课件", "本设计", "本视频"];
    public static readonly string[] Purposes = ["帮助学生理解", "引导学生探究", "通过情境导入讲解", "以问题为主线梳理", "结合生活实例说明", "分层设计练习巩固", "借助动画演示", "用小组合作的方式学习"];
    public static readonly string[] Goals = ["重点和难点", "基本概念", "知识结构", "核心素养", "解题方法", "易错点", "实验过程", "学习方法"];
    public static readonly string[] Extras = ["适合新授课使用。", "可用于课后复习。", "配有课堂练习和答案。", "适合农村教学点双师课堂。", "含板书设计和教学反思。", "可直接用于公开课。", "附有拓展阅读材料。"];
    public static readonly string[] TagWords = ["重点", "难点", "公开课", "优质课", "复习", "预习", "期中", "期末", "同步", "拓展", "双减", "分层作业", "核心素养", "大单元教学"];
    public static readonly (string Code, int Weight)[] Languages = [("zh", 940), ("en", 20), ("bo", 10), ("ug", 10), ("mn", 8), ("ii", 6), ("za", 6)];
    public static readonly string[] Licences = ["free", "cc-by", "cc-by-nc", "paid"];
    public static readonly string[] Volumes = ["上册", "下册"];
}
