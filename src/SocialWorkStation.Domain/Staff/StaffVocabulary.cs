using System.Text.Json;
using SocialWorkStation.Domain.Platforms;

namespace SocialWorkStation.Domain.Staff;

/// <summary>Highest education completed (docs/requirements/api.md: highSchool, juniorCollege 大专, bachelor, master, doctor). Ordered.</summary>
public enum Education { HighSchool = 1, JuniorCollege = 2, Bachelor = 3, Master = 4, Doctor = 5 }

/// <summary>docs/requirements/api.md majorCategory: social work, a related major (社会学、社会政策、民政管理、社区管理、社会保障…), or other.</summary>
public enum MajorCategory { SocialWork = 1, Related = 2, Other = 3 }

/// <summary>
/// Social work certificates (docs/requirements/domain.md §11). The three national ones are the levels of the national
/// vocational qualification (全国社会工作者职业资格/职业水平证书); LocalWorker is a certificate recognised by a
/// province's human-resources and civil-affairs departments (Qiongzhong (五)3(2)).
/// </summary>
public enum CertificateKind { NationalAssistant = 1, National = 2, NationalSenior = 3, LocalWorker = 4 }

/// <summary>Station head (站长) or social worker (社工).</summary>
public enum WorkerRole { Head = 1, Worker = 2 }

/// <summary>Hiring priorities the documents name; shown as ranking hints, never as errors.</summary>
public enum HiringPriority
{
    /// <summary>本地户籍 (Ledong 四(三), Qiongzhong (五)3, Hunan 五(三)).</summary>
    LocalHukou = 1,
    /// <summary>省内应届大学毕业生 (Ledong 四(三)).</summary>
    ProvincialFreshGraduate = 2,
    /// <summary>具有省内社会工作实训基地实习经验 (Ledong 四(三)).</summary>
    TrainingBaseIntern = 3,
    /// <summary>具有社会工作专业资质：社会工作及相关专业毕业或持有全国证书 (Hunan 五(三)).</summary>
    SocialWorkQualification = 4,
}

/// <summary>How the three kinds of alternative in a "符合条件之一" list are met.</summary>
public enum QualificationKind { Major = 1, Certificate = 2, Training = 3 }

/// <summary>API names (camelCase) and the Chinese a station head reads.</summary>
public static class StaffNames
{
    public static string Api<T>(T value) where T : struct, Enum => JsonNamingPolicy.CamelCase.ConvertName(value.ToString());

    public static T? FromApi<T>(string? value) where T : struct, Enum
    {
        foreach (var v in Enum.GetValues<T>())
        {
            if (Api(v) == value)
            {
                return v;
            }
        }
        return null;
    }

    public static string Chinese(Education e) => e switch
    {
        Education.HighSchool => "高中（中专）及以下",
        Education.JuniorCollege => "大专",
        Education.Bachelor => "本科",
        Education.Master => "硕士研究生",
        Education.Doctor => "博士研究生",
        _ => "",
    };

    public static string Chinese(MajorCategory m) => m switch
    {
        MajorCategory.SocialWork => "社会工作专业",
        MajorCategory.Related => "社会工作相关专业",
        MajorCategory.Other => "其他专业",
        _ => "",
    };

    public static string Chinese(CertificateKind k) => k switch
    {
        CertificateKind.NationalAssistant => "助理社会工作师",
        CertificateKind.National => "社会工作师（中级）",
        CertificateKind.NationalSenior => "高级社会工作师",
        CertificateKind.LocalWorker => "社会工作员（地方）",
        _ => "",
    };

    /// <summary>docs/requirements/api.md certificates[].level: the level of the qualification a kind stands for.</summary>
    public static string Level(CertificateKind k) => k switch
    {
        CertificateKind.NationalAssistant => "assistant",
        CertificateKind.National => "intermediate",
        CertificateKind.NationalSenior => "senior",
        _ => "local",
    };

