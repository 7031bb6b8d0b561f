using SocialWorkStation.Domain.Services;
using SocialWorkStation.Domain.Staff;

/// <summary>The wording of the generated records: short, plausible station texts in Chinese (no real people).</summary>
internal static class ProvinceTexts
{
    public static T Pick<T>(this Random r, IReadOnlyList<T> items) => items[r.Next(items.Count)];

    // Visit domains with their share of visits (VisitDomains API names).
    public static readonly (string Domain, double Share)[] VisitDomainShares =
    [
        ("elderlyServices", 0.45), ("socialAssistance", 0.25), ("childWelfare", 0.12), ("socialAffairs", 0.08), ("communityGovernance", 0.05), ("other", 0.05),
    ];

    public static readonly string[] HomeFindings =
    [
        "老人独居，身体状况尚可，生活能够自理", "老人患高血压，按时服药，家中卫生较好", "低保户，家庭收入来源单一，子女在外务工",
        "留守儿童，与祖父母同住，学习情况一般", "残疾人，行动不便，需要康复辅具", "房屋年久失修，雨天有漏雨情况",
        "老人近期情绪低落，睡眠不好", "特困供养人员，饮食起居正常", "困境儿童，监护人照料到位", "家中用电用火存在安全隐患",
        "老人腿脚不便，需要代购生活用品", "服务对象反映临时救助尚未到账",
    ];

    public static readonly string[] HomeServices =
    [
        "了解近况，宣讲养老服务政策", "协助申请临时救助", "开展心理疏导，陪伴聊天", "讲解防范电信诈骗知识", "联系村医上门测量血压",
        "检查家中用电用火安全", "协助办理残疾人两项补贴", "链接志愿者提供助餐服务", "督促按时服药，提醒复诊", "协助整理房间，改善居住环境",
    ];

    public static readonly string[] PhoneFindings =
    [
        "电话问候，老人身体状况良好", "电话问候，服务对象近期无特殊需求", "电话联系，家属反映老人血压偏高",
        "电话问候，服务对象反映天气变冷需添衣被", "电话问候，儿童近期学习状况稳定", "电话问候，服务对象情绪平稳",
    ];

    public static readonly string[] PhoneServices =
    [
        "电话问候，提醒注意保暖和用电安全", "电话回访，了解救助金发放情况", "电话问候，提醒按时服药", "电话提醒防范电信诈骗",
        "电话关心近况，约定下次入户时间",
    ];

    public static readonly string[] FollowUps =
    [
        "下周再次入户了解康复辅具申请进度", "联系村委会协助修缮房屋", "转介乡镇卫生院进行健康检查", "跟进临时救助审批结果",
    ];

    public static readonly string[] CaseNeeds =
    [
        "经济困难，需要申请救助", "独居缺乏照料，需要日常生活支持", "情绪低落，需要心理支持", "子女教育缺乏监护，需要学业辅导",
        "行动不便，需要康复辅具", "家庭关系紧张，需要调解", "患慢性病，需要就医协助",
    ];

    public static readonly string[] CaseGoals =
    [
        "三个月内完成救助申请并落实", "建立每周探访与电话问候的支持网络", "改善情绪状态，恢复日常社交", "链接学业辅导志愿者，每周辅导一次",
        "协助申请并适配康复辅具", "修复家庭关系，形成稳定的照料安排",
    ];

    public static readonly string[] CaseServices =
    [
        "入户面谈，跟进服务计划执行情况", "陪同前往乡镇卫生院就诊", "协助准备救助申请材料", "开展心理疏导", "家庭会谈，协调照料安排",
        "链接志愿者提供学业辅导", "电话跟进，了解近况变化", "协助申请康复辅具并指导使用",
    ];

    public static readonly string[] Referrals = ["县残疾人联合会", "县人民医院", "乡镇卫生院", "县妇女联合会", "县未成年人救助保护中心"];

    public const string Assessment = "服务对象基本情况、需求与资源已评估，问题清楚，有改变意愿。";
    public const string Evaluation = "服务目标基本达成，服务对象状况改善，支持网络已建立。";

    public static readonly (string Name, string Purpose)[] Groups =
    [
        ("长者健康互助小组", "增进长者健康知识，建立互助关系"), ("留守儿童成长小组", "提升留守儿童自信与人际交往能力"),
        ("困境妇女支持小组", "提供情绪支持，增强就业信心"), ("残疾人康复互助小组", "交流康复经验，增强社会参与"),
        ("青少年情绪管理小组", "学习识别和管理情绪"), ("照顾者减压小组", "缓解照顾压力，分享照顾技巧"),
    ];