    public static string Chinese(WorkerRole r) => r == WorkerRole.Head ? "站长" : "社工";

    public static string Chinese(HiringPriority p) => p switch
    {
        HiringPriority.LocalHukou => "本地户籍",
        HiringPriority.ProvincialFreshGraduate => "省内应届大学毕业生",
        HiringPriority.TrainingBaseIntern => "省内社会工作实训基地实习经验",
        HiringPriority.SocialWorkQualification => "社会工作专业资质（社会工作及相关专业毕业或持有全国社会工作者职业资格证书）",
        _ => "",
    };

    /// <summary>A list of certificate kinds in words: "助理社会工作师、社会工作师（中级）或高级社会工作师".</summary>
    public static string Certificates(IReadOnlyList<CertificateKind> kinds)
    {
        var national = new[] { CertificateKind.NationalAssistant, CertificateKind.National, CertificateKind.NationalSenior };
        if (national.All(kinds.Contains) && kinds.Count == 3)
        {
            return "全国社会工作者职业资格证书（助理社会工作师及以上）";
        }
        if (kinds.Count == 2 && kinds.Contains(CertificateKind.National) && kinds.Contains(CertificateKind.NationalSenior))
        {
            return "中级（含）以上社会工作师证书";
        }
        var names = kinds.Select(Chinese).ToList();
        return names.Count <= 1 ? string.Concat(names) : string.Join("、", names.Take(names.Count - 1)) + "或" + names[^1];
    }

    public static string Majors(IReadOnlyList<MajorCategory> majors) =>
        majors.Contains(MajorCategory.Other) ? "不限专业" : string.Join("或", majors.Select(Chinese));

    public static string Platforms(IReadOnlyList<PlatformKind> kinds) => string.Join("、", kinds.Select(PlatformKinds.Chinese));

    /// <summary>The Chinese name of each rule a staff finding can carry (for filters and exports).</summary>
    public static readonly IReadOnlyDictionary<string, string> Rules = new Dictionary<string, string>
    {
        [StaffRule.Employment] = "在岗状态",
        [StaffRule.Age] = "年龄",
        [StaffRule.Education] = "学历",
        [StaffRule.Major] = "专业",
        [StaffRule.Qualification] = "任职资质（符合条件之一）",
        [StaffRule.CertificateDeadline] = "入职2年内取得证书",
        [StaffRule.HeadCertificate] = "站长资质",
        [StaffRule.SocialWorker] = "社会工作者认定",
        [StaffRule.AnnualTraining] = "上年度培训学时",
        [StaffRule.AnnualTrainingPace] = "本年度培训进度",
        [StaffRule.StaffCount] = "驻站社工人数",
        [StaffRule.RequiredStaff] = "核定人数",
        [StaffRule.HeadCount] = "站长人数",
        [StaffRule.VillageRoomStaff] = "社工室人员",
        [StaffRule.VillageContacts] = "村（社区）定点联系社工",
        [StaffRule.NewCertificates] = "年度新增持证人数",
        [StaffRule.Workers] = "驻站社工检查结果",
    };
}

/// <summary>The rule names staff findings carry (docs/requirements/api.md finding.rule).</summary>
public static class StaffRule
{
    public const string Employment = "employment";
    public const string Age = "age";
    public const string Education = "education";
    public const string Major = "major";
    public const string Qualification = "qualification";
    public const string CertificateDeadline = "certificateDeadline";
    public const string HeadCertificate = "headCertificate";
    public const string SocialWorker = "socialWorker";
    public const string AnnualTraining = "annualTraining";
    public const string AnnualTrainingPace = "annualTrainingPace";
    public const string StaffCount = "staffCount";
    public const string RequiredStaff = "requiredStaff";
    public const string HeadCount = "headCount";
    public const string VillageRoomStaff = "villageRoomStaff";
    public const string VillageContacts = "villageContacts";
    public const string NewCertificates = "newCertificates";
    public const string Workers = "workers";
}