    public static readonly string[] SessionTopics = ["相识与建立契约", "认识自我", "分享与互助", "技能学习", "情绪与压力", "资源与支持", "回顾与展望", "总结与告别"];

    public static readonly ActivityKind[] DomainKinds =
    [
        ActivityKind.ElderlyServices, ActivityKind.ChildWelfare, ActivityKind.SocialAssistance, ActivityKind.CommunityGovernance,
        ActivityKind.SocialAffairs, ActivityKind.Other,
    ];

    public static string ActivityTheme(ActivityKind kind, Random r) => kind switch
    {
        ActivityKind.SocialWorkPublicity => r.Pick(["社会工作宣传周进村入户", "“社工在身边”宣传活动", "社会工作主题宣传日活动"]),
        ActivityKind.VolunteerAdvocacy => r.Pick(["学雷锋志愿服务倡导活动", "“邻里守望”志愿服务倡导", "志愿者招募与倡导活动"]),
        ActivityKind.ElderlyServices => r.Pick(["重阳节敬老活动", "长者义诊与健康讲座", "老年人防诈骗讲座"]),
        ActivityKind.ChildWelfare => r.Pick(["六一儿童节亲子活动", "暑期防溺水安全教育", "留守儿童读书会"]),
        ActivityKind.SocialAssistance => r.Pick(["社会救助政策宣讲", "困难群众慰问活动"]),
        ActivityKind.CommunityGovernance => r.Pick(["村规民约议事会", "环境卫生整治活动"]),
        ActivityKind.SocialAffairs => r.Pick(["婚俗改革宣传", "残疾人政策宣讲"]),
        _ => r.Pick(["平安建设宣传", "防灾减灾宣传"]),
    };

    public static readonly string[] ActivityPlaces = ["村委会", "乡镇文化广场", "社工站活动室", "中心小学", "敬老院"];

    public static readonly string[] VolunteerSkills = ["助老服务", "文艺表演", "医疗护理", "心理疏导", "法律咨询", "课业辅导"];

    public static readonly (string Name, string Area)[] Teams =
    [
        ("银龄志愿服务队", "助老服务"), ("青年志愿服务队", "关爱儿童"), ("巾帼志愿服务队", "邻里互助"), ("平安志愿服务队", "平安建设"),
    ];

    public static readonly string[] FeaturedTitles =
    [
        "“时间银行”助老互助服务案例", "留守儿童“四点半课堂”服务案例", "独居老人“一键呼”关爱服务案例", "困境家庭多方联动救助案例",
        "残疾人居家康复支持服务案例",
    ];

    public static readonly string[] FeaturedParagraphs =
    [
        "一、背景：本乡镇外出务工人员多，留守老人和儿童较多，照料与陪伴需求突出。",
        "二、需求评估：社工站通过入户走访和需求调研，梳理出照料、情绪支持和政策落实三类需求。",
        "三、服务计划：以个案为基础，结合小组和社区活动，链接村委会、卫生院和志愿者资源。",
        "四、服务过程：社工定期入户探访，开展小组活动，组织志愿者结对帮扶，并跟进救助政策落实。",
        "五、服务成效：服务对象的生活状况和情绪状态明显改善，邻里互助氛围逐步形成。",
        "六、专业反思：需进一步完善志愿者培训和服务记录，形成可推广的服务模式。",
    ];

    public static readonly string[] CheckFindings =
    [
        "查阅本月走访台账与个案记录，记录基本完整", "检查站点开放时间与值班情况，按时开放", "抽查服务对象档案，部分档案缺少签名",
        "了解小组与社区活动开展情况，进度正常", "检查服务台账，部分走访记录补录较多",
    ];

    public static readonly string[] CheckGuidance =
    [
        "指导规范填写走访记录，当天记录当天录入", "督促按计划推进个案服务，补齐服务记录", "指导小组活动设计与签到表整理",
        "提醒按时完成本月志愿者招募与登记",
    ];

    public static readonly string[] TrainingTopics = ["个案工作实务", "小组工作方法", "社会救助政策", "儿童保护实务", "社工伦理与督导", "老年社会工作"];

    public static readonly string[] TrainingProviders = ["省社会工作协会", "县民政局", "市社会工作服务指导中心", "社会组织孵化基地"];

    public static readonly (MajorCategory Kind, string Major)[] Majors =
    [
        (MajorCategory.SocialWork, "社会工作"), (MajorCategory.Related, "社会学"), (MajorCategory.Related, "社会保障"), (MajorCategory.Related, "民政管理"),
        (MajorCategory.Other, "汉语言文学"), (MajorCategory.Other, "会计学"), (MajorCategory.Other, "学前教育"),
    ];
}
